import type { SenderRef } from '@ucwa/events';
import type { PropertyBag, UcwaEvent, UnknownResource } from '@ucwa/model';
import type { BatchRequest, ResourceInput, TextBody } from '@ucwa/transport';
import type { SessionSnapshot } from '../session/snapshot-types.ts';
import type { WireError } from './wire-error.ts';
import type { WireStatus } from './wire-status.ts';

/**
 * What a tab asks the leading tab to send with its transport (hrefs carry their query).
 * `getBytes` reads an answer as bytes (a photo); `batch` sends one `multipart/batching`
 * request; `snapshot` asks for the leader's snapshot with its access token (it never goes
 * out with heartbeats).
 * `signOut` signs the leading tab's session out, which ends the application for every tab.
 */
export type TabCommand =
  | { readonly method: 'GET'; readonly href: string; readonly options?: WireCallOptions }
  | {
      readonly method: 'POST';
      readonly href: string;
      readonly input?: ResourceInput | TextBody;
      readonly options?: WireCallOptions;
    }
  | {
      readonly method: 'PUT';
      readonly resource: UnknownResource;
      readonly changes?: PropertyBag;
      readonly options?: WireCallOptions;
    }
  | { readonly method: 'DELETE'; readonly href: string; readonly options?: WireCallOptions }
  /** A GET read as bytes (a photo). */
  | { readonly method: 'getBytes'; readonly href: string; readonly options?: WireCallOptions }
  | {
      readonly method: 'batch';
      readonly href: string;
      readonly requests: readonly BatchRequest[];
      readonly options?: WireCallOptions;
    }
  | { readonly method: 'snapshot' }
  | { readonly method: 'signOut' };

/**
 * The call options of a request a tab sends through the leader, as they cross the channel
 * (`signal` crosses as a `cancel` message; `query` is in the href already).
 */
export interface WireCallOptions {
  readonly timeout?: number | false;
  readonly headers?: readonly (readonly [string, string])[];
  readonly minResourceVersion?: number;
  readonly cache?: boolean;
}

/** One part of a batch answer as it crosses the channel (headers as pairs, errors as data). */
export type WireBatchPart =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: readonly (readonly [string, string])[];
      readonly resource: UnknownResource | undefined;
      readonly location: string | undefined;
    }
  | { readonly ok: false; readonly status: number; readonly error: WireError };

/** The leader's answer to a command. */
export type TabCommandResult =
  | {
      readonly ok: true;
      readonly status: number;
      readonly location: string | undefined;
      readonly resource: UnknownResource | undefined;
      /** The answer's `ETag`, if any. */
      readonly etag?: string | undefined;
      /** The body of a `getBytes` answer, and its `Content-Type`. */
      readonly bytes?: Uint8Array | undefined;
      readonly contentType?: string | undefined;
      /** The parts of a `batch` answer, in the order of the requests. */
      readonly parts?: readonly WireBatchPart[] | undefined;
      /** The answer to `snapshot`: the leader's, with its token. */
      readonly snapshot?: SessionSnapshot | undefined;
    }
  /**
   * The failure as data: `name`, `message`, `status`, `code` and `subcode` of the leader's
   * error, and what the receiving tab needs to throw the same class (see `WireError`).
   */
  | ({ readonly ok: false } & WireError);

/** The messages tabs exchange on their `BroadcastChannel` (MultiTabSupport.md). */
export type TabMessage =
  /** A tab that wants to lead (on joining, or when the leader went away); lowest id wins. */
  | {
      readonly t: 'claim';
      readonly id: string;
      /** Sent by a tab signing in to lead: the others wait for it rather than claim. */
      readonly opening?: boolean;
    }
  /**
   * The leader, now and then: where its event channel stands (for a successor) and its
   * session's status (for a tab that joined since). Never the token.
   */
  | {
      readonly t: 'heartbeat';
      readonly id: string;
      readonly snapshot: SessionSnapshot;
      readonly status: WireStatus;
    }
  /** The leader is closing; the snapshot is final (its channel has stopped). */
  | { readonly t: 'bye'; readonly id: string; readonly snapshot: SessionSnapshot }
  | { readonly t: 'event'; readonly event: UcwaEvent; readonly sender: SenderRef }
  /** The leader's session changed status (or a tab failed to take over): every tab says so. */
  | { readonly t: 'status'; readonly id: string; readonly status: WireStatus }
  /** The leader's channel followed `resync` (or `resume`): every tab clears its store. */
  | { readonly t: 'rebuild'; readonly resumed: boolean }
  /** The leader recreated the application: each tab sets up again what its session had. */
  | { readonly t: 'restore'; readonly snapshot: SessionSnapshot }
  | {
      readonly t: 'command';
      readonly from: string;
      readonly seq: number;
      readonly command: TabCommand;
    }
  /** The caller of command `seq` aborted it: the leader aborts its request. */
  | { readonly t: 'cancel'; readonly from: string; readonly seq: number }
  | {
      readonly t: 'result';
      readonly to: string;
      readonly seq: number;
      readonly result: TabCommandResult;
    };

/** The part of `BroadcastChannel` tabs use; the browser's and Node's fit. */
export interface TabChannel {
  postMessage(message: TabMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}
