import { dataUriText, parseDataUri } from '@ucwa/model';
import { parameterValidationFailure, ucwaError } from '../../http/errors.ts';
import type { Reply } from '../../http/types.ts';
import type { RouteContext } from '../feature.ts';
import { bodyOrQuery } from '../input.ts';
import { created, noContent, notFound, ok } from '../replies.ts';
import type { RouteSpec } from '../route-table.ts';
import type { Comm } from './comm-core.ts';
import { CONVERSATION_PATH, inConversation } from './comm-core.ts';
import {
  convPath,
  messageHref,
  messageResource,
  messagingResource,
  participantHref,
  participantMessagingResource,
  typingParticipantsResource,
} from './comm-resources.ts';
import { type Conversation, type Message, others, type Party } from './comm-state.ts';

/** How long a typing indicator lasts without another setIsTyping. */
export const TYPING_MS = 10_000;

/** An incoming message on `c` from `author`, released at once (ReceiveAnIM.md step 16). */
export function receive(
  comm: Comm,
  c: Conversation,
  author: Party,
  contentType: string,
  text: string,
): void {
  const m: Message = {
    id: String(c.nextMessage++),
    direction: 'Incoming',
    timeStamp: comm.host.clock.now(),
    contentType,
    text,
    author,
  };
  c.messages.set(m.id, m);
  stopTyping(comm, c, author.id);
  comm.fromConversation(c, 'message', messageHref(c, m), 'completed', {
    status: 'success',
    resource: messageResource(c, m),
    priority: 'RealTime',
  });
}

/** The first message of an invitation (a `data:` URI) delivered once it is accepted. */
export function deliver(comm: Comm, c: Conversation, author: Party, uri: string): void {
  try {
    const data = parseDataUri(uri);
    receive(
      comm,
      c,
      author,
      data.mediaType === 'text/html' ? 'text/html' : 'text/plain',
      dataUriText(data),
    );
  } catch {
    // validated when the invitation was made
  }
}

function stopTyping(comm: Comm, c: Conversation, id: string): void {
  const timer = c.typing.get(id);
  if (timer === undefined) return;
  timer.cancel();
  c.typing.delete(id);
  const p = c.participants.get(id);
  if (p === undefined) return;
  comm.fromConversation(c, 'participant', participantHref(c, p), 'deleted', {
    in: { rel: 'typingParticipants', href: convPath(c, 'messaging/typingParticipants') },
  });
}

const notConnected = (): Reply =>
  ucwaError(409, undefined, { message: 'The messaging modality is not connected.' });

/** `operationId` (or `OperationContext`) from the query or the body. */
const operationIdOf = (ctx: RouteContext): string | undefined =>
  bodyOrQuery(ctx.input, ctx.query, 'operationId') ??
  bodyOrQuery(ctx.input, ctx.query, 'OperationContext');

/** POST sendMessage: text/plain or text/html; 201 + Location; started/completed; delivered. */
function sendMessage(comm: Comm, ctx: RouteContext, c: Conversation): Reply {
  if (c.messaging !== 'Connected') return notConnected();
  // The reference marks operationId required; clients in the field omit it and real
  // servers take the message (the sender then gets no operation events).
  const operationId = operationIdOf(ctx);
  if (operationId === undefined && comm.host.requireOperationId)
    return parameterValidationFailure([{ name: 'operationId', value: '' }]);
  if (ctx.contentType !== 'text/plain' && ctx.contentType !== 'text/html')
    return ucwaError(415, 'UnsupportedMediaType', { message: 'Send text/plain or text/html.' });
  const m: Message = {
    id: String(c.nextMessage++),
    direction: 'Outgoing',
    ...(operationId === undefined ? {} : { operationId }),
    timeStamp: comm.host.clock.now(),
    contentType: ctx.contentType,
    text: ctx.text,
    author: c.local,
  };
  c.messages.set(m.id, m);
  const href = messageHref(c, m);
  const tracked = operationId !== undefined;
  if (tracked)
    comm.fromConversation(c, 'message', href, 'started', { resource: messageResource(c, m) });
  for (const o of others(c)) {
    if (o.messaging === 'Connected')
      receive(comm, o, o.participants.get(c.local.id) ?? c.local, m.contentType, m.text);
  }
  if (tracked)
    comm.fromConversation(c, 'message', href, 'completed', {
      status: 'success',
      resource: messageResource(c, m),
      priority: 'High',
    });
  return created(href);
}

