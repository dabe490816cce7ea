import { renewEtag } from '../conditional-put.ts';
import type { Feature, FeatureFactory, FeatureHost } from '../feature.ts';
import { bindRoutes } from '../route-table.ts';
import { ADD_PARTICIPANT_ROUTES } from './add-participant.ts';
import { AUDIO_VIDEO_ROUTES } from './audio-video-routes.ts';
import { createComm } from './comm-core.ts';
import { communicationResource } from './comm-resources.ts';
import { CONVERSATION_ROUTES } from './conversations.ts';
import { INVITATION_ROUTES } from './invitations.ts';
import { LOBBY_ROUTES } from './lobby-routes.ts';
import { MESSAGING_ROUTES } from './messages.ts';
import { ONLINE_MEETING_ROUTES } from './online-meetings.ts';
import { PHONE_AUDIO_ROUTES } from './phone-audio.ts';

/**
 * The communication family: the communication hub (GET, conditional PUT), messaging
 * invitations, conversations and participants, messaging (messages, typing), audioVideo
 * and phoneAudio state machines (media is never established), joining online meetings,
 * addParticipant (escalating to an ad hoc meeting) and addMessaging. State per application;
 * the two ends of a conversation share a thread. See README.md.
 */
export const communicationFeature: FeatureFactory = (host: FeatureHost): Feature => {
  const comm = createComm(host);
  host.conferences.register((uri) => comm.adhoc.get(uri.trim().toLowerCase()));
  const drop = (app: Parameters<NonNullable<Feature['onApplicationRemoved']>>[0]): void => {
    const state = comm.apps.peek(app);
    if (state === undefined) return;
    for (const c of [...state.conversations.values()]) comm.end(c);
  };
  return {
    name: 'communication',
    routes: [
      ...bindRoutes(comm, CONVERSATION_ROUTES),
      ...bindRoutes(comm, INVITATION_ROUTES),
      ...bindRoutes(comm, MESSAGING_ROUTES),
      ...bindRoutes(comm, AUDIO_VIDEO_ROUTES),
      ...bindRoutes(comm, PHONE_AUDIO_ROUTES),
      ...bindRoutes(comm, ONLINE_MEETING_ROUTES),
      ...bindRoutes(comm, ADD_PARTICIPANT_ROUTES),
      ...bindRoutes(comm, LOBBY_ROUTES),
    ],
    embeds: { communication: (app) => communicationResource(app, comm.apps.get(app)) },
    onApplicationRemoved(app) {
      drop(app);
      comm.apps.delete(app);
    },
    // EventsInUCWA.md: after a resume, conversations are gone.
    onTransientReset: drop,
    // EventChannelDetails.md: makeMeAvailable updates communication, embedded in the event.
    onMadeAvailable(app, endpoint) {
      const state = comm.apps.get(app);
      state.supportedModalities = [...endpoint.supportedModalities];
      state.supportedMessageFormats = [...endpoint.supportedMessageFormats];
      renewEtag(state.guard, host.ids);
      comm.fromCommunication(app, 'communication', app.href('communication'), 'updated', {
        resource: communicationResource(app, state),
      });
    },
  };
};
