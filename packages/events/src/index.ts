export { createEventChannel } from './channel.ts';
export { UcwaChannelProtocolError } from './errors/channel-protocol-error.ts';
export { UcwaChannelStoppedError } from './errors/channel-stopped-error.ts';
export {
  isUcwaChannelProtocolError,
  isUcwaChannelStoppedError,
  isUcwaEventsError,
  isUcwaOperationError,
  isUcwaOperationTimeoutError,
} from './errors/guards.ts';
export { UcwaOperationError } from './errors/operation-error.ts';
export { UcwaOperationTimeoutError } from './errors/operation-timeout-error.ts';
export type { UcwaEventsErrorName } from './errors/ucwa-events-error.ts';
export { UcwaEventsError } from './errors/ucwa-events-error.ts';
export type {
  OperationHandle,
  OperationProgress,
  OperationResult,
  TrackOperationOptions,
} from './operation-types.ts';
export type {
  BackoffOptions,
  EventChannelOptions,
  OperationBufferOptions,
  Timers,
} from './options.ts';
export { DEFAULT_WATCHDOG_MARGIN } from './resolve-options.ts';
export { DEFAULT_SETTINGS, SETTING_RANGES } from './settings.ts';
export type {
  ChannelEvent,
  ChannelSettings,
  ChannelSignal,
  ChannelSignals,
  ChannelState,
  EventChannel,
  EventCursor,
  EventFilter,
  EventHandler,
  FetchEvents,
  FetchEventsOptions,
  HandlerFailure,
  SenderRef,
  StopReason,
  TypedEvent,
} from './types.ts';
