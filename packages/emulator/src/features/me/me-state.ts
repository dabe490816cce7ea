import type { IdSource } from '../../core/ids.ts';
import { createPutGuard, type PutGuard } from '../conditional-put.ts';

/** What one application's endpoint has published through makeMeAvailable. */
export interface EndpointState {
  available: boolean;
  supportedModalities: string[];
  supportedMessageFormats: string[];
  phoneNumber: string;
}

export const newEndpoint = (): EndpointState => ({
  available: false,
  supportedModalities: [],
  supportedMessageFormats: ['Plain'],
  phoneNumber: '',
});

/** A user's call forwarding settings (callForwardingSettings_ref.md), PUT-able. */
export interface ForwardingState {
  activePeriod: string;
  activeSetting: string;
  unansweredCallHandling: string;
  /** Properties a client played back that the emulator does not know: kept, as a server does. */
  extra: Record<string, string>;
  readonly guard: PutGuard;
}

export const newForwarding = (ids: IdSource): ForwardingState => ({
  activePeriod: 'Always',
  // A value of CallForwardingState_ref.md, so a GET → PUT round trip validates.
  activeSetting: 'SimultaneousRing',
  unansweredCallHandling: 'Enabled',
  extra: {},
  guard: createPutGuard(ids),
});
