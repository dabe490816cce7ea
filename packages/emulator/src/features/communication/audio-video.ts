import { catalogEntry, type UnknownResource } from '@ucwa/model';
import { buildResource } from '../../core/resource.ts';
import { ucwaError } from '../../http/errors.ts';
import type { Reply } from '../../http/types.ts';
import type { AppRoute, RouteContext } from '../feature.ts';
import { bodyOrQuery } from '../input.ts';
import { conflict, created, noContent, ok } from '../replies.ts';
import type { Comm } from './comm-core.ts';
import { CONVERSATION_PATH, onConversation } from './comm-core.ts';
import { convPath, invitationHref, participantResource } from './comm-resources.ts';
import { type Conversation, others } from './comm-state.ts';
import { newInvitation } from './invitations.ts';
import { type AvPatch, cancelPending, connectLater, setAudioVideo } from './media.ts';
import { replaceWithPhoneAudio } from './phone-audio.ts';

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
function start(
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
function stop(
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

export function audioVideoRoutes(comm: Comm): AppRoute[] {
  const on = (handle: (c: Conversation, ctx: RouteContext) => Reply) =>
    onConversation(comm, handle);
  const av = `${CONVERSATION_PATH}/audioVideo`;
  const post = (
    name: string,
    handle: (c: Conversation, ctx: RouteContext) => Reply,
    rel: string | undefined = name,
  ): AppRoute => ({
    method: 'POST',
    path: `${av}/${name}`,
    ...(rel === undefined ? {} : { rel }),
    handle: on(handle),
  });
  const notStarted = conflict('No audio/video call is established.');
  return [
    { method: 'GET', path: av, rel: 'audioVideo', handle: on((c) => ok(audioVideoResource(c))) },
    post('addAudio', (c, ctx) => start(comm, ctx, c, { audio: true, video: false })),
    post('addVideo', (c, ctx) => start(comm, ctx, c, { audio: false, video: true })),
    post('addAudioVideo', (c, ctx) => start(comm, ctx, c, { audio: true, video: true })),
    post('escalateAudio', (c, ctx) => start(comm, ctx, c, { audio: true, video: false }, true)),
    post('escalateAudioVideo', (c, ctx) => start(comm, ctx, c, { audio: true, video: true }, true)),
    post('stopAudio', (c) => stop(comm, c, { audio: true, video: false }, notStarted)),
    post('stopVideo', (c) => stop(comm, c, { audio: false, video: true }, notStarted)),
    post('stopAudioVideo', (c) =>
      stop(
        comm,
        c,
        { audio: true, video: true },
        ucwaError(404, undefined, { message: 'No audio/video call to stop.' }),
      ),
    ),
    post(
      'videoFreeze',
      (c) => {
        if (c.audioVideo.state !== 'Connected' || !c.audioVideo.video) return notStarted;
        setAudioVideo(comm, c, { frozen: !c.audioVideo.frozen });
        return noContent();
      },
      undefined,
    ),
    post('reportMediaDiagnostics', () => noContent()),
    post('replaceWithPhoneAudio', (c, ctx) => {
      if (c.audioVideo.state === 'Disconnected') return notStarted;
      const reply = replaceWithPhoneAudio(comm, ctx, c);
      if (reply.status === 201) stop(comm, c, { audio: true, video: true }, notStarted);
      return reply;
    }),
    {
      method: 'GET',
      path: `${av}/videoLockedOnParticipant`,
      rel: 'videoLockedOnParticipant',
      handle: on((c) => {
        const remote = [...c.participants.values()][0];
        if (c.audioVideo.state !== 'Connected' || !c.audioVideo.video || remote === undefined)
          return ucwaError(404, 'ResourceNotFound', { message: 'Video is not locked on anyone.' });
        return ok(participantResource(c, remote));
      }),
    },
    {
      method: 'GET',
      path: `${av}/audioVideoSession`,
      rel: 'audioVideoSession',
      handle: on((c) => {
        if (c.audioVideo.state !== 'Connected')
          return ucwaError(404, 'ResourceNotFound', { message: 'No audio/video session.' });
        return ok(
          buildResource({
            rel: 'audioVideoSession',
            href: convPath(c, 'audioVideo/audioVideoSession'),
            properties: { state: 'Connected', sessionContext: c.thread.threadId },
            links: { audioVideo: convPath(c, 'audioVideo'), conversation: convPath(c) },
          }),
        );
      }),
    },
    {
      method: 'GET',
      path: 'communication/audioVideoPolicies',
      rel: 'audioVideoPolicies',
      handle: ({ app }) =>
        ok(
          buildResource({
            rel: 'audioVideoPolicies',
            href: app.href('communication/audioVideoPolicies'),
            properties: { joinScheduledOnlineMeeting: 'Enabled', multiView: 'Enabled' },
          }),
        ),
    },
  ];
}
