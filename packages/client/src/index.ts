export { isUcwaOperationError, UcwaOperationError } from '@ucwa/events';
// The transport's errors, which a session's calls reject with: one import for an app.
export type { UcwaAuthReason } from '@ucwa/transport';
export {
  isUcwaAuthError,
  isUcwaHttpError,
  isUcwaLinkError,
  isUcwaNetworkError,
  isUcwaOriginError,
  isUcwaPreconditionFailedError,
  isUcwaResponseError,
  isUcwaTimeoutError,
  isUcwaTransportError,
  UcwaAuthError,
  UcwaHttpError,
  UcwaLinkError,
  UcwaNetworkError,
  UcwaOriginError,
  UcwaPreconditionFailedError,
  UcwaResponseError,
  UcwaTimeoutError,
  UcwaTransportError,
} from '@ucwa/transport';
export type { DiscoveryAttempt } from './errors/discovery-error.ts';
export { UcwaDiscoveryError } from './errors/discovery-error.ts';
export { documentedError, UcwaDocumentedError } from './errors/documented-error.ts';
export { UcwaRedirectRefusedError } from './errors/redirect-refused-error.ts';
export { UcwaSessionClosedError } from './errors/session-closed-error.ts';
export { UcwaTabCommandError } from './errors/tab-command-error.ts';
export type { UcwaClientErrorName } from './errors/ucwa-client-error.ts';
export { isUcwaClientError, UcwaClientError } from './errors/ucwa-client-error.ts';
export type { OperationInputs, OperationRel } from './generated/inputs.ts';
export type {
  AudioVideo,
  AudioVideoAction,
  AudioVideoInput,
  AudioVideoState,
} from './helpers/audio-video.ts';
export { AUDIO_VIDEO_ACTIONS } from './helpers/audio-video.ts';
export type {
  Conversation,
  ReceivedMessage,
  SentMessage,
  TypingChange,
} from './helpers/conversation.ts';
export type { LobbyChange } from './helpers/lobby.ts';
export type { JoinMeetingOptions, MeetingInput, Meetings } from './helpers/meetings.ts';
export type { MessageText } from './helpers/message-text.ts';
export type { IncomingInvitation, Messaging, StartMessagingOptions } from './helpers/messaging.ts';
export type { People, Photo, SearchOptions } from './helpers/people.ts';
export type { CallViaWorkOptions, PhoneAudio, PhoneAudioAction } from './helpers/phone-audio.ts';
export { PHONE_AUDIO_ACTIONS } from './helpers/phone-audio.ts';
export type {
  ContactPresenceChange,
  Presence,
  PresenceSubscribeOptions,
} from './helpers/presence.ts';
export { SETTABLE_AVAILABILITIES } from './helpers/presence.ts';
export type { PresenceSubscription } from './helpers/presence-subscription.ts';
export type { InputArgs, InputOf, LinkTarget, OperationRelOf } from './navigation/types.ts';
export type { MakeMeAvailableInput } from './session/availability.ts';
export type { InvokeResult, TrackedOperation } from './session/invoke.ts';
export type { Session, SessionCallOptions } from './session/session.ts';
export type { SessionSnapshot, SnapshotOptions } from './session/snapshot-types.ts';
export type { ReconnectReason, SessionStatus, SignedOutReason } from './session/status.ts';
export type { CachedDiscovery } from './sign-in/discovery-cache.ts';
export { discoveryCandidates } from './sign-in/discovery-candidates.ts';
export type {
  RedirectPolicy,
  RedirectPolicyOption,
  RedirectRequest,
} from './sign-in/redirect-policy.ts';
export { createRedirectPolicy } from './sign-in/redirect-policy.ts';
export type { ResumeOptions } from './sign-in/resume-session.ts';
export { resumeSession } from './sign-in/resume-session.ts';
export { signIn } from './sign-in/sign-in.ts';
export type {
  ApplicationOptions,
  DiscoveryStart,
  SignInAuth,
  SignInOptions,
  SignInSettings,
} from './sign-in/sign-in-options.ts';
export type { ResumeAuth } from './sign-in/snapshot-token.ts';
export type { SessionStorage } from './storage.ts';
export { createMemoryStorage } from './storage.ts';
export type { ReadOptions, ResourceStore, StoreChange, StoreWatcher } from './store/store-types.ts';
export type {
  TabChannel,
  TabCommand,
  TabCommandResult,
  TabMessage,
  WireBatchPart,
  WireCallOptions,
} from './tabs/tab-messages.ts';
export type { Tab, TabRole, TabsOptions } from './tabs/tabs.ts';
export { joinTabs } from './tabs/tabs.ts';
export type { WireError } from './tabs/wire-error.ts';
export type { WireStatus } from './tabs/wire-status.ts';
