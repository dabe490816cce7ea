import type { OperationProgress } from '@ucwa/events';
import { findLinks, isResource, type Resource } from '@ucwa/model';
import type { InputOf } from '../navigation/types.ts';
import { communicationHub } from '../session/hub.ts';
import { type InvokeResult, invokeLink } from '../session/invoke.ts';
import type { SessionCore } from '../session/session-core.ts';
import { type Conversation, conversationHandle } from './conversation.ts';

/** The phoneAudio actions, each a link present only when it applies. */
export const PHONE_AUDIO_ACTIONS = [
  'addPhoneAudio',
  'holdPhoneAudio',
  'resumePhoneAudio',
  'stopPhoneAudio',
] as const;

/** A phoneAudio action. */
export type PhoneAudioAction = (typeof PHONE_AUDIO_ACTIONS)[number];

/** Options of `phoneAudio.call`. */
export interface CallViaWorkOptions {
  /** Whom to call: `tel:+14255551234` or a SIP URI. */
  readonly to: string;
  /** The phone the server rings first (call via work); default: the user's work phone. */
  readonly phoneNumber?: string;
  readonly subject?: string;
  readonly onProgress?: (progress: OperationProgress) => void;
  readonly signal?: AbortSignal;
}

/** Calls through the user's phone (call via work, phoneAudio_ref.md). */
export interface PhoneAudio {
  /** Starts the call; resolves with its conversation once it is connected. */
  call(options: CallViaWorkOptions): Promise<Conversation>;
  /** The phoneAudio modality of a conversation, read now. */
  state(conversation: Conversation): Promise<{
    readonly state: string | undefined;
    readonly actions: readonly PhoneAudioAction[];
    readonly resource: Resource<'phoneAudio'>;
  }>;
  /** Runs a phoneAudio action of a conversation through its link. */
  run<A extends PhoneAudioAction>(
    conversation: Conversation,
    action: A,
    input?: InputOf<A>,
  ): Promise<InvokeResult>;
}

async function modality(
  core: SessionCore,
  conversation: Conversation,
): Promise<Resource<'phoneAudio'>> {
  const resource = await conversation.resource();
  const link = findLinks(resource, 'phoneAudio')[0];
  if (link === undefined) throw new TypeError(`${conversation.href} has no phoneAudio link`);
  const found = await core.store.read(link.href, { fresh: true });
  if (!isResource(found, 'phoneAudio'))
    throw new TypeError(`${link.href} is not a phoneAudio resource`);
  return found;
}

/** The phoneAudio helper of a session. */
export function createPhoneAudio(core: SessionCore): PhoneAudio {
  return {
    call: async (o) => {
      const communication = communicationHub(core);
      const started = await invokeLink(
        core,
        communication,
        'startPhoneAudio',
        { to: o.to, phoneNumber: o.phoneNumber, subject: o.subject },
        o.signal,
        o.onProgress,
      );
      if (started.operation === undefined) throw new TypeError('startPhoneAudio was not tracked');
      const result = await started.operation.result;
      const invitation =
        result.resource ?? (await core.store.read(result.event.link.href, { fresh: true }));
      const link = findLinks(invitation, 'conversation')[0];
      if (link === undefined)
        throw new TypeError('the phoneAudio invitation has no conversation link');
      return conversationHandle(core, link.href);
    },
    state: async (conversation) => {
      const resource = await modality(core, conversation);
      const state = resource.properties.state;
      return {
        state: typeof state === 'string' ? state : undefined,
        actions: PHONE_AUDIO_ACTIONS.filter((a) => findLinks(resource, a).length > 0),
        resource,
      };
    },
    run: async (conversation, action, input) =>
      invokeLink(core, await modality(core, conversation), action, input ?? {}),
  };
}
