import {
  findLinks,
  listEmbedded,
  type PropertyBag,
  type Rel,
  type Resource,
  type UnknownResource,
} from '@ucwa/model';
import { UcwaSessionClosedError } from '../errors/session-closed-error.ts';
import { createMeetings } from '../helpers/meetings.ts';
import { createMessaging } from '../helpers/messaging.ts';
import { createPeople } from '../helpers/people.ts';
import { createPhoneAudio } from '../helpers/phone-audio.ts';
import { createPresence } from '../helpers/presence.ts';
import { currentMe, makeMeAvailable } from './availability.ts';
import { batchGet } from './batch-get.ts';
import { liveApplication } from './hub.ts';
import { invokeLink } from './invoke.ts';
import { followLink, readLink, updateResource } from './navigation.ts';
import { endSession } from './recovery.ts';
import type { Session } from './session.ts';
import type { SessionCore, TabHooks } from './session-core.ts';
import type { SessionSnapshot } from './snapshot-types.ts';
import { subscribe } from './subscribe.ts';

/** The typed view of a resource the navigation functions checked (rel verified at run time). */
function typed<T>(resource: UnknownResource): T;
function typed<T>(resource: UnknownResource | undefined): T | undefined;
function typed<T>(resource: UnknownResource | undefined): T | undefined {
  return resource as T | undefined;
}

/**
 * A typed resource as the untyped one it is at run time (the model documents every
 * `Resource<R>` as an `UnknownResource`; the compiler cannot see it for a generic `R`).
 */
function plain<R extends Rel>(resource: Resource<R>): UnknownResource {
  return resource as unknown as UnknownResource;
}

function assertOpen(core: SessionCore, what: string): void {
  const status = core.status.current;
  if (status.state === 'signedOut') throw new UcwaSessionClosedError(what, status.reason);
}

/** The href `target` names: itself, or what the application embeds or links under that rel. */
function hrefOf(core: SessionCore, target: string): string {
  if (target.includes('/')) return target;
  const app = core.application;
  const href = listEmbedded(app, target)[0]?.href ?? findLinks(app, target)[0]?.href;
  if (href === undefined)
    throw new TypeError(`the application has no "${target}" resource to watch`);
  return href;
}

function snapshotOf(core: SessionCore, secrets: boolean): SessionSnapshot {
  const cursor = core.channel?.cursor ?? core.finalCursor;
  if (cursor === undefined) throw new UcwaSessionClosedError('snapshot', 'no event channel');
  const token = secrets ? core.transport.currentToken() : undefined;
  return {
    version: 1,
    endpointId: core.identity.endpointId,
    userAgent: core.identity.userAgent,
    culture: core.identity.culture,
    instanceId: core.identity.instanceId,
    applicationHref: core.key(core.application.href),
    discovery: { userUrl: core.userUrl, applicationsUrl: core.applicationsUrl },
    cursor,
    ...(token === undefined ? {} : { token }),
  };
}

async function signOut(core: SessionCore): Promise<void> {
  if (core.status.current.state === 'signedOut') return;
  const href = core.key(core.application.href);
  endSession(core, { kind: 'signOut' });
  await core.cfg.records.clearDiscovery();
  await core.transport.delete(href);
}

/** A tab's session: the leading tab signs out, and this one ends. */
async function tabSignOut(core: SessionCore, tab: TabHooks): Promise<void> {
  if (core.status.current.state === 'signedOut') return;
  endSession(core, { kind: 'signOut' });
  await tab.signOut();
}

/** Where {@link sessionOf} keeps the core (not enumerable): for the tabs of `joinTabs`. */
const CORE = Symbol('ucwa.sessionCore');

/** The core of a session `sessionOf` made; internal, not exported by the package. */
export function coreOf(session: Session): SessionCore | undefined {
  return (session as { [CORE]?: SessionCore })[CORE];
}

/** The public face of a session core. */
export function sessionOf(core: SessionCore): Session {
  const session: Session = {
    get status() {
      return core.status.current;
    },
    onStatus: (listener) => core.status.subscribe(listener),
    get application() {
      return liveApplication(core);
    },
    get transport() {
      return core.transport;
    },
    store: core.store,
    me: () => currentMe(core),
    get: async (resource, rel, o) => typed(await readLink(core, plain(resource), rel, o?.signal)),
    follow: async (resource, rel, o) =>
      typed(await followLink(core, plain(resource), rel, o?.signal)),
    read: (href, o) => core.store.read(href, o),
    invoke: async (resource, rel, ...input) => {
      assertOpen(core, `invoke ${rel}`);
      return invokeLink(core, plain(resource), rel, input[0]);
    },
    update: (resource, changes, o) =>
      updateResource(core, plain(resource), changes as PropertyBag, o?.signal),
    watch: (target, watcher) => core.store.watch(hrefOf(core, target), watcher),
    on: (filter, handler) => subscribe(core, filter, handler),
    makeMeAvailable: (input = {}) => makeMeAvailable(core, input),
    presence: createPresence(core),
    people: createPeople(core),
    messaging: createMessaging(core),
    phoneAudio: createPhoneAudio(core),
    meetings: createMeetings(core),
    batch: (hrefs, o) => batchGet(core, hrefs, o?.signal),
    snapshot: (o) =>
      core.tab?.snapshot(o?.secrets === true) ?? snapshotOf(core, o?.secrets === true),
    detach: async () => {
      const channel = core.channel;
      endSession(core, { kind: 'detached' });
      await channel?.stopped;
      // Stopped: nothing after this cursor was dispatched, so a snapshot continues from it.
      core.finalCursor = channel?.cursor;
    },
    signOut: () => (core.tab === undefined ? signOut(core) : tabSignOut(core, core.tab)),
  };
  Object.defineProperty(session, CORE, { value: core });
  return session;
}
