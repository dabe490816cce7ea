import type { EventFilter, EventHandler } from '@ucwa/events';
import type { LinkRelsOf, PropertiesOf, Rel, Resource, UnknownResource } from '@ucwa/model';
import type { BatchResult, Transport } from '@ucwa/transport';
import type { Meetings } from '../helpers/meetings.ts';
import type { Messaging } from '../helpers/messaging.ts';
import type { People } from '../helpers/people.ts';
import type { PhoneAudio } from '../helpers/phone-audio.ts';
import type { Presence } from '../helpers/presence.ts';
import type { InputArgs, LinkTarget, OperationRelOf } from '../navigation/types.ts';
import type { ResourceStore, StoreWatcher } from '../store/store-types.ts';
import type { MakeMeAvailableInput } from './availability.ts';
import type { InvokeResult } from './invoke.ts';
import type { SessionSnapshot, SnapshotOptions } from './snapshot-types.ts';
import type { SessionStatus } from './status.ts';

/** Options every session call takes. */
export interface SessionCallOptions {
  readonly signal?: AbortSignal;
}

/**
 * A signed-in UCWA session: one application, its event channel, and a store of the
 * resources it has seen, kept current by events. Sessions share nothing.
 */
export interface Session {
  /** Where the session stands. */
  readonly status: SessionStatus;
  /** Calls `listener` on every status change; returns the unsubscribe function. */
  onStatus(listener: (status: SessionStatus) => void): () => void;
  /** The application, with the resources it embeds as events left them (a new object per read). */
  readonly application: Resource<'application'>;
  /** The command channel, for what the session does not cover. */
  readonly transport: Transport;
  /** The resources seen so far, by href. */
  readonly store: ResourceStore;
  /** The current `me` (from the store; read again after makeMeAvailable). */
  me(options?: SessionCallOptions): Promise<Resource<'me'>>;
  /**
   * The target of the link `rel` of `resource`, typed from the catalog, or `undefined`
   * when the resource carries no such link right now.
   */
  get<R extends Rel, K extends LinkRelsOf<R>>(
    resource: Resource<R>,
    rel: K,
    options?: SessionCallOptions,
  ): Promise<LinkTarget<R, K> | undefined>;
  /** Like `get`, but a missing link rejects with `UcwaLinkError` (of `@ucwa/transport`). */
  follow<R extends Rel, K extends LinkRelsOf<R>>(
    resource: Resource<R>,
    rel: K,
    options?: SessionCallOptions,
  ): Promise<LinkTarget<R, K>>;
  /** Any resource by href, through the store. */
  read(
    href: string,
    options?: SessionCallOptions & { readonly fresh?: boolean },
  ): Promise<UnknownResource>;
  /**
   * POSTs to the operation link `rel` of `resource`; input names and types come from the
   * catalog. Operations taking an `operationId` get one and are tracked on the channel.
   */
  invoke<R extends Rel, K extends OperationRelOf<R>>(
    resource: Resource<R>,
    rel: K,
    ...input: InputArgs<K>
  ): Promise<InvokeResult>;
  /** Conditional PUT of changed properties; resolves with the resource as stored now. */
  update<R extends Rel>(
    resource: Resource<R>,
    changes: Partial<PropertiesOf<R>>,
    options?: SessionCallOptions,
  ): Promise<UnknownResource>;
  /** Watches a resource by href, or one the application embeds or links by rel. */
  watch(target: string, watcher: StoreWatcher): () => void;
  /** Subscribes to events; kept across a recreated application. */
  on<R extends string>(filter: EventFilter<R>, handler: EventHandler<R>): () => void;
  /** makeMeAvailable, then `me` as it is afterwards; restored after the application is recreated. */
  makeMeAvailable(input?: MakeMeAvailableInput): Promise<Resource<'me'>>;
  /** My presence, note and location; contacts' presence. */
  readonly presence: Presence;
  /** Contacts, groups, directory search. */
  readonly people: People;
  /** Instant messaging: start, accept, send, receive, typing. */
  readonly messaging: Messaging;
  /** Calls through the user's phone. */
  readonly phoneAudio: PhoneAudio;
  /** Online meetings: list, create, update, delete, join. */
  readonly meetings: Meetings;
  /** GETs many hrefs in one `multipart/batching` request. */
  batch(hrefs: readonly string[], options?: SessionCallOptions): Promise<BatchResult[]>;
  /**
   * Serializable state to continue in another process with `resumeSession`; no secret
   * unless `{ secrets: true }` asks for the current access token.
   */
  snapshot(options?: SnapshotOptions): SessionSnapshot;
  /** Stops the channel without deleting the application (a snapshot continues it). */
  detach(): Promise<void>;
  /** Deletes the application and ends the session; the discovery cache is cleared. */
  signOut(): Promise<void>;
}
