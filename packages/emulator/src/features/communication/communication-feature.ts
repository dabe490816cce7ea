import { renewEtag } from '../conditional-put.ts';
import type { Feature, FeatureFactory, FeatureHost } from '../feature.ts';
import { audioVideoRoutes } from './audio-video.ts';
import { createComm } from './comm-core.ts';
import { communicationResource } from './comm-resources.ts';
import { conversationRoutes } from './conversations.ts';
import { invitationRoutes } from './invitations.ts';
import { messagingRoutes } from './messages.ts';
import { phoneAudioRoutes } from './phone-audio.ts';

/**
 * The communication family: the communication hub (GET, conditional PUT), messaging
 * invitations, conversations and participants, messaging (messages, typing), audioVideo
 * and phoneAudio state machines (media is never established). State per application;
 * the two ends of a conversation share a thread. See README.md.
 */
export const communicationFeature: FeatureFactory = (host: FeatureHost): Feature => {
  const comm = createComm(host);
  const drop = (app: Parameters<NonNullable<Feature['onApplicationRemoved']>>[0]): void => {
    const state = comm.apps.peek(app);
    if (state === undefined) return;
    for (const c of [...state.conversations.values()]) comm.end(c);
  };
  return {
    name: 'communication',
    routes: [
      ...conversationRoutes(comm),
      ...invitationRoutes(comm),
      ...messagingRoutes(comm),
      ...audioVideoRoutes(comm),
      ...phoneAudioRoutes(comm),
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
