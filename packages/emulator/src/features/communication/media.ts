import type { Comm } from './comm-core.ts';
import { convPath } from './comm-resources.ts';
import type { Conversation, Invitation } from './comm-state.ts';
import { others } from './comm-state.ts';

/** How long emulated media takes to "connect" (on the injected clock). */
export const MEDIA_CONNECT_MS = 2_000;

export type AvPatch = Partial<
  Pick<Conversation['audioVideo'], 'state' | 'audio' | 'video' | 'frozen'>
>;

/**
 * Changes audioVideo here and on the other sides; `updated` (High, from conversation) on a
 * change, and the conversation `updated` once connected (a disconnect ends or updates the
 * conversation through `endIfIdle`).
 */
export function setAudioVideo(comm: Comm, c: Conversation, patch: AvPatch): void {
  for (const side of [c, ...others(c)]) {
    const av = side.audioVideo;
    const before = JSON.stringify([av.state, av.audio, av.video, av.frozen]);
    Object.assign(av, patch);
    if (JSON.stringify([av.state, av.audio, av.video, av.frozen]) === before) continue;
    comm.fromConversation(side, 'audioVideo', convPath(side, 'audioVideo'), 'updated');
    if (patch.state === 'Connected') comm.conversationChanged(side, 'updated');
  }
}

/** Changes phoneAudio on this side; `updated` (High, from conversation). */
export function setPhoneAudio(
  comm: Comm,
  c: Conversation,
  state: Conversation['phoneAudio']['state'],
  held = false,
): void {
  const phone = c.phoneAudio;
  if (phone.state === state && phone.held === held) return;
  const stateChanged = phone.state !== state;
  phone.state = state;
  phone.held = held;
  comm.fromConversation(c, 'phoneAudio', convPath(c, 'phoneAudio'), 'updated');
  if (stateChanged && state === 'Connected') comm.conversationChanged(c, 'updated');
}

/** Completes `invitation` after MEDIA_CONNECT_MS, then runs `connected`. */
export function connectLater(
  comm: Comm,
  invitation: Invitation,
  connected: () => void,
): ReturnType<Comm['host']['clock']['setTimeout']> {
  return comm.host.clock.setTimeout(() => {
    if (invitation.state !== 'Connecting') return;
    invitation.state = 'Connected';
    connected();
    comm.invitationEvent(invitation, 'completed');
  }, MEDIA_CONNECT_MS);
}

/** Fails the pending invitation of a modality that was stopped before it connected. */
export function cancelPending(comm: Comm, pending: Invitation | undefined): void {
  if (pending?.state === 'Connecting')
    comm.fail(pending, 'Cancelled', {
      code: 'LocalFailure',
      subcode: 'Canceled',
      message: 'Stopped before it connected.',
    });
}
