import type { Conversation, IncomingInvitation, MessageText, Session } from '@ucwa/client';
import { conversationView, messageBody } from './conversation-view.ts';
import { describeError } from './describe-error.ts';
import { h } from './dom.ts';
import { sipUri } from './sip-uri.ts';

/** Starts, accepts and shows conversations. */
export interface ConversationsPanel {
  readonly element: HTMLElement;
  /** Invites `uri` to a new conversation (resolves once accepted). */
  start(uri: string): void;
  /** Shows the conversations that exist (call once the user is available). */
  showExisting(): void;
}

/** The address of a participant, from its href (`.../participants/bob@contoso.com`). */
const addressOf = (href: string | undefined): string | undefined =>
  /([^/]+@[^/]+)$/.exec(href ?? '')?.[1];

function invitationRow(
  invitation: IncomingInvitation,
  show: (c: Conversation, remote: string, first?: MessageText) => void,
  onError: (m: string) => void,
): HTMLElement {
  const from = invitation.from.name ?? invitation.from.href ?? 'someone';
  const row = h(
    'li',
    { 'data-testid': 'invitation' },
    `${from} invites you`,
    ...(invitation.message ? [': ', messageBody(invitation.message)] : []),
    ' ',
  );
  const accept = h('button', { type: 'button' }, 'Accept');
  const decline = h('button', { type: 'button' }, 'Decline');
  accept.addEventListener('click', () => {
    row.remove();
    const uri = addressOf(invitation.from.href) ?? from;
    invitation.accept().then(
      (conversation) => show(conversation, uri, invitation.message),
      (error: unknown) => onError(describeError(error)),
    );
  });
  decline.addEventListener('click', () => {
    row.remove();
    invitation.decline().catch((error: unknown) => onError(describeError(error)));
  });
  row.append(accept, decline);
  return row;
}

/** Who else is in a conversation another tab started or accepted: its participants. */
async function remoteOf(session: Session, conversation: Conversation): Promise<string> {
  const participants = await session.get(await conversation.resource(), 'participants');
  const links = participants?.links.participant ?? [];
  const names = links.map((link) => addressOf(link.href) ?? link.title ?? link.href);
  return names.length > 0 ? names.join(', ') : 'someone';
}

/** A conversation that ended stays on screen, said to be over, and takes no more input. */
function ended(view: HTMLElement): void {
  view.dataset.ended = 'true';
  for (const control of view.querySelectorAll('input, button'))
    control.setAttribute('disabled', '');
  view.append(h('p', { class: 'ended', 'data-testid': 'ended' }, 'The conversation ended.'));
}

/**
 * The conversations of a session: incoming invitations and one view per conversation,
 * whichever tab of the user started or accepted it (those open before this tab included).
 */
export function conversationsPanel(
  session: Session,
  onError: (message: string) => void,
): ConversationsPanel {
  const invitations = h('ul', { 'data-testid': 'invitations' });
  const list = h('div', {});
  // The session has one object per conversation: one view each.
  const views = new Map<Conversation, HTMLElement>();
  const show = (conversation: Conversation, remote: string, first?: MessageText) => {
    if (views.has(conversation)) return;
    const view = conversationView(conversation, remote, onError, first);
    views.set(conversation, view);
    list.prepend(view);
    conversation.onEnded(() => ended(view));
  };
  // Started or accepted here, in another tab, or before this tab opened.
  const found = async (conversation: Conversation) => {
    if (views.has(conversation)) return;
    const remote = await remoteOf(session, conversation).catch(() => 'someone');
    show(conversation, remote);
  };
  session.messaging.onConversation(found);
  const showExisting = async () => {
    // Oldest first, so the newest ends up on top, as it would have here.
    for (const conversation of await session.messaging.conversations()) await found(conversation);
  };
  session.messaging.onInvitation((invitation) => {
    const row = invitationRow(invitation, show, onError);
    invitations.append(row);
    // Answered here or in another tab of this user (or withdrawn): it goes from the list.
    const path = (href: string) => new URL(href, invitation.href).pathname;
    const stop = session.on({ type: 'completed' }, (event) => {
      if (path(event.link.href) !== path(invitation.href)) return;
      row.remove();
      stop();
    });
  });
  const element = h('section', {}, h('h2', {}, 'Conversations'), invitations, list);
  return {
    element,
    showExisting: () => {
      showExisting().catch((error: unknown) => onError(describeError(error)));
    },
    start(uri) {
      const pending = h('p', { 'data-testid': 'pending' }, `Inviting ${uri}…`);
      list.prepend(pending);
      session.messaging.start({ to: sipUri(uri) }).then(
        (conversation) => {
          pending.remove();
          show(conversation, uri);
        },
        (error: unknown) => {
          pending.remove();
          onError(describeError(error));
        },
      );
    },
  };
}
