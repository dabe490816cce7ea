import type { Reply } from '../../http/types.ts';
import { renewEtag } from '../conditional-put.ts';
import type { RouteContext } from '../feature.ts';
import { noContent, notFound, ok } from '../replies.ts';
import type { RouteSpec } from '../route-table.ts';
import type { Comm } from './comm-core.ts';
import { CONVERSATION_PATH, inConversation } from './comm-core.ts';
import {
  communicationResource,
  conversationResource,
  conversationsResource,
  participantResource,
  participantsResource,
} from './comm-resources.ts';
import { type Conversation, leads } from './comm-state.ts';
import { waiting } from './meeting-lobby.ts';

const SETTINGS = [
  'audioPreference',
  'conversationHistory',
  'lisLocation',
  'phoneNumber',
  'publishEndpointLocation',
];

/** PUT communication: the settings it takes (the conditional-PUT rules ran before). */
function putCommunication(comm: Comm, ctx: RouteContext): Reply {
  const state = comm.apps.get(ctx.app);
  for (const name of SETTINGS) {
    const value = ctx.input?.properties[name];
    if (typeof value === 'string' || typeof value === 'boolean') state.settings[name] = value;
  }
  renewEtag(state.guard, comm.host.ids);
  const href = ctx.app.href('communication');
  comm.fromCommunication(ctx.app, 'communication', href, 'updated');
  return ok(communicationResource(ctx.app, state));
}

const getParticipant = (_: Comm, c: Conversation, ctx: RouteContext): Reply => {
  const id = (ctx.params.participant ?? '').toLowerCase();
  // A leader also reads the participants waiting in the lobby (lobby_ref.md).
  const lobbied = leads(c) ? waiting(c, id)[0]?.local : undefined;
  const p = id === c.local.id ? c.local : (c.participants.get(id) ?? lobbied);
  return p === undefined ? notFound('No such participant.') : ok(participantResource(c, p));
};

/** The communication hub (GET, conditional PUT), conversations, conversation, participants. */
export const CONVERSATION_ROUTES: readonly RouteSpec<Comm>[] = [
  {
    method: 'GET',
    path: 'communication',
    rel: 'communication',
    handle: (comm, { app }) => ok(communicationResource(app, comm.apps.get(app))),
  },
  {
    method: 'PUT',
    path: 'communication',
    rel: 'communication',
    guard: (comm, { app }) => comm.apps.get(app).guard,
    handle: putCommunication,
  },
  {
    method: 'GET',
    path: 'communication/conversations',
    rel: 'conversations',
    handle: (comm, { app }) => ok(conversationsResource(app, comm.apps.get(app))),
  },
  {
    method: 'GET',
    path: CONVERSATION_PATH,
    rel: 'conversation',
    handle: inConversation((_, c) => ok(conversationResource(c))),
  },
  {
    method: 'DELETE',
    path: CONVERSATION_PATH,
    rel: 'conversation',
    handle: inConversation((comm, c) => {
      comm.end(c);
      return noContent();
    }),
  },
  {
    method: 'GET',
    path: `${CONVERSATION_PATH}/participants`,
    handle: inConversation((_, c) => ok(participantsResource(c))),
  },
  {
    method: 'GET',
    path: `${CONVERSATION_PATH}/participants/:participant`,
    rel: 'participant',
    handle: inConversation(getParticipant),
  },
];
