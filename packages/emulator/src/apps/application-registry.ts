import type { Clock } from '../core/clock.ts';
import type { IdSource } from '../core/ids.ts';
import type { UserRecord } from '../core/users.ts';
import { EventChannel } from '../events/channel.ts';
import type { ChannelSettings } from '../events/settings.ts';
import { APPLICATIONS_PATH, type Application, eventsHref, identityKey } from './application.ts';

export interface RegistryOptions {
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly idleMs: number;
  readonly resumeAfterMs: number;
  readonly settings: ChannelSettings;
  readonly maxApplicationsPerUser: number;
  readonly created: (app: Application) => void;
  readonly removed: (app: Application) => void;
  readonly reset: (app: Application) => void;
}

export interface CreateRequest {
  readonly user: UserRecord;
  readonly culture: string;
  readonly userAgent: string;
  readonly endpointId: string;
  readonly type: string;
  readonly instanceId: string | undefined;
  readonly anonymous: boolean;
  readonly conferenceUri?: string | undefined;
}

export type CreateResult =
  | {
      readonly kind: 'created' | 'existing';
      readonly app: Application;
      readonly instanceId: string;
    }
  | { readonly kind: 'too-many' };

/** The live applications of one emulator, with idle expiry and multi-tab identity. */
export class ApplicationRegistry {
  readonly #options: RegistryOptions;
  readonly #byId = new Map<string, Application>();
  /** Applications by lower-cased user address, so a user's lookup does not scan them all. */
  readonly #byUser = new Map<string, Set<Application>>();

  constructor(options: RegistryOptions) {
    this.#options = options;
  }

  /**
   * MultiTabSupport.md: a POST with the identity of a live application gets that
   * application (200). With no `instanceId` it is the same client registering again and
   * gets its first instance; a new `instanceId` gets an event channel of its own (201), a
   * known one its existing channel (200).
   */
  create(request: CreateRequest): CreateResult {
    const key = identityKey(request);
    const same = this.ofUser(request.user.address).find((a) => identityKey(a) === key);
    if (same !== undefined) return this.#again(same, request.instanceId);
    if (this.ofUser(request.user.address).length >= this.#options.maxApplicationsPerUser) {
      return { kind: 'too-many' };
    }
    const id = this.#options.ids.digits(12);
    const app: Application = {
      ...request,
      id,
      channels: new Map(),
      lastActivity: this.#options.clock.now(),
      href: (path) =>
        `${APPLICATIONS_PATH}/${id}${path === undefined || path === '' ? '' : `/${path}`}`,
    };
    const instanceId = request.instanceId ?? this.#options.ids.hex(8);
    app.channels.set(instanceId, this.#channel(app, instanceId));
    this.#byId.set(id, app);
    this.#userApps(request.user.address).add(app);
    this.#options.created(app);
    return { kind: 'created', app, instanceId };
  }

  #again(app: Application, instanceId: string | undefined): CreateResult {
    this.touch(app);
    const first = app.channels.keys().next().value;
    if (instanceId === undefined && first !== undefined)
      return { kind: 'existing', app, instanceId: first };
    const id = instanceId ?? this.#options.ids.hex(8);
    if (app.channels.has(id)) return { kind: 'existing', app, instanceId: id };
    app.channels.set(id, this.#channel(app, id));
    return { kind: 'created', app, instanceId: id };
  }

  #userApps(address: string): Set<Application> {
    const key = address.toLowerCase();
    let set = this.#byUser.get(key);
    if (set === undefined) {
      set = new Set();
      this.#byUser.set(key, set);
    }
    return set;
  }

  /** A live application by id; an idle one expires here (then `undefined`). */
  get(id: string): Application | undefined {
    const app = this.#byId.get(id);
    if (app === undefined) return undefined;
    if (this.#expired(app)) {
      this.remove(app);
      return undefined;
    }
    return app;
  }

  /** The live applications of a user. */
  ofUser(address: string): Application[] {
    const set = this.#byUser.get(address.toLowerCase());
    if (set === undefined) return [];
    return [...set].filter((app) => this.get(app.id) !== undefined);
  }

  /** Every live application. */
  all(): Application[] {
    return [...this.#byId.keys()].flatMap((id) => this.get(id) ?? []);
  }

  /** Records a request on the application (idle expiry counts from the last one). */
  touch(app: Application): void {
    app.lastActivity = this.#options.clock.now();
  }

  /** Deletes one instance's channel, or the whole application when none is left. */
  remove(app: Application, instanceId?: string): void {
    if (instanceId !== undefined && app.channels.size > 1) {
      app.channels.get(instanceId)?.close();
      app.channels.delete(instanceId);
      return;
    }
    for (const channel of app.channels.values()) channel.close();
    app.channels.clear();
    if (!this.#byId.delete(app.id)) return;
    const key = app.user.address.toLowerCase();
    this.#byUser.get(key)?.delete(app);
    if (this.#byUser.get(key)?.size === 0) this.#byUser.delete(key);
    this.#options.removed(app);
  }

  /** Removes every application (the emulator is closing). */
  clear(): void {
    for (const app of [...this.#byId.values()]) this.remove(app);
  }

  #expired(app: Application): boolean {
    const idle = this.#options.clock.now() - app.lastActivity;
    if (idle <= this.#options.idleMs) return false;
    return ![...app.channels.values()].some((channel) => channel.waiting);
  }

  #channel(app: Application, instanceId: string): EventChannel {
    return new EventChannel({
      clock: this.#options.clock,
      href: (ack) => eventsHref(app, instanceId, ack),
      settings: this.#options.settings,
      resumeAfterMs: this.#options.resumeAfterMs,
      onResume: () => this.#options.reset(app),
    });
  }
}
