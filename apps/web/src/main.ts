import type { Session, SessionStatus } from '@ucwa/client';
import { conversationsPanel } from './conversations-panel.ts';
import { h } from './dom.ts';
import { eventLog } from './event-log.ts';
import { mePanel } from './me-panel.ts';
import { signInForm } from './sign-in-form.ts';
import { statusDetail, statusText } from './status-line.ts';

const root = document.querySelector<HTMLElement>('#app') ?? document.body;

function showSignIn(notice = ''): void {
  const form = signInForm(showSession);
  if (notice !== '')
    form.prepend(h('p', { class: 'error', 'data-testid': 'signed-out', role: 'alert' }, notice));
  root.replaceChildren(form);
}

function showSession(session: Session, user: string): void {
  const application = h('code', { 'data-testid': 'application' }, session.application.href);
  const status = h('span', { 'data-testid': 'status' });
  const errors = h('p', { class: 'error', 'data-testid': 'error', role: 'alert' });
  const onError = (message: string) => {
    errors.textContent = message;
  };
  const log = eventLog(session);
  const showStatus = (next: SessionStatus) => {
    status.textContent = statusText(next);
    log.note(`session ${statusText(next)} ${statusDetail(next)}`.trim());
    status.className = `status-${next.state}`;
    // A recreated application may have a new address.
    if (next.state === 'ready') application.textContent = session.application.href;
    if (next.state === 'signedOut' && next.reason.kind !== 'signOut')
      showSignIn(`Signed out: ${statusText(next)}`);
  };
  showStatus(session.status);
  session.onStatus(showStatus);
  const signOut = h('button', { type: 'button' }, 'Sign out');
  signOut.addEventListener('click', () => {
    session.signOut().finally(() => showSignIn());
  });
  const conversations = conversationsPanel(session, onError);
  const header = h(
    'section',
    { 'data-testid': 'session' },
    h('h2', {}, `Signed in as ${user}`),
    'Session: ',
    status,
    ' ',
    signOut,
    h('p', {}, 'Application: ', application),
    errors,
  );
  const left = h(
    'div',
    {},
    header,
    mePanel({ session, onChat: (uri) => conversations.start(uri), onError }),
  );
  root.replaceChildren(left, conversations.element, log.element);
  session
    .makeMeAvailable({
      supportedModalities: ['Messaging', 'Audio', 'Video'],
      supportedMessageFormats: ['Plain', 'Html'],
    })
    .catch((error: unknown) => onError(`makeMeAvailable failed: ${String(error)}`));
}

showSignIn();
