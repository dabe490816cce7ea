import { ucwaError } from '../../http/errors.ts';
import type { Reply } from '../../http/types.ts';
import { renewEtag } from '../conditional-put.ts';
import type { AppRoute, RouteContext } from '../feature.ts';
import { noContent, ok } from '../replies.ts';
import type { Comm } from './comm-core.ts';
import { CONVERSATION_PATH, onConversation } from './comm-core.ts';
import {
  communicationResource,
  conversationResource,
  conversationsResource,
  participantResource,
  participantsResource,
} from './comm-resources.ts';
import type { Conversation } from './comm-state.ts';

const SETTINGS = [
  'audioPreference',
  'conversationHistory',
  'lisLocation',
  'phoneNumber',
  'publishEndpointLocation',
];

/** The communication hub (GET, conditional PUT), conversations, conversation, participants. */
export function conversationRoutes(comm: Comm): AppRoute[] {
  const on = (handle: (c: Conversation, ctx: RouteContext) => Reply) =>
    onConversation(comm, handle);
  const base = CONVERSATION_PATH;
  return [
    {
      method: 'GET',
      path: 'communication',
      rel: 'communication',
      handle: ({ app }) => ok(communicationResource(app, comm.apps.get(app))),
    },
    {
      method: 'PUT',
      path: 'communication',
      rel: 'communication',
      guard: ({ app }) => comm.apps.get(app).guard,
      handle: ({ app, input }) => {
        const state = comm.apps.get(app);
        for (const name of SETTINGS) {
          const value = input?.properties[name];
          if (typeof value === 'string' || typeof value === 'boolean') state.settings[name] = value;
        }
        renewEtag(state.guard, comm.host.ids);
        comm.fromCommunication(app, 'communication', app.href('communication'), 'updated');
        return ok(communicationResource(app, state));
      },
    },
    {
      method: 'GET',
      path: 'communication/conversations',
      rel: 'conversations',
      handle: ({ app }) => ok(conversationsResource(app, comm.apps.get(app))),
    },
    {
      method: 'GET',
      path: base,
      rel: 'conversation',
      handle: on((c) => ok(conversationResource(c))),
    },
    {
      method: 'DELETE',
      path: base,
      rel: 'conversation',
      handle: on((c) => {
        comm.end(c);
        return noContent();
      }),
    },
    { method: 'GET', path: `${base}/participants`, handle: on((c) => ok(participantsResource(c))) },
    {
      method: 'GET',
      path: `${base}/participants/:participant`,
      rel: 'participant',
      handle: on((c, ctx) => {
        const id = (ctx.params.participant ?? '').toLowerCase();
        const p = id === c.local.id ? c.local : c.participants.get(id);
        return p === undefined
          ? ucwaError(404, 'ResourceNotFound', { message: 'No such participant.' })
          : ok(participantResource(c, p));
      }),
    },
  ];
}
