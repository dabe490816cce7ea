/** Why a session is reconnecting. */
export type ReconnectReason =
  | { readonly kind: 'applicationLost'; readonly error: unknown }
  | { readonly kind: 'channelFailed'; readonly error: unknown };

/** Why a session ended. */
export type SignedOutReason =
  | { readonly kind: 'signOut' }
  /** `detach()`: the application lives on for a snapshot to continue. */
  | { readonly kind: 'detached' }
  | { readonly kind: 'aborted'; readonly cause: unknown }
  | { readonly kind: 'authFailed'; readonly error: unknown }
  | { readonly kind: 'replaced'; readonly error: unknown }
  | { readonly kind: 'failed'; readonly error: unknown };

/** Where a session stands; observe it with `session.onStatus`. */
export type SessionStatus =
  | { readonly state: 'signingIn' }
  | { readonly state: 'ready' }
  | { readonly state: 'reconnecting'; readonly reason: ReconnectReason }
  | { readonly state: 'signedOut'; readonly reason: SignedOutReason };

/** A status value with listeners. */
export interface StatusCell {
  readonly current: SessionStatus;
  set(status: SessionStatus): void;
  subscribe(listener: (status: SessionStatus) => void): () => void;
}

/** Creates the cell; a signed-out status is final. */
export function createStatusCell(first: (status: SessionStatus) => void = () => {}): StatusCell {
  let current: SessionStatus = { state: 'signingIn' };
  const listeners = new Set<(status: SessionStatus) => void>([first]);
  first(current);
  return {
    get current() {
      return current;
    },
    set(status) {
      if (current.state === 'signedOut') return;
      current = status;
      for (const listener of [...listeners]) listener(status);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
