import { joinTabs, type Tab } from '@ucwa/client';
import { describeError } from './describe-error.ts';
import { field, h } from './dom.ts';

/** The demo users of the emulator, offered in the form. */
const DEMO_USERS = ['alice@contoso.com', 'bob@contoso.com', 'carol@contoso.com'];

/**
 * Where discovery starts: `?server=` in the page's address, else the build's
 * `VITE_UCWA_SERVER`, else the emulator's default address. A real deployment is
 * entered as its domain (`contoso.com`).
 */
function defaultServer(): string {
  const fromPage = new URLSearchParams(location.search).get('server');
  return fromPage ?? import.meta.env.VITE_UCWA_SERVER ?? 'http://127.0.0.1:4000/';
}

/**
 * Joins this user's other tabs of the app (MultiTabSupport.md): the first tab signs in and
 * leads, the others use its application and event channel; when the leading tab closes,
 * another one takes over. A refused sign-in rejects here, in the tab that tried it.
 */
async function startTab(form: HTMLFormElement): Promise<Tab> {
  const server = field(form, 'server');
  const format = field(form, 'format') === 'xml' ? 'xml' : 'json';
  const start = /^https?:\/\//.test(server) ? { discoveryUrl: server } : { domain: server };
  return joinTabs({
    signIn: {
      ...start,
      format,
      ...(format === 'xml' ? { codecs: { xml: await import('@ucwa/codec-xml') } } : {}),
      credentials: { username: field(form, 'user'), password: field(form, 'password') },
      application: { userAgent: 'ucwa-web-sample/1.0' },
      storage: localStorage,
    },
  });
}

/**
 * Renders the sign-in form, with `user` in it (default: the first demo user); `onTab`
 * gets this tab once it leads or follows.
 */
export function signInForm(
  onTab: (tab: Tab, user: string) => void,
  user: string = DEMO_USERS[0] ?? '',
): HTMLElement {
  const error = h('p', { class: 'error', 'data-testid': 'sign-in-error', role: 'alert' });
  const button = h('button', { type: 'submit' }, 'Sign in');
  const form = h(
    'form',
    {},
    h('label', {}, 'Server (discovery URL or domain)'),
    h('input', { name: 'server', value: defaultServer(), size: '40' }),
    h('label', {}, 'User'),
    h('input', { name: 'user', list: 'demo-users', value: user }),
    h('datalist', { id: 'demo-users' }, ...DEMO_USERS.map((user) => h('option', { value: user }))),
    h('label', {}, 'Password (demo users: "demo")'),
    h('input', { name: 'password', type: 'password', value: 'demo' }),
    h('label', {}, 'Format'),
    h(
      'select',
      { name: 'format' },
      h('option', { value: 'json' }, 'JSON'),
      h('option', { value: 'xml' }, 'XML'),
    ),
    h('p', {}, button),
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    button.disabled = true;
    error.textContent = 'Signing in…';
    startTab(form).then(
      (tab) => onTab(tab, field(form, 'user')),
      (failure: unknown) => {
        error.textContent = describeError(failure);
        button.disabled = false;
      },
    );
  });
  return h('section', { class: 'sign-in' }, h('h2', {}, 'Sign in'), form);
}
