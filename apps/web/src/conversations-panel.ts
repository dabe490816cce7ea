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
}

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
    const uri = /([^/]+@[^/]+)$/.exec(invitation.from.href ?? '')?.[1] ?? from;
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

/** The conversations of a session: incoming invitations and one view per conversation. */
export function conversationsPanel(
  session: Session,
  onError: (message: string) => void,
): ConversationsPanel {
  const invitations = h('ul', { 'data-testid': 'invitations' });
  const list = h('div', {});
  const show = (conversation: Conversation, remote: string, first?: MessageText) =>
    list.prepend(conversationView(conversation, remote, onError, first));
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
