import type {
  EventChannel,
  EventCursor,
  EventFilter,
  EventHandler,
  FetchEvents,
} from '@ucwa/events';
import type { Resource } from '@ucwa/model';
import type { Transport } from '@ucwa/transport';
import type { ConversationHandles } from '../helpers/conversation-handles.ts';
import type { ConversationRoute } from '../helpers/conversation-routes.ts';
import type { ApplicationIdentity } from '../sign-in/create-application.ts';
import type { SignInConfig } from '../sign-in/sign-in-config.ts';
import type { LiveResourceStore } from '../store/resource-store.ts';
import type { SessionSnapshot } from './snapshot-types.ts';
import type { StatusCell } from './status.ts';

/** Why state the session set up is being restored. */
export type RestoreReason = 'applicationLost' | 'resumed';

/** Something the session set up that must be set up again after `reason`. */
export type Restorer = (reason: RestoreReason) => Promise<void>;

/** A subscription of the session's user, moved to each new channel. */
export interface Subscription {
  readonly filter: EventFilter;
  readonly handler: EventHandler;
  detach: () => void;
}

/** How a tab's session differs: the leading tab holds the application and its channel. */
export interface TabHooks {
  /** The leading tab's snapshot; with the token only in the leading tab itself. */
  snapshot(secrets: boolean): SessionSnapshot;
  /** Signs the leading tab's session out (the application ends for every tab). */
  signOut(): Promise<void>;
}

/** The mutable heart of one session; nothing in it is shared with another session. */
export interface SessionCore {
  readonly cfg: SignInConfig;
  readonly identity: ApplicationIdentity;
  readonly status: StatusCell;
  readonly store: LiveResourceStore;
  readonly restorers: Map<string, Restorer>;
  readonly subscriptions: Set<Subscription>;
  /** The conversations the session sets up again after a loss, by each href they had. */
  readonly conversations: Map<string, ConversationRoute>;
  /** The one `Conversation` object of each conversation the session has handed out. */
  readonly handles: ConversationHandles;
  transport: Transport;
  /** Where the event channel's P-GETs go; default the transport's `getEvents`. */
  readonly fetchEvents: FetchEvents | undefined;
  /** Set for the session of a tab ({@link TabHooks}). */
  readonly tab: TabHooks | undefined;
  application: Resource<'application'>;
  applicationsUrl: string;
  userUrl: string;
  channel: EventChannel | undefined;
  /** Where the last channel stopped, for a snapshot after `detach()`. */
  finalCursor: EventCursor | undefined;
  /** Run when the session ends (timers of helpers). */
  readonly disposers: Set<() => void>;
  /** Pending `reportMyActivity` timer. */
  activityTimer: unknown;
  /** Set while the application is being recreated. */
  recovering: Promise<void> | undefined;
  /** Told when the channel followed `resync` (`false`) or `resume` (`true`), before the rebuild. */
  readonly rebuildListeners: Set<(resumed: boolean) => void>;
  /** The absolute form of an href on the current pool. */
  key(href: string): string;
}
