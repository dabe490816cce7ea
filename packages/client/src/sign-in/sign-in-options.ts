import type { ChannelSettings } from '@ucwa/events';
import type {
  Codecs,
  Credentials,
  FetchLike,
  Format,
  Timers,
  TokenProvider,
} from '@ucwa/transport';
import type { SessionStatus } from '../session/status.ts';
import type { SessionStorage } from '../storage.ts';
import type { RedirectPolicyOption } from './redirect-policy.ts';

/** How the application presents itself (CreateAnApplication.md). */
export interface ApplicationOptions {
  /** Sent as `userAgent`. Required. */
  readonly userAgent: string;
  /** The endpoint id; default: one stored in `storage`, created the first time. */
  readonly endpointId?: string;
  /** Default `en-US`. */
  readonly culture?: string;
}

/** Where discovery starts: a domain (`lyncdiscover[internal].<domain>`) or a root URL. */
export type DiscoveryStart =
  | { readonly domain: string; readonly discoveryUrl?: undefined }
  | { readonly discoveryUrl: string; readonly domain?: undefined };

/** Who signs in: credentials for MsRtcOAuth, or any OAuth source. */
export type SignInAuth =
  | {
      readonly credentials: Credentials | readonly Credentials[];
      readonly tokenProvider?: undefined;
    }
  | { readonly tokenProvider: TokenProvider; readonly credentials?: undefined };

/** Options of `signIn` besides where to start and who signs in. */
export interface SignInSettings {
  /** Default `json`; `xml` needs `codecs: { xml }` from `@ucwa/codec-xml`. */
  readonly format?: Format;
  readonly codecs?: Codecs;
  readonly application: ApplicationOptions;
  /** Keeps the endpoint id and the discovered URLs. Default: in memory. */
  readonly storage?: SessionStorage;
  /**
   * The key under which `storage` keeps this user's records. Default: the user name of the
   * credentials, else the domain; give one per user when several users sign in with a
   * `tokenProvider` against one storage.
   */
  readonly storageKey?: string;
  /** Which `redirect` links to follow. Default: https within the parent domain of the sign-in domain. */
  readonly redirectPolicy?: RedirectPolicyOption;
  /** Also try `http://` discovery URLs, after the `https://` ones. Default `false`. */
  readonly allowHttpDiscovery?: boolean;
  /** Milliseconds one discovery URL may take. Default 10,000. */
  readonly discoveryTimeout?: number;
  readonly fetch?: FetchLike;
  /** Aborts sign-in; later, signs the session out. */
  readonly signal?: AbortSignal;
  /** Event channel aggregation settings. */
  readonly events?: Partial<ChannelSettings>;
  /** Milliseconds between `reportMyActivity` calls once available. Default 180,000 (3 minutes). */
  readonly activityInterval?: number;
  /** Called on every status change, `signingIn` included. */
  readonly onStatus?: (status: SessionStatus) => void;
  readonly timers?: Timers;
  /** Epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
  /** Random ids (endpoint, operation ids). Default `crypto.randomUUID`. */
  readonly randomId?: () => string;
}

/** Options of `signIn`. */
export type SignInOptions = DiscoveryStart & SignInAuth & SignInSettings;
