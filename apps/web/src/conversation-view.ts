import type { Conversation, ReceivedMessage } from '@ucwa/client';
import { audioVideoPanel } from './audio-video-panel.ts';
import { describeError } from './describe-error.ts';
import { field, h } from './dom.ts';

/** A message's text as an element: HTML messages rendered, plain ones as text. */
export function messageBody(message: { text: string; html: boolean }): HTMLElement {
  const body = h('span', { class: 'text' });
  if (message.html)
    body.innerHTML = message.text; // UCWA's HTML messages, as the sender wrote them
  else body.textContent = message.text;
  return body;
}

function messageLine(who: string, message: { text: string; html: boolean }): HTMLLIElement {
  return h('li', { 'data-testid': 'message' }, h('b', {}, `${who}: `), messageBody(message));
}

/** A conversation's messages and the other side's typing, live. */
interface MessageFeed {
  readonly messages: HTMLElement;
  readonly typing: HTMLElement;
  /** A message sent from here went out (shown unless its delivery was shown already). */
  sent(href: string | undefined, message: { text: string; html: boolean }): void;
}

/**
 * The messages of a conversation (starting with the invitation's, when it had one): those
 * that arrive, and those the user sent from here or from another tab, each once.
 */
function messageFeed(
  conversation: Conversation,
  remote: string,
  first?: { text: string; html: boolean },
): MessageFeed {
  const messages = h('ul', { class: 'messages', 'data-testid': 'messages' });
  if (first !== undefined) messages.append(messageLine(remote, first));
  // The invitation's message may also come as the conversation's first message event.
  let shownFirst = first;
  const typing = h('p', { class: 'typing', 'data-testid': 'typing' });
  // A message sent from here may be reported delivered before `send` resolves: by address.
  const shown = new Set<string>();
  const once = (href: string | undefined) => {
    if (href === undefined) return true;
    const path = new URL(href, location.href).pathname;
    if (shown.has(path)) return false;
    shown.add(path);
    return true;
  };
  conversation.onMessage(
    (message: ReceivedMessage) => {
      if (message.direction === 'Outgoing') {
        if (once(message.href)) messages.append(messageLine('me', message));
        return;
      }
      typing.textContent = '';
      const repeat = shownFirst !== undefined && shownFirst.text === message.text;
      shownFirst = undefined;
      if (!repeat) messages.append(messageLine(message.from ?? remote, message));
    },
    { outgoing: true },
  );
  conversation.onTyping((change) => {
    typing.textContent = change.typing ? `${change.participant} is typing…` : '';
  });
  return {
    messages,
    typing,
    sent: (href, message) => {
      if (once(href)) messages.append(messageLine('me', message));
    },
  };
}

/** The composer: plain or HTML, telling the others the user types. */
function composerOf(
  conversation: Conversation,
  feed: MessageFeed,
  onError: (message: string) => void,
): HTMLFormElement {
  const composer = h(
    'form',
    {},
    h('input', {
      name: 'text',
      placeholder: 'Message',
      'data-testid': 'compose',
      autocomplete: 'off',
    }),
    h('label', {}, h('input', { type: 'checkbox', name: 'html' }), ' HTML'),
    h('button', {}, 'Send'),
  );
  let typed = 0;
  composer.addEventListener('input', () => {
    if (Date.now() - typed < 5_000) return; // the server keeps a typing indicator for 10 s
    typed = Date.now();
    conversation.setTyping().catch(() => {});
  });
  composer.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = field(composer, 'text');
    const html = new FormData(composer).get('html') === 'on';
    if (text === '') return;
    composer.reset();
    typed = 0;
    conversation.send(text, { html }).then(
      (sent) => feed.sent(sent.href, { text, html }),
      (error: unknown) => onError(describeError(error)),
    );
  });
  return composer;
}

/**
 * One conversation: its messages (starting with the invitation's, when it had one), a
 * composer (plain or HTML), typing and audioVideo.
 */
export function conversationView(
  conversation: Conversation,
  remote: string,
  onError: (message: string) => void,
  first?: { text: string; html: boolean },
): HTMLElement {
  const feed = messageFeed(conversation, remote, first);
  const leave = h('button', { type: 'button' }, 'Leave');
  leave.addEventListener('click', () =>
    conversation.leave().catch((error: unknown) => onError(describeError(error))),
  );
  return h(
    'div',
    { 'data-testid': 'conversation', 'data-remote': remote },
    h('h3', {}, `With ${remote} `, leave),
    feed.messages,
    feed.typing,
    composerOf(conversation, feed, onError),
    audioVideoPanel(conversation, remote, onError),
  );
}
