import { SETTABLE_AVAILABILITIES, type Session } from '@ucwa/client';
import { describeError } from './describe-error.ts';
import { field, h } from './dom.ts';

/** What the panels need from each other: start a chat with a contact. */
export interface MePanelOptions {
  readonly session: Session;
  readonly onChat: (uri: string) => void;
  readonly onError: (message: string) => void;
}

/** The address at the end of a contact's href (`…/people/bob@contoso.com`). */
function addressOf(href: string): string {
  return decodeURIComponent(/([^/?]+@[^/?]+)(?:\?|$)/.exec(href)?.[1] ?? href).toLowerCase();
}

function contactRow(uri: string, name: string, options: MePanelOptions): HTMLLIElement {
  const presence = h('span', { 'data-testid': `presence-${uri}` }, '…');
  return h(
    'li',
    { 'data-contact': uri },
    h('button', { type: 'button', onclick: () => options.onChat(uri) }, 'Chat'),
    ` ${name} `,
    presence,
  );
}

async function loadContacts(list: HTMLUListElement, options: MePanelOptions): Promise<void> {
  const { session } = options;
  const contacts = await session.people.contacts();
  const rows = new Map<string, HTMLElement | null>();
  for (const contact of contacts) {
    const uri = String(contact.properties.uri ?? '');
    const row = contactRow(uri, String(contact.properties.name ?? uri), options);
    list.append(row);
    rows.set(addressOf(contact.href), row.querySelector('[data-testid^="presence-"]'));
  }
  session.presence.onContactPresence((change) => {
    const cell = rows.get(addressOf(change.contact));
    if (cell) cell.textContent = change.availability ?? 'unknown';
  });
  await session.presence.subscribe(contacts.map((contact) => String(contact.properties.uri)));
  for (const contact of contacts) {
    const presence = await session.follow(contact, 'contactPresence');
    const cell = rows.get(addressOf(contact.href));
    if (cell && cell.textContent === '…')
      cell.textContent = String(presence.properties.availability);
  }
}

function searchForm(options: MePanelOptions): HTMLElement {
  const results = h('ul', { 'data-testid': 'search-results' });
  const form = h(
    'form',
    {},
    h('input', { name: 'query', placeholder: 'Search people' }),
    h('button', {}, 'Search'),
    results,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    options.session.people.search(field(form, 'query')).then(
      (found) => {
        results.replaceChildren(
          ...found.map((c) =>
            contactRow(String(c.properties.uri), String(c.properties.name), options),
          ),
        );
      },
      (error: unknown) => options.onError(describeError(error)),
    );
  });
  return form;
}

/** Me (availability, note), contacts with live presence, and search. */
export function mePanel(options: MePanelOptions): HTMLElement {
  const { session } = options;
  const availability = h(
    'select',
    { 'data-testid': 'availability' },
    ...SETTABLE_AVAILABILITIES.map((a) => h('option', { value: a }, a)),
  );
  availability.addEventListener('change', () => {
    const chosen = SETTABLE_AVAILABILITIES.find((a) => a === availability.value);
    if (chosen === undefined) return;
    session.presence
      .setAvailability(chosen)
      .catch((error: unknown) => options.onError(describeError(error)));
  });
  const note = h(
    'form',
    {},
    h('input', { name: 'note', placeholder: 'Note' }),
    h('button', {}, 'Set note'),
  );
  note.addEventListener('submit', (event) => {
    event.preventDefault();
    session.presence
      .setNote(field(note, 'note'))
      .catch((error: unknown) => options.onError(describeError(error)));
  });
  const contacts = h('ul', { 'data-testid': 'contacts' });
  loadContacts(contacts, options).catch((error: unknown) => options.onError(describeError(error)));
  return h(
    'section',
    {},
    h('h2', {}, 'Me'),
    h('label', {}, 'Availability'),
    availability,
    note,
    h('h2', {}, 'Contacts'),
    contacts,
    searchForm(options),
  );
}
