import type { SenderRef } from '@ucwa/events';
import type { PropertyBag, UcwaEvent, UnknownResource } from '@ucwa/model';
import type { ResourceInput, TextBody } from '@ucwa/transport';
import type { SessionSnapshot } from '../session/snapshot-types.ts';

/**
 * What a tab asks the leading tab to send with its transport (hrefs carry their query).
 * `getBytes` reads an answer as bytes (a photo).
 * `signOut` signs the leading tab's session out, which ends the application for every tab.
 */
export type TabCommand =
  | { readonly method: 'GET'; readonly href: string }
  | { readonly method: 'POST'; readonly href: string; readonly input?: ResourceInput | TextBody }
  | {
      readonly method: 'PUT';
      readonly resource: UnknownResource;
      readonly changes?: PropertyBag;
    }
  | { readonly method: 'DELETE'; readonly href: string }
  /** A GET read as bytes (a photo). */
  | { readonly method: 'getBytes'; readonly href: string }
  | { readonly method: 'signOut' };

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
    }
  | {
      readonly ok: false;
      readonly name: string;
      readonly message: string;
      readonly status: number | undefined;
      /** The UCWA error's code and subcode, when the server sent them. */
      readonly code?: string | undefined;
      readonly subcode?: string | undefined;
    };

/** The messages tabs exchange on their `BroadcastChannel` (MultiTabSupport.md). */
export type TabMessage =
  /** A tab that wants to lead (on joining, or when the leader went away); lowest id wins. */
  | { readonly t: 'claim'; readonly id: string }
  /** The leader, now and then: where its event channel stands, for a successor. */
  | { readonly t: 'heartbeat'; readonly id: string; readonly snapshot: SessionSnapshot }
  /** The leader is closing; the snapshot is final (its channel has stopped). */
  | { readonly t: 'bye'; readonly id: string; readonly snapshot: SessionSnapshot }
  | { readonly t: 'event'; readonly event: UcwaEvent; readonly sender: SenderRef }
  /** The leader recreated the application: each tab sets up again what its session had. */
  | { readonly t: 'restore'; readonly snapshot: SessionSnapshot }
  | {
      readonly t: 'command';
      readonly from: string;
      readonly seq: number;
      readonly command: TabCommand;
    }
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

const KINDS = new Set(['claim', 'heartbeat', 'bye', 'event', 'restore', 'command', 'result']);

/** Whether `data` looks like a {@link TabMessage} (another script may share the channel name). */
export function isTabMessage(data: unknown): data is TabMessage {
  return (
    typeof data === 'object' && data !== null && KINDS.has(String((data as { t?: unknown }).t))
  );
}
