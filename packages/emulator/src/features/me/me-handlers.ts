import { ucwaError } from '../../http/errors.ts';
import type { Reply } from '../../http/types.ts';
import { renewEtag } from '../conditional-put.ts';
import type { FeatureHost, RouteContext } from '../feature.ts';
import { list, text } from '../input.ts';
import { conflict, noContent, notFound, ok } from '../replies.ts';
import type { PerApplication } from '../state.ts';
import { meEvent, meEvents } from './me-events.ts';
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
import type { EndpointState, ForwardingState } from './me-state.ts';

/** What the me handlers share. */
export interface MeState {
  readonly host: FeatureHost;
  readonly endpoints: PerApplication<EndpointState>;
  readonly forwarding: (address: string) => ForwardingState;
}

/** Tells every available application of the user that one of its resources changed. */
function toAvailable(me: MeState, address: string, rel: string, path: string): void {
  me.host.events.toUser(address, (app) =>
    me.endpoints.peek(app)?.available ? meEvent(app, 'updated', rel, path) : undefined,
  );
}

/** Runs `handle` only after makeMeAvailable (409 MakeMeAvailableRequired before). */
export const gated =
  (handle: (me: MeState, ctx: RouteContext) => Reply) =>
  (me: MeState, ctx: RouteContext): Reply =>
    me.endpoints.get(ctx.app).available
      ? handle(me, ctx)
      : ucwaError(409, 'MakeMeAvailableRequired', { message: 'Call makeMeAvailable first.' });

export const getMe = (me: MeState, ctx: RouteContext): Reply =>
  ok(meResource(ctx.app, ctx.user, me.endpoints.get(ctx.app)));

/** makeMeAvailable: publishes the endpoint; the communication update goes out first. */
export function makeMeAvailable(me: MeState, ctx: RouteContext): Reply {
  const endpoint = me.endpoints.get(ctx.app);
  if (endpoint.available) return conflict('Already available.', 'AlreadyExists');
  endpoint.available = true;
  endpoint.supportedModalities = list(ctx.input, 'supportedModalities') ?? ['Messaging'];
  endpoint.supportedMessageFormats = list(ctx.input, 'supportedMessageFormats') ?? ['Plain'];
  endpoint.phoneNumber = text(ctx.input, 'phoneNumber') ?? '';
  me.host.madeAvailable(ctx.app, endpoint);
  for (const event of meEvents(ctx.app)) me.host.events.toApplication(ctx.app, event);
  const availability = text(ctx.input, 'signInAs') ?? 'Online';
  me.host.userState.update(ctx.user.address, {
    availability,
    activity: activityFor(availability),
    lastActive: me.host.clock.now(),
  });
  toAvailable(me, ctx.user.address, 'presence', 'me/presence');
  return noContent();
}

const stateOf = (me: MeState, ctx: RouteContext) => me.host.userState.get(ctx.user.address);

export const getPresence = gated((me, ctx) => ok(presenceResource(ctx.app, stateOf(me, ctx))));
export const getNote = gated((me, ctx) => ok(noteResource(ctx.app, stateOf(me, ctx))));
export const getLocation = gated((me, ctx) => ok(locationResource(ctx.app, stateOf(me, ctx))));

/** POST presence (availability validated from the catalog before this runs). */
export const setPresence = gated((me, ctx) => {
  const availability = text(ctx.input, 'availability') ?? 'Online';
  me.host.userState.update(ctx.user.address, { availability, activity: activityFor(availability) });
  toAvailable(me, ctx.user.address, 'presence', 'me/presence');
  return noContent();
});

export const setNote = gated((me, ctx) => {
  const message = text(ctx.input, 'message') ?? ctx.query.get('message') ?? '';
  me.host.userState.update(ctx.user.address, { note: message, noteType: 'Personal' });
  toAvailable(me, ctx.user.address, 'note', 'me/note');
  return noContent();
});

export const setLocation = gated((me, ctx) => {
  me.host.userState.update(ctx.user.address, { location: text(ctx.input, 'location') ?? '' });
  toAvailable(me, ctx.user.address, 'location', 'me/location');
  return noContent();
});

/** reportMyActivity, at `me/reportMyActivity` and at the application (the reference's example). */
export const reportMyActivity = gated((me, ctx) => {
  me.host.userState.update(ctx.user.address, { lastActive: me.host.clock.now() });
  return noContent();
});

export const getPhones = (_me: MeState, ctx: RouteContext): Reply =>
  ok(phonesResource(ctx.app, ctx.user));

export function getPhone(_me: MeState, ctx: RouteContext): Reply {
  const id = ctx.params.id ?? '';
  const number =
    id === 'work' ? ctx.user.workPhoneNumber : id === 'mobile' ? ctx.user.mobilePhoneNumber : '';
  if (number === undefined || number === '') return notFound();
  return ok(phoneResource(ctx.app, id, id === 'work' ? 'Work' : 'Mobile', number));
}

export const getForwarding = (me: MeState, ctx: RouteContext): Reply =>
  ok(forwardingResource(ctx.app, me.forwarding(ctx.user.address)));

/** PUT callForwardingSettings (the conditional-PUT rules ran before). */
export function putForwarding(me: MeState, ctx: RouteContext): Reply {
  const state = me.forwarding(ctx.user.address);
  for (const [name, value] of Object.entries(ctx.input?.properties ?? {})) {
    if (name === state.guard.secret || name === 'rel' || typeof value !== 'string') continue;
    if (name === 'activePeriod' || name === 'activeSetting' || name === 'unansweredCallHandling')
      state[name] = value;
    else state.extra[name] = value;
  }
  renewEtag(state.guard, me.host.ids);
  return ok(forwardingResource(ctx.app, state));
}
