import { buildResource } from '../../core/resource.ts';
import { ucwaError } from '../../http/errors.ts';
import type { Reply } from '../../http/types.ts';
import type { RouteContext } from '../feature.ts';
import { conflict, noContent, notFound, ok } from '../replies.ts';
import type { RouteSpec } from '../route-table.ts';
import { audioVideoResource, start, stop } from './audio-video.ts';
import { CONVERSATION_PATH, type Comm, inConversation } from './comm-core.ts';
import { convPath, participantResource } from './comm-resources.ts';
import type { Conversation } from './comm-state.ts';
import { setAudioVideo } from './media.ts';
import { replaceWithPhoneAudio } from './phone-audio.ts';

type Handler = (comm: Comm, c: Conversation, ctx: RouteContext) => Reply;

const AV = `${CONVERSATION_PATH}/audioVideo`;
const notStarted = () => conflict('No audio/video call is established.');

const adding =
  (audio: boolean, video: boolean, escalate = false): Handler =>
  (comm, c, ctx) =>
    start(comm, ctx, c, { audio, video }, escalate);

const stopping =
  (audio: boolean, video: boolean): Handler =>
  (comm, c) =>
    stop(comm, c, { audio, video }, notStarted());

const stopAll: Handler = (comm, c) =>
  stop(
    comm,
    c,
    { audio: true, video: true },
    ucwaError(404, undefined, {
      message: 'No audio/video call to stop.',
    }),
  );

const videoFreeze: Handler = (comm, c) => {
  if (c.audioVideo.state !== 'Connected' || !c.audioVideo.video) return notStarted();
  setAudioVideo(comm, c, { frozen: !c.audioVideo.frozen });
  return noContent();
};

const replace: Handler = (comm, c, ctx) => {
  if (c.audioVideo.state === 'Disconnected') return notStarted();
  const reply = replaceWithPhoneAudio(comm, ctx, c);
  if (reply.status === 201) stop(comm, c, { audio: true, video: true }, notStarted());
  return reply;
};

const videoLocked: Handler = (_, c) => {
  const remote = [...c.participants.values()][0];
  if (c.audioVideo.state !== 'Connected' || !c.audioVideo.video || remote === undefined)
    return notFound('Video is not locked on anyone.');
  return ok(participantResource(c, remote));
};

const session: Handler = (_, c) => {
  if (c.audioVideo.state !== 'Connected') return notFound('No audio/video session.');
  return ok(
    buildResource({
      rel: 'audioVideoSession',
      href: convPath(c, 'audioVideo/audioVideoSession'),
      properties: { state: 'Connected', sessionContext: c.thread.threadId },
      links: { audioVideo: convPath(c, 'audioVideo'), conversation: convPath(c) },
    }),
  );
};

const policies = (_: Comm, ctx: RouteContext): Reply =>
  ok(
    buildResource({
      rel: 'audioVideoPolicies',
      href: ctx.app.href('communication/audioVideoPolicies'),
      properties: { joinScheduledOnlineMeeting: 'Enabled', multiView: 'Enabled' },
    }),
  );

const post = (name: string, handle: Handler, rel: string | undefined = name): RouteSpec<Comm> => ({
  method: 'POST',
  path: `${AV}/${name}`,
  ...(rel === undefined ? {} : { rel }),
  handle: inConversation(handle),
});

const get = (name: string, handle: Handler): RouteSpec<Comm> => ({
  method: 'GET',
  path: `${AV}/${name}`,
  rel: name,
  handle: inConversation(handle),
});

/** audioVideo and its actions (audioVideo_ref.md); media is never established. */
export const AUDIO_VIDEO_ROUTES: readonly RouteSpec<Comm>[] = [
  {
    method: 'GET',
    path: AV,
    rel: 'audioVideo',
    handle: inConversation((_, c) => ok(audioVideoResource(c))),
  },
  post('addAudio', adding(true, false)),
  post('addVideo', adding(false, true)),
  post('addAudioVideo', adding(true, true)),
  post('escalateAudio', adding(true, false, true)),
  post('escalateAudioVideo', adding(true, true, true)),
  post('stopAudio', stopping(true, false)),
  post('stopVideo', stopping(false, true)),
  post('stopAudioVideo', stopAll),
  post('videoFreeze', videoFreeze, undefined),
  post('reportMediaDiagnostics', () => noContent()),
  post('replaceWithPhoneAudio', replace),
  get('videoLockedOnParticipant', videoLocked),
  get('audioVideoSession', session),
  {
    method: 'GET',
    path: 'communication/audioVideoPolicies',
    rel: 'audioVideoPolicies',
    handle: policies,
  },
];
