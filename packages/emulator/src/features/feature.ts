import type { UnknownResource } from '@ucwa/model';
import type { ApplicationHandle } from '../apps/application.ts';
import type { Clock } from '../core/clock.ts';
import type { ConferenceDirectory } from '../core/conferences.ts';
import type { IdSource } from '../core/ids.ts';
import type { PresetMeeting } from '../core/options.ts';
import type { UserStateStore } from '../core/user-state.ts';
import type { UserDirectory, UserRecord } from '../core/users.ts';
import type { EventPublisher } from '../events/publisher.ts';
import type { EmulatorRequest, Reply } from '../http/types.ts';
import type { InputBody } from '../wire/codec.ts';
import type { PutGuard } from './conditional-put.ts';

/** What a route handler gets: the request, its application and user, the decoded body. */
export interface RouteContext {
  readonly request: EmulatorRequest;
  /** `:name` segments of the route path, URI-decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly app: ApplicationHandle;
  readonly user: UserRecord;
  /** The JSON or XML body, decoded; `undefined` for other or empty bodies. */
  readonly input: InputBody | undefined;
  /** The raw body as text (text/plain and text/html messages, SDP). */
  readonly text: string;
  /** The body's media type essence, lower-cased, or `''`. */
  readonly contentType: string;
  readonly host: FeatureHost;
}

/** HTTP methods routes answer. */
export type RouteMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A route under an application (`/ucwa/oauth/v1/applications/{id}/<path>`). */
export interface AppRoute {
  readonly method: RouteMethod;
  /** Slash-separated; `:name` matches one segment; `''` is the application itself. */
  readonly path: string;
  /**
   * The catalog rel of the target resource. When given, the core validates required
   * body parameters of this method from the catalog (400 ParameterValidationFailure).
   */
  readonly rel?: string;
  /**
   * For PUT on a resource the catalog marks `put`: the resource's current guard. The core
   * then answers 428 / 412 / 400 (missing random property) before calling `handle`.
   */
  readonly guard?: (ctx: RouteContext) => PutGuard | undefined;
  readonly handle: (ctx: RouteContext) => Reply | Promise<Reply>;
}

/**
 * A resource family (me, people, communication, ...). Created once per emulator by its
 * {@link FeatureFactory}, so all its state lives in the closure and two emulators share
 * nothing. See DESIGN.md.
 */
export interface Feature {
  readonly name: string;
  readonly routes: readonly AppRoute[];
  /** Resources embedded in the application resource, by rel (`me`, `people`, ...). */
  readonly embeds?: { readonly [rel: string]: (app: ApplicationHandle) => UnknownResource };
  /** A new application exists (not called for another tab of the same one). */
  onApplicationCreated?(app: ApplicationHandle): void;
  /** An application was deleted or expired: drop its state. */
  onApplicationRemoved?(app: ApplicationHandle): void;
  /** The event channel resumed after a long gap: drop transient state (EventsInUCWA.md). */
  onTransientReset?(app: ApplicationHandle): void;
  /** The application called makeMeAvailable with these capabilities. */
  onMadeAvailable?(app: ApplicationHandle, endpoint: AvailableEndpoint): void;
}

/** What makeMeAvailable published for one application. */
export interface AvailableEndpoint {
  readonly supportedModalities: readonly string[];
  readonly supportedMessageFormats: readonly string[];
}

/** Builds a feature for one emulator. */
export type FeatureFactory = (host: FeatureHost) => Feature;

/** The emulator services a feature uses. */
export interface FeatureHost {
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly users: UserDirectory;
  /** Presence, note and location of every user, shared by all features. */
  readonly userState: UserStateStore;
  readonly events: EventPublisher;
  /** Live applications; `ofUser` to reach another user's endpoints. */
  readonly applications: {
    ofUser(address: string): readonly ApplicationHandle[];
    get(id: string): ApplicationHandle | undefined;
  };
  /** Meetings an anonymous user may join; the meetings feature registers its own. */
  readonly conferences: ConferenceDirectory;
  /** Meetings scheduled at start (`options.meetings`), for the meetings feature. */
  readonly presetMeetings: readonly PresetMeeting[];
  /** `sendMessage` without `operationId` is refused (the reference's letter) when true. */
  readonly requireOperationId: boolean;
  /** The resource some feature embeds into the application under `rel`, for `app`. */
  embedded(app: ApplicationHandle, rel: string): UnknownResource | undefined;
  /** Tells every feature that `app` called makeMeAvailable (before `me` sends its events). */
  madeAvailable(app: ApplicationHandle, endpoint: AvailableEndpoint): void;
}
