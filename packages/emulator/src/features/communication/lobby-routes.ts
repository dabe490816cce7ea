import { buildResource } from '../../core/resource.ts';
import { ucwaError } from '../../http/errors.ts';
import type { Reply } from '../../http/types.ts';
import type { RouteContext } from '../feature.ts';
import { noContent, notFound, ok } from '../replies.ts';
import type { RouteSpec } from '../route-table.ts';
import { CONVERSATION_PATH, type Comm, inConversation } from './comm-core.ts';
import { convPath, participantResource } from './comm-resources.ts';
import { type Conversation, leads, type Party } from './comm-state.ts';
import { admitToMeeting, leaveLobby, pendingJoin, waiting } from './meeting-lobby.ts';

/** The people waiting in the lobby, one party per user (several endpoints wait as one). */
function lobbyParties(c: Conversation): Party[] {
  const byId = new Map<string, Party>();
  for (const w of c.thread.lobby) byId.set(w.local.id, w.local);
  return [...byId.values()];
}

/** GET lobby: its participants for a leader in the meeting, none for anyone else. */
function getLobby(_: Comm, c: Conversation): Reply {
  const parties = leads(c) ? lobbyParties(c) : [];
  return ok(
    buildResource({
      rel: 'lobby',
      href: convPath(c, 'lobby'),
      embedded: { participant: parties.map((p) => participantResource(c, p)) },
    }),
  );
}

/**
 * The waiting conversations of the participant a leader names, or an error: 403 for
 * someone who does not lead the meeting (no `admit` link is offered there), 404 for a
 * participant not in the lobby (admitted, rejected or gone).
 */
function lobbied(c: Conversation, ctx: RouteContext): Conversation[] | Reply {
  if (!leads(c))
    return ucwaError(403, undefined, {
      message: 'Only a leader of the meeting admits or rejects.',
    });
  const found = waiting(c, (ctx.params.participant ?? '').toLowerCase());
  return found.length > 0 ? found : notFound('No such participant in the lobby.');
}

/** POST admit (admit_ref.md): the joiner is in the roster and its join completes with success. */
function admit(comm: Comm, c: Conversation, ctx: RouteContext): Reply {
  const found = lobbied(c, ctx);
  if (!Array.isArray(found)) return found;
  for (const w of found) {
    const invitation = pendingJoin(comm, w);
    leaveLobby(comm, w);
    // A wait whose join is no longer under way has nothing to complete: it ends.
    if (invitation !== undefined) admitToMeeting(comm, w, invitation);
    else comm.end(w);
  }
  return noContent();
}

/**
 * POST reject (reject_ref.md): the join completes with failure, reason Forbidden / Denied
 * (ErrorSubcode_ref.md: the lobby participant was denied), and the joiner's conversation ends.
 */
function reject(comm: Comm, c: Conversation, ctx: RouteContext): Reply {
  const found = lobbied(c, ctx);
  if (!Array.isArray(found)) return found;
  for (const w of found) {
    const invitation = pendingJoin(comm, w);
    leaveLobby(comm, w);
    if (invitation !== undefined)
      comm.fail(invitation, 'Failed', {
        code: 'Forbidden',
        subcode: 'Denied',
        message: 'A leader of the meeting denied entry from the lobby.',
      });
    comm.end(w);
  }
  return noContent();
}

const PARTICIPANT = `${CONVERSATION_PATH}/participants/:participant`;

/** The lobby of a meeting conversation, and admit / reject of a participant waiting there. */
export const LOBBY_ROUTES: readonly RouteSpec<Comm>[] = [
  {
    method: 'GET',
    path: `${CONVERSATION_PATH}/lobby`,
    rel: 'lobby',
    handle: inConversation(getLobby),
  },
  { method: 'POST', path: `${PARTICIPANT}/admit`, rel: 'admit', handle: inConversation(admit) },
  { method: 'POST', path: `${PARTICIPANT}/reject`, rel: 'reject', handle: inConversation(reject) },
];
