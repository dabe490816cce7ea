import type { PropertyValue, UnknownResource } from '@ucwa/model';
import type { ApplicationHandle } from '../../apps/application.ts';
import { ucwaError } from '../../http/errors.ts';
import type { Reply } from '../../http/types.ts';
import type { InputBody } from '../../wire/codec.ts';
import { renewEtag } from '../conditional-put.ts';
import type { AppRoute, Feature, FeatureFactory, FeatureHost, RouteContext } from '../feature.ts';
import { perApplication, perUser } from '../state.ts';
import { availableEvents, meEvent } from './me-events.ts';
import {
  activityFor,
  forwardingResource,
  locationResource,
  meResource,
  noteResource,
  phoneResource,
  phonesResource,
  presenceResource,
} from './me-resources.ts';
import { type EndpointState, newEndpoint, newForwarding } from './me-state.ts';

const ok = (resource: UnknownResource): Reply => ({ kind: 'resource', status: 200, resource });
const noContent: Reply = { kind: 'raw', status: 204 };

function text(input: InputBody | undefined, name: string): string | undefined {
  const value: PropertyValue | undefined = input?.properties[name];
  return typeof value === 'string' ? value : undefined;
}

function list(input: InputBody | undefined, name: string): string[] | undefined {
  const value = input?.properties[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : undefined;
}

/**
 * The `me` family: me, presence, note, location, makeMeAvailable, reportMyActivity,
 * phones, callForwardingSettings (PUT with ETag). Presence, note and location are the
 * user's (shared through `host.userState`); availability is per application.
 */
export const meFeature: FeatureFactory = (host: FeatureHost): Feature => {
  const endpoints = perApplication<EndpointState>(() => newEndpoint());
  const forwarding = perUser((_address) => newForwarding(host.ids));
  const requireAvailable = (ctx: RouteContext): Reply | undefined =>
    endpoints.get(ctx.app).available
      ? undefined
      : ucwaError(409, 'MakeMeAvailableRequired', { message: 'Call makeMeAvailable first.' });
  const toAvailable = (address: string, rel: string, path: string): void =>
    host.events.toUser(address, (app) =>
      endpoints.peek(app)?.available ? meEvent(app, 'updated', rel, path) : undefined,
    );

  const makeMeAvailable = (ctx: RouteContext): Reply => {
    const endpoint = endpoints.get(ctx.app);
    if (endpoint.available)
      return ucwaError(409, 'AlreadyExists', { message: 'Already available.' });
    endpoint.available = true;
    endpoint.supportedModalities = list(ctx.input, 'supportedModalities') ?? ['Messaging'];
    endpoint.supportedMessageFormats = list(ctx.input, 'supportedMessageFormats') ?? ['Plain'];
    endpoint.phoneNumber = text(ctx.input, 'phoneNumber') ?? '';
    const availability = text(ctx.input, 'signInAs') ?? 'Online';
    for (const event of availableEvents(ctx.app)) host.events.toApplication(ctx.app, event);
    host.userState.update(ctx.user.address, {
      availability,
      activity: activityFor(availability),
      lastActive: host.clock.now(),
    });
    toAvailable(ctx.user.address, 'presence', 'me/presence');
    return noContent;
  };

  const setPresence = (ctx: RouteContext): Reply => {
    const availability = text(ctx.input, 'availability');
    if (availability === undefined)
      return ucwaError(400, 'ParameterValidationFailure', {
        parameters: [{ name: 'availability', value: '' }],
      });
    host.userState.update(ctx.user.address, { availability, activity: activityFor(availability) });
    toAvailable(ctx.user.address, 'presence', 'me/presence');
    return noContent;
  };

  const setNote = (ctx: RouteContext): Reply => {
    host.userState.update(ctx.user.address, {
      note: text(ctx.input, 'message') ?? ctx.query.get('message') ?? '',
      noteType: 'Personal',
    });
    toAvailable(ctx.user.address, 'note', 'me/note');
    return noContent;
  };

  const setLocation = (ctx: RouteContext): Reply => {
    host.userState.update(ctx.user.address, { location: text(ctx.input, 'location') ?? '' });
    toAvailable(ctx.user.address, 'location', 'me/location');
    return noContent;
  };

  const putForwarding = (ctx: RouteContext): Reply => {
    const state = forwarding(ctx.user.address);
    const input = ctx.input?.properties ?? {};
    for (const [name, value] of Object.entries(input)) {
      if (name === state.guard.secret || name === 'rel' || typeof value !== 'string') continue;
      if (name === 'activePeriod' || name === 'activeSetting' || name === 'unansweredCallHandling')
        state[name] = value;
      else state.extra[name] = value;
    }
    renewEtag(state.guard, host.ids);
    return ok(forwardingResource(ctx.app, state));
  };

  const gated = (handle: (ctx: RouteContext) => Reply) => (ctx: RouteContext) =>
    requireAvailable(ctx) ?? handle(ctx);
  const state = (ctx: RouteContext) => host.userState.get(ctx.user.address);

  const routes: AppRoute[] = [
    {
      method: 'GET',
      path: 'me',
      rel: 'me',
      handle: (ctx) => ok(meResource(ctx.app, ctx.user, endpoints.get(ctx.app))),
    },
    { method: 'POST', path: 'me/makeMeAvailable', rel: 'makeMeAvailable', handle: makeMeAvailable },
    {
      method: 'GET',
      path: 'me/presence',
      rel: 'presence',
      handle: gated((ctx) => ok(presenceResource(ctx.app, state(ctx)))),
    },
    { method: 'POST', path: 'me/presence', rel: 'presence', handle: gated(setPresence) },
    {
      method: 'GET',
      path: 'me/note',
      rel: 'note',
      handle: gated((ctx) => ok(noteResource(ctx.app, state(ctx)))),
    },
    { method: 'POST', path: 'me/note', rel: 'note', handle: gated(setNote) },
    {
      method: 'GET',
      path: 'me/location',
      rel: 'location',
      handle: gated((ctx) => ok(locationResource(ctx.app, state(ctx)))),
    },
    { method: 'POST', path: 'me/location', rel: 'location', handle: gated(setLocation) },
    {
      method: 'POST',
      path: 'me/reportMyActivity',
      rel: 'reportMyActivity',
      handle: gated((ctx) => {
        host.userState.update(ctx.user.address, { lastActive: host.clock.now() });
        return noContent;
      }),
    },
    {
      method: 'GET',
      path: 'me/phones',
      rel: 'phones',
      handle: (ctx) => ok(phonesResource(ctx.app, ctx.user)),
    },
    {
      method: 'GET',
      path: 'me/phones/:id',
      rel: 'phone',
      handle: (ctx) => {
        const number =
          ctx.params.id === 'work'
            ? ctx.user.workPhoneNumber
            : ctx.params.id === 'mobile'
              ? ctx.user.mobilePhoneNumber
              : undefined;
        if (number === undefined) return ucwaError(404, 'ResourceNotFound');
        return ok(
          phoneResource(
            ctx.app,
            ctx.params.id ?? '',
            ctx.params.id === 'work' ? 'Work' : 'Mobile',
            number,
          ),
        );
      },
    },
    {
      method: 'GET',
      path: 'me/callForwardingSettings',
      rel: 'callForwardingSettings',
      handle: (ctx) => ok(forwardingResource(ctx.app, forwarding(ctx.user.address))),
    },
    {
      method: 'PUT',
      path: 'me/callForwardingSettings',
      rel: 'callForwardingSettings',
      guard: (ctx) => forwarding(ctx.user.address).guard,
      handle: putForwarding,
    },
  ];

  return {
    name: 'me',
    routes,
    embeds: { me: (app: ApplicationHandle) => meResource(app, app.user, endpoints.get(app)) },
    onApplicationRemoved(app) {
      endpoints.delete(app);
      const stillAvailable = host.applications
        .ofUser(app.user.address)
        .some((other) => other.id !== app.id && endpoints.peek(other)?.available);
      if (!stillAvailable)
        host.userState.update(app.user.address, { availability: 'Offline', activity: 'Offline' });
    },
  };
};
