import type { EventCursor, FetchEvents } from '@ucwa/events';
import type { Resource } from '@ucwa/model';
import type { Transport } from '@ucwa/transport';
import { conversationHandles } from '../helpers/conversation-handles.ts';
import type { ApplicationIdentity } from '../sign-in/create-application.ts';
import type { SignInConfig } from '../sign-in/sign-in-config.ts';
import { createResourceStore } from '../store/resource-store.ts';
import { attachChannel } from './channel-wiring.ts';
import { channelReactions, endSession } from './recovery.ts';
import type { SessionCore, TabHooks } from './session-core.ts';
import type { StatusCell } from './status.ts';

/** Everything a session starts from. */
export interface SessionStart {
  readonly cfg: SignInConfig;
  readonly identity: ApplicationIdentity;
  readonly status: StatusCell;
  readonly transport: Transport;
  readonly application: Resource<'application'>;
  readonly applicationsUrl: string;
  readonly userUrl: string;
  readonly cursor?: EventCursor;
  /** A tab's session: P-GETs answered by the leading tab's relay, and its hooks. */
  readonly fetchEvents?: FetchEvents;
  readonly tab?: TabHooks;
}

/** Builds the core, seeds the store with the application and starts the channel. */
export function startCore(start: SessionStart): SessionCore {
  const core: SessionCore = {
    cfg: start.cfg,
    identity: start.identity,
    status: start.status,
    restorers: new Map(),
    subscriptions: new Set(),
    conversations: new Map(),
    handles: conversationHandles(),
    disposers: new Set(),
    transport: start.transport,
    fetchEvents: start.fetchEvents,
    tab: start.tab,
    application: start.application,
    applicationsUrl: start.applicationsUrl,
    userUrl: start.userUrl,
    channel: undefined,
    finalCursor: undefined,
    activityTimer: undefined,
    recovering: undefined,
    rebuildListeners: new Set(),
    key: (href) => new URL(href, core.transport.origin).href,
    store: createResourceStore({
      load: (href, signal) => core.transport.get(href, signal === undefined ? {} : { signal }),
      key: (href) => core.key(href),
    }),
  };
  core.store.seed(start.application);
  attachChannel(core, channelReactions(core), start.cursor);
  start.cfg.signal?.addEventListener(
    'abort',
    () => endSession(core, { kind: 'aborted', cause: start.cfg.signal?.reason }),
    { once: true },
  );
  core.status.set({ state: 'ready' });
  return core;
}
