import type { SessionStatus, Tab, TabRole } from '@ucwa/client';
import { conversationsPanel } from './conversations-panel.ts';
import { h } from './dom.ts';
import { eventLog } from './event-log.ts';
import { mePanel } from './me-panel.ts';
import { signInForm } from './sign-in-form.ts';
import { statusDetail, statusText } from './status-line.ts';

const root = document.querySelector<HTMLElement>('#app') ?? document.body;

const ROLES: Record<TabRole, string> = {
  leader: 'leading (this tab holds the event channel)',
  follower: 'following (another tab holds the event channel)',
  electing: 'electing a leading tab',
};

function showSignIn(notice = '', user?: string): void {
  const form = signInForm(showSession, user);
  if (notice !== '')
    form.prepend(h('p', { class: 'error', 'data-testid': 'signed-out', role: 'alert' }, notice));
  root.replaceChildren(form);
}

function showSession(tab: Tab, user: string): void {
  const { session } = tab;
  // Closing the page hands the application and its event channel to another tab.
  const leave = () => void tab.close();
  addEventListener('pagehide', leave);
  let signingOut = false;
  const end = (notice: string) => {
    removeEventListener('pagehide', leave);
    void tab.close();
    showSignIn(notice, user);
  };
  const application = h('code', { 'data-testid': 'application' }, session.application.href);
  const role = h('span', { 'data-testid': 'tab-role' }, ROLES[tab.role]);
  tab.onRole((next) => {
    role.textContent = ROLES[next];
  });
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
    if (next.state !== 'signedOut' || signingOut) return;
    // Signed out by the server, or in another tab of this user: the form keeps the user.
    end(
      next.reason.kind === 'signOut'
        ? 'Signed out in another tab.'
        : `Signed out: ${statusText(next)}`,
    );
  };
  showStatus(session.status);
  session.onStatus(showStatus);
  const signOut = h('button', { type: 'button' }, 'Sign out');
  signOut.addEventListener('click', () => {
    signingOut = true;
    session.signOut().finally(() => end(''));
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
    h('p', {}, 'This tab: ', role),
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
    .catch((error: unknown) => onError(`makeMeAvailable failed: ${String(error)}`))
    // The conversations started before this tab opened (the server may link them only once
    // the user is available).
    .finally(() => conversations.showExisting());
}

// A page restored from the back-forward cache left its tabs on `pagehide`: start again.
addEventListener('pageshow', (event) => {
  if (event.persisted) location.reload();
});
showSignIn();
