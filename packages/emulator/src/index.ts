export type { ApplicationHandle } from './apps/application.ts';
export type { Clock, ManualClock, TimerHandle } from './core/clock.ts';
export { createManualClock, systemClock } from './core/clock.ts';
export type {
  Conference,
  ConferenceDirectory,
  ConferenceResolver,
  MeetingAccess,
} from './core/conferences.ts';
export type { IdSource } from './core/ids.ts';
export type { EmulatorOptions, PresetMeeting } from './core/options.ts';
export type { LinkSpec, ResourceSpec } from './core/resource.ts';
export { buildResource } from './core/resource.ts';
export type { UserState, UserStateListener, UserStateStore } from './core/user-state.ts';
export type { UserDirectory, UserRecord } from './core/users.ts';
export { demoUsers, loadUsersFile } from './core/users.ts';
export type { Emulator } from './emulator.ts';
export { createEmulator } from './emulator.ts';
export type { Priority } from './events/priority.ts';
export { catalogPriority } from './events/priority.ts';
export type { EventPublisher, PublishedEvent } from './events/publisher.ts';
export type { ActiveFault, FaultAction, FaultPlan, FaultRule } from './faults/plan.ts';
export { communicationFeature } from './features/communication/communication-feature.ts';
export type { PutGuard } from './features/conditional-put.ts';
export {
  createPutGuard,
  PUT_TOKEN_VALUE,
  putTokenProperty,
  renewEtag,
} from './features/conditional-put.ts';
export { defaultFeatures } from './features/defaults.ts';
export type {
  AppRoute,
  AvailableEndpoint,
  Feature,
  FeatureFactory,
  FeatureHost,
  RouteContext,
  RouteMethod,
} from './features/feature.ts';
export { meFeature } from './features/me/me-feature.ts';
export { meetingsFeature } from './features/meetings/meetings-feature.ts';
export { peopleFeature } from './features/people/people-feature.ts';
export type { RouteSpec } from './features/route-table.ts';
export { bindRoutes } from './features/route-table.ts';
export type { PerApplication } from './features/state.ts';
export { perApplication, perUser } from './features/state.ts';
export type { UcwaErrorOptions } from './http/errors.ts';
export { parameterValidationFailure, ucwaError } from './http/errors.ts';
export type {
  EmulatorRequest,
  ErrorReply,
  EventsReply,
  HeaderList,
  RawReply,
  Reply,
  RequestHeaders,
  ResourceReply,
} from './http/types.ts';
export type { RunningEmulator, ServerOptions } from './server.ts';
export { startEmulator } from './server.ts';
export type { InputBody } from './wire/codec.ts';
