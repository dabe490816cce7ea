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
  const messages = h('ul', { class: 'messages', 'data-testid': 'messages' });
  if (first !== undefined) messages.append(messageLine(remote, first));
  // The invitation's message may also come as the conversation's first message event.
  let shownFirst = first;
  const typing = h('p', { class: 'typing', 'data-testid': 'typing' });
  conversation.onMessage((message: ReceivedMessage) => {
    if (message.direction === 'Outgoing') return; // shown when sent
    typing.textContent = '';
    const repeat = shownFirst !== undefined && shownFirst.text === message.text;
    shownFirst = undefined;
    if (repeat) return;
    messages.append(messageLine(message.from ?? remote, message));
  });
  conversation.onTyping((change) => {
    typing.textContent = change.typing ? `${change.participant} is typing…` : '';
  });
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
      () => messages.append(messageLine('me', { text, html })),
      (error: unknown) => onError(describeError(error)),
    );
  });
  const leave = h('button', { type: 'button' }, 'Leave');
  leave.addEventListener('click', () =>
    conversation.leave().catch((error: unknown) => onError(describeError(error))),
  );
  return h(
    'div',
    { 'data-testid': 'conversation', 'data-remote': remote },
    h('h3', {}, `With ${remote} `, leave),
    messages,
    typing,
    composer,
    audioVideoPanel(conversation, remote, onError),
  );
}