/** POST setIsTyping: typingParticipants `added` on the other sides, `deleted` after a while. */
function setIsTyping(comm: Comm, c: Conversation): Reply {
  if (c.messaging !== 'Connected') return notConnected();
  for (const o of others(c)) {
    const me = o.participants.get(c.local.id);
    if (me === undefined || o.messaging !== 'Connected') continue;
    const was = o.typing.get(me.id);
    was?.cancel();
    o.typing.set(
      me.id,
      comm.host.clock.setTimeout(() => {
        o.typing.delete(me.id);
        comm.fromConversation(o, 'participant', participantHref(o, me), 'deleted', {
          in: { rel: 'typingParticipants', href: convPath(o, 'messaging/typingParticipants') },
        });
      }, TYPING_MS),
    );
    if (was === undefined) {
      comm.fromConversation(o, 'participant', participantHref(o, me), 'added', {
        in: { rel: 'typingParticipants', href: convPath(o, 'messaging/typingParticipants') },
      });
    }
  }
  return noContent();
}

/** POST stopMessaging: cancels a pending invitation, or ends messaging on both sides. */
function stopMessaging(comm: Comm, c: Conversation): Reply {
  if (c.messaging === 'Disconnected') return notConnected();
  if (c.messaging === 'Connecting') {
    comm.end(c);
    return noContent();
  }
  c.messaging = 'Disconnected';
  comm.messagingUpdated(c);
  // In a meeting the others go on messaging; in a two-party conversation it ends for both.
  const peers = c.thread.onlineMeetingUri === undefined ? others(c) : [];
  for (const o of peers) {
    if (o.messaging !== 'Connected') continue;
    o.messaging = 'Disconnected';
    comm.messagingUpdated(o);
  }
  const rest = peers;
  comm.endIfIdle(c);
  for (const o of rest) comm.endIfIdle(o);
  return noContent();
}

const getMessage = (_: Comm, c: Conversation, ctx: RouteContext): Reply => {
  const m = c.messages.get(ctx.params.message ?? '');
  return m === undefined ? notFound() : ok(messageResource(c, m));
};

const getParticipantMessaging = (_: Comm, c: Conversation, ctx: RouteContext): Reply => {
  const id = (ctx.params.participant ?? '').toLowerCase();
  const p = id === c.local.id ? c.local : c.participants.get(id);
  if (p === undefined || c.messaging !== 'Connected') return notFound();
  return ok(participantMessagingResource(c, p));
};

const MESSAGING = `${CONVERSATION_PATH}/messaging`;

/** messaging, its messages, typing and participantMessaging. */
export const MESSAGING_ROUTES: readonly RouteSpec<Comm>[] = [
  {
    method: 'GET',
    path: MESSAGING,
    rel: 'messaging',
    handle: inConversation((_, c) => ok(messagingResource(c))),
  },
  {
    method: 'POST',
    path: `${MESSAGING}/messages`,
    handle: inConversation((comm, c, ctx) => sendMessage(comm, ctx, c)),
  },
  {
    method: 'GET',
    path: `${MESSAGING}/messages/:message`,
    rel: 'message',
    handle: inConversation(getMessage),
  },
  {
    method: 'POST',
    path: `${MESSAGING}/typing`,
    rel: 'setIsTyping',
    handle: inConversation((comm, c) => setIsTyping(comm, c)),
  },
  {
    method: 'POST',
    path: `${MESSAGING}/terminate`,
    rel: 'stopMessaging',
    handle: inConversation((comm, c) => stopMessaging(comm, c)),
  },
  {
    method: 'GET',
    path: `${MESSAGING}/typingParticipants`,
    handle: inConversation((_, c) => ok(typingParticipantsResource(c))),
  },
  {
    method: 'GET',
    path: `${CONVERSATION_PATH}/participants/:participant/messaging`,
    rel: 'participantMessaging',
    handle: inConversation(getParticipantMessaging),
  },
];
