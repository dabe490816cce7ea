import { catalogEntry, type UnknownResource } from '@ucwa/model';
import { buildResource } from '../../core/resource.ts';
import type { Reply } from '../../http/types.ts';
import type { RouteContext } from '../feature.ts';
import { bodyOrQuery } from '../input.ts';
import { conflict, created, noContent } from '../replies.ts';
import type { Comm } from './comm-core.ts';
import { convPath, invitationHref } from './comm-resources.ts';
import { type Conversation, others } from './comm-state.ts';
import { newInvitation } from './invitations.ts';
import { type AvPatch, cancelPending, connectLater, setAudioVideo } from './media.ts';

/** When each audioVideo action works, by the state of the call (audioVideo_ref.md). */
const AV_AVAILABLE: Readonly<Record<string, (c: Conversation) => boolean>> = {
  addAudio: (c) => reachable(c) && (idle(c) || (up(c) && !c.audioVideo.audio)),
  addVideo: (c) => reachable(c) && (idle(c) || (up(c) && !c.audioVideo.video)),
  addAudioVideo: (c) => reachable(c) && idle(c),
  escalateAudio: (c) => up(c) && !c.audioVideo.audio,
  escalateAudioVideo: (c) => up(c) && !(c.audioVideo.audio && c.audioVideo.video),
  stopAudio: (c) => !idle(c) && c.audioVideo.audio,
  stopVideo: (c) => !idle(c) && c.audioVideo.video,
  stopAudioVideo: (c) => !idle(c),
  videoFreeze: (c) => up(c) && c.audioVideo.video,
  videoLockedOnParticipant: (c) => up(c) && c.audioVideo.video && c.participants.size > 0,
  audioVideoSession: up,
  replaceWithPhoneAudio: (c) => !idle(c),
  reportMediaDiagnostics: () => true,
};

function idle(c: Conversation): boolean {
  return c.audioVideo.state === 'Disconnected';
}
function up(c: Conversation): boolean {
  return c.audioVideo.state === 'Connected';
}
/** Someone to call: a connected conversation with a remote participant. */
function reachable(c: Conversation): boolean {
  return c.state === 'Connected' && c.participants.size > 0;
}

/**
 * audioVideo with the three properties of audioVideo_ref.md and, of the catalog's links,
 * those that work in the current state (so a client can tell from the links what it can
 * do).
 */
export function audioVideoResource(c: Conversation): UnknownResource {
  const href = convPath(c, 'audioVideo');
  const links: Record<string, string | undefined> = {};
  for (const rel of Object.keys(catalogEntry('audioVideo')?.links ?? {})) {
    const available = AV_AVAILABLE[rel];
    if (available !== undefined) links[rel] = available(c) ? `${href}/${rel}` : undefined;
  }
  return buildResource({
    rel: 'audioVideo',
    href,
    properties: {
      state: c.audioVideo.state,
      supportsReplaces: 'None',
      videoSourcesAllowed: 'Everyone',
    },
    links: {
      ...links,
      audioVideoPolicies: c.app.href('communication/audioVideoPolicies'),
      conversation: convPath(c),
    },
  });
}

/** addAudio / addVideo / addAudioVideo / escalate*: Connecting now, Connected a little later. */
export function start(
  comm: Comm,
  ctx: RouteContext,
  c: Conversation,
  want: { audio: boolean; video: boolean },
  escalate = false,
): Reply {
  const av = c.audioVideo;
  if (c.state !== 'Connected' || c.participants.size === 0)
    return conflict('The conversation has no one to call.');
  if (av.state === 'Connecting' || av.state === 'Disconnecting')
    return conflict('Another audio/video operation is in progress.', 'AnotherOperationPending');
  if (escalate && av.state !== 'Connected') return conflict('There is no call to escalate.');
  const audio = av.audio || want.audio;
  const video = av.video || want.video;
  if (!escalate && av.state === 'Connected' && audio === av.audio && video === av.video)
    return conflict('That media is already connected.', 'AlreadyExists');
  const first = [...c.participants.values()][0] ?? c.local;
  const operationId = bodyOrQuery(ctx.input, ctx.query, 'operationId');
  const invitation = newInvitation(comm, {
    kind: 'audioVideo',
    direction: 'Outgoing',
    conversation: c,
    ...(operationId === undefined ? {} : { operationId }),
    from: c.local,
    to: first,
  });
  comm.invitationEvent(invitation, 'started');
  av.pending = invitation;
  setAudioVideo(comm, c, { state: 'Connecting', audio, video });
  av.timer = connectLater(comm, invitation, () => {
    av.pending = undefined;
    setAudioVideo(comm, c, { state: 'Connected' });
  });
  return created(invitationHref(invitation));
}

/** stopAudio / stopVideo / stopAudioVideo. */
export function stop(
  comm: Comm,
  c: Conversation,
  what: { audio: boolean; video: boolean },
  missing: Reply,
): Reply {
  const av = c.audioVideo;
  if (av.state === 'Disconnected') return missing;
  const patch: AvPatch = { audio: av.audio && !what.audio, video: av.video && !what.video };
  if (!patch.audio && !patch.video) {
    av.timer?.cancel();
    cancelPending(comm, av.pending);
    av.pending = undefined;
    const sides = [c, ...others(c)];
    setAudioVideo(comm, c, { ...patch, state: 'Disconnected', frozen: false });
    for (const side of sides) comm.endIfIdle(side);
  } else {
    setAudioVideo(comm, c, patch);
  }
  return noContent();
}
