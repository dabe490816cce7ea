/** What other users can see of a user: presence, note, location (shared by features). */
export interface UserState {
  readonly availability: string;
  readonly activity: string;
  readonly note: string;
  readonly noteType: string;
  readonly location: string;
  readonly lastActive: number;
}

export type UserStateListener = (address: string, state: UserState, previous: UserState) => void;

/** The store of every user's {@link UserState}. */
export interface UserStateStore {
  get(address: string): UserState;
  /** Changes a user's state and tells every listener (the people feature, say). */
  update(address: string, patch: Partial<UserState>): UserState;
  /** Listens to every change; returns a function that stops listening. */
  subscribe(listener: UserStateListener): () => void;
}

/** A store where everyone starts Offline with no note. */
export function createUserStateStore(now: () => number): UserStateStore {
  const states = new Map<string, UserState>();
  const listeners = new Set<UserStateListener>();
  const initial = (): UserState => ({
    availability: 'Offline',
    activity: 'Offline',
    note: '',
    noteType: 'Personal',
    location: '',
    lastActive: now(),
  });
  const get = (address: string): UserState => states.get(address.toLowerCase()) ?? initial();
  return {
    get,
    update(address, patch) {
      const previous = get(address);
      const next = { ...previous, ...patch };
      states.set(address.toLowerCase(), next);
      for (const listener of listeners) listener(address.toLowerCase(), next, previous);
      return next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
