import { readFileSync } from 'node:fs';

/** A user the emulator knows: credentials, profile and contacts. */
export interface UserRecord {
  /** Sign-in address without `sip:`, e.g. `alice@contoso.com`. */
  readonly address: string;
  readonly password: string;
  readonly name: string;
  readonly title?: string;
  readonly department?: string;
  readonly company?: string;
  readonly officeLocation?: string;
  readonly workPhoneNumber?: string;
  readonly mobilePhoneNumber?: string;
  /** Addresses of this user's contacts. */
  readonly contacts: readonly string[];
}

/** The users one emulator serves. */
export interface UserDirectory {
  readonly all: readonly UserRecord[];
  /** Finds a user by `alice@contoso.com`, `sip:alice@contoso.com` or `alice`. */
  find(name: string): UserRecord | undefined;
}

const DEMO = ['alice', 'bob', 'carol'] as const;

/** alice, bob and carol @contoso.com, password `demo`, each a contact of the others. */
export function demoUsers(): readonly UserRecord[] {
  return DEMO.map((name, index) => ({
    address: `${name}@contoso.com`,
    password: 'demo',
    name: name[0]?.toUpperCase() + name.slice(1),
    title: 'Engineer',
    department: 'R&D',
    company: 'Contoso',
    officeLocation: `1/${100 + index}`,
    workPhoneNumber: `tel:+1425555010${index}`,
    contacts: DEMO.filter((other) => other !== name).map((other) => `${other}@contoso.com`),
  }));
}

/**
 * A directory over `users`; lookups ignore case and a `sip:` prefix. Users are indexed by
 * address and by bare name (the part before `@`; the first user wins a shared name), so
 * a lookup costs the same with 10 users or 10,000.
 */
export function createUserDirectory(users: readonly UserRecord[]): UserDirectory {
  const byAddress = new Map<string, UserRecord>();
  const byName = new Map<string, UserRecord>();
  for (const user of users) {
    const address = user.address.toLowerCase();
    byAddress.set(address, user);
    const name = address.split('@')[0] ?? address;
    if (!byName.has(name)) byName.set(name, user);
  }
  return {
    all: users,
    find(name) {
      const key = name.toLowerCase().replace(/^sip:/, '');
      return byAddress.get(key) ?? byName.get(key);
    },
  };
}

/**
 * Reads a users file: `{"users":[{"address","password","name","contacts":[...]}]}` (or a
 * bare array). Missing names default to the address; missing contacts to none.
 */
export function loadUsersFile(path: string): readonly UserRecord[] {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const list = Array.isArray(parsed) ? parsed : (parsed as { users?: unknown }).users;
  if (!Array.isArray(list)) throw new TypeError(`${path}: expected {"users": [...]} or an array`);
  return list.map((entry: unknown, index) => toUser(entry, `${path}: users[${index}]`));
}

function toUser(entry: unknown, where: string): UserRecord {
  if (typeof entry !== 'object' || entry === null)
    throw new TypeError(`${where}: expected an object`);
  const e = entry as Record<string, unknown>;
  const text = (key: string): string | undefined =>
    typeof e[key] === 'string' ? e[key] : undefined;
  const address = text('address') ?? text('uri')?.replace(/^sip:/, '');
  const password = text('password');
  if (address === undefined || password === undefined) {
    throw new TypeError(`${where}: "address" and "password" are required strings`);
  }
  const contacts = Array.isArray(e.contacts) ? e.contacts.filter((c) => typeof c === 'string') : [];
  const optional = [
    'title',
    'department',
    'company',
    'officeLocation',
    'workPhoneNumber',
    'mobilePhoneNumber',
  ];
  const extra = Object.fromEntries(
    optional.flatMap((k) => (text(k) === undefined ? [] : [[k, text(k)]])),
  );
  return { ...extra, address, password, name: text('name') ?? address, contacts };
}
