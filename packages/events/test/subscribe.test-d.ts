import type { AudioVideoProperties, Resource, UnknownResource } from '@ucwa/model';
import { expectTypeOf, test } from 'vitest';
import { createEventChannel } from '../src/index.ts';

const channel = createEventChannel({ href: '/events', fetchEvents: () => new Promise(() => {}) });

test('a subscription by rel hands the embedded resource typed for that rel', () => {
  channel.on({ rel: 'audioVideo', type: 'updated' }, (event) => {
    expectTypeOf(event.resource).toEqualTypeOf<Resource<'audioVideo'> | undefined>();
    expectTypeOf(event.resource?.properties.state).toEqualTypeOf<
      AudioVideoProperties['state'] | undefined
    >();
  });
});

test('a subscription without a rel gets an UnknownResource', () => {
  channel.on({ type: 'added' }, (event) => {
    expectTypeOf(event.resource).toEqualTypeOf<UnknownResource | undefined>();
  });
});

test('a wrong event type does not compile', () => {
  // @ts-expect-error 'changed' is not an event type
  channel.on({ type: 'changed' }, () => {});
});
