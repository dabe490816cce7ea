import type { ApplicationHandle } from '../../apps/application.ts';
import type { Feature, FeatureFactory, FeatureHost } from '../feature.ts';
import { bindRoutes, type RouteSpec } from '../route-table.ts';
import { perApplication, perUser } from '../state.ts';
import * as h from './me-handlers.ts';
import { meResource } from './me-resources.ts';
import { newEndpoint, newForwarding } from './me-state.ts';

const ROUTES: readonly RouteSpec<h.MeState>[] = [
  { method: 'GET', path: 'me', rel: 'me', handle: h.getMe },
  { method: 'POST', path: 'me/makeMeAvailable', rel: 'makeMeAvailable', handle: h.makeMeAvailable },
  { method: 'GET', path: 'me/presence', rel: 'presence', handle: h.getPresence },
  { method: 'POST', path: 'me/presence', rel: 'presence', handle: h.setPresence },
  { method: 'GET', path: 'me/note', rel: 'note', handle: h.getNote },
  { method: 'POST', path: 'me/note', rel: 'note', handle: h.setNote },
  { method: 'GET', path: 'me/location', rel: 'location', handle: h.getLocation },
  { method: 'POST', path: 'me/location', rel: 'location', handle: h.setLocation },
  {
    method: 'POST',
    path: 'me/reportMyActivity',
    rel: 'reportMyActivity',
    handle: h.reportMyActivity,
  },
  { method: 'POST', path: 'reportMyActivity', rel: 'reportMyActivity', handle: h.reportMyActivity },
  { method: 'GET', path: 'me/phones', rel: 'phones', handle: h.getPhones },
  { method: 'GET', path: 'me/phones/:id', rel: 'phone', handle: h.getPhone },
  {
    method: 'GET',
    path: 'me/callForwardingSettings',
    rel: 'callForwardingSettings',
    handle: h.getForwarding,
  },
  {
    method: 'PUT',
    path: 'me/callForwardingSettings',
    rel: 'callForwardingSettings',
    guard: (me, ctx) => me.forwarding(ctx.user.address).guard,
    handle: h.putForwarding,
  },
];

/**
 * The `me` family: me, presence, note, location, makeMeAvailable, reportMyActivity (under
 * me and, as reportMyActivity_ref.md's example has it, under the application), phones,
 * callForwardingSettings (PUT with ETag). Presence, note and location are the user's
 * (shared through `host.userState`); availability is per application.
 */
export const meFeature: FeatureFactory = (host: FeatureHost): Feature => {
  const me: h.MeState = {
    host,
    endpoints: perApplication(() => newEndpoint()),
    forwarding: perUser(() => newForwarding(host.ids)),
  };
  const available = (app: ApplicationHandle): boolean => me.endpoints.peek(app)?.available ?? false;
  return {
    name: 'me',
    routes: bindRoutes(me, ROUTES),
    embeds: { me: (app) => meResource(app, app.user, me.endpoints.get(app)) },
    onApplicationRemoved(app) {
      me.endpoints.delete(app);
      const others = host.applications.ofUser(app.user.address).filter((o) => o.id !== app.id);
      if (!others.some(available))
        host.userState.update(app.user.address, { availability: 'Offline', activity: 'Offline' });
    },
  };
};
