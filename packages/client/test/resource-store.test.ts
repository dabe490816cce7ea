import type { UcwaEvent, UnknownResource } from '@ucwa/model';
import { describe, expect, it } from 'vitest';
import { createResourceStore } from '../src/store/resource-store.ts';
import type { StoreChange } from '../src/store/store-types.ts';

const ORIGIN = 'https://pool.contoso.com';
const key = (href: string) => new URL(href, ORIGIN).href;

function resource(
  rel: string,
  href: string,
  extra: Partial<UnknownResource> = {},
): UnknownResource {
  return { rel, href, properties: {}, links: {}, embedded: {}, ...extra };
}

function fakeServer(initial: Record<string, UnknownResource>) {
  const state = new Map(Object.entries(initial).map(([h, r]) => [key(h), r]));
  const gets: string[] = [];
  const pending: (() => void)[] = [];
  let hold = false;
  const load = async (href: string): Promise<UnknownResource> => {
    gets.push(href);
    if (hold) await new Promise<void>((resolve) => pending.push(resolve));
    const found = state.get(href);
    if (found === undefined) throw new Error(`404 ${href}`);
    return found;
  };
  return {
    store: createResourceStore({ load, key }),
    state,
    gets,
    holdGets: () => {
      hold = true;
    },
    release: () => {
      hold = false;
      for (const resolve of pending.splice(0)) resolve();
    },
  };
}

const conversations = resource('conversations', '/c', {
  links: { conversation: [{ rel: 'conversation', href: '/c/1' }] },
});

describe('the resource store', () => {
  it('shares one GET between concurrent reads of an href', async () => {
    const server = fakeServer({ '/me': resource('me', '/me') });
    server.holdGets();
    const reads = [
      server.store.read('/me'),
      server.store.read(`${ORIGIN}/me`),
      server.store.read('/me'),
    ];
    server.release();
    const [a, b, c] = await Promise.all(reads);
    expect(server.gets).toEqual([`${ORIGIN}/me`]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    await server.store.read('/me');
    expect(server.gets).toHaveLength(1);
  });

  it('seeds embedded resources, so reading one needs no request', async () => {
    const server = fakeServer({});
    const me = resource('me', '/me', { properties: { name: 'Alice' } });
    server.store.seed(resource('application', '/app', { embedded: { me } }));
    expect(await server.store.read('/me')).toBe(me);
    expect(server.gets).toEqual([]);
  });

  it('applies an updated event with its embedded resource and tells a watcher once', async () => {
    const server = fakeServer({});
    const changes: StoreChange[] = [];
    server.store.seed(
      resource('presence', '/me/presence', { properties: { availability: 'Online' } }),
    );
    server.store.watch('/me/presence', (c) => changes.push(c));
    const busy = resource('presence', '/me/presence', { properties: { availability: 'Busy' } });
    await server.store.apply({
      type: 'updated',
      link: { rel: 'presence', href: '/me/presence' },
      resource: busy,
    });
    expect(server.store.peek('/me/presence')).toBe(busy);
    expect(changes).toEqual([{ type: 'updated', href: key('/me/presence'), resource: busy }]);
    expect(server.gets).toEqual([]);
  });

  it('fetches what an event did not embed only for watched resources', async () => {
    const fresh = resource('contactPresence', '/p/bob', { properties: { availability: 'Away' } });
    const server = fakeServer({
      '/p/bob': fresh,
      '/p/carol': resource('contactPresence', '/p/carol'),
    });
    const changes: StoreChange[] = [];
    server.store.watch('/p/bob', (c) => changes.push(c));
    const event = (href: string): UcwaEvent => ({
      type: 'updated',
      link: { rel: 'contactPresence', href },
    });
    await server.store.apply(event('/p/bob'));
    await server.store.apply(event('/p/carol'));
    expect(server.gets).toEqual([key('/p/bob')]);
    expect(changes.map((c) => c.resource)).toEqual([fresh]);
  });

  it('adds to and removes from the `in` collection in place', async () => {
    const server = fakeServer({});
    server.store.seed(conversations);
    const changes: StoreChange[] = [];
    server.store.watch('/c', (c) => changes.push(c));
    const second = resource('conversation', '/c/2');
    await server.store.apply({
      type: 'added',
      link: { rel: 'conversation', href: '/c/2' },
      in: { rel: 'conversations', href: '/c' },
      resource: second,
    });
    const hrefs = () => {
      const list = server.store.peek('/c')?.links.conversation;
      return (Array.isArray(list) ? list : []).map((l: { href: string }) => l.href);
    };
    expect(hrefs()).toEqual(['/c/1', '/c/2']);
    expect(server.store.peek('/c/2')).toBe(second);
    await server.store.apply({
      type: 'deleted',
      link: { rel: 'conversation', href: '/c/1' },
      in: { rel: 'conversations', href: '/c' },
    });
    expect(hrefs()).toEqual(['/c/2']);
    expect(conversations.links.conversation).toHaveLength(1);
    expect(changes.map((c) => c.type)).toEqual(['updated', 'updated']);
  });

  it('does not store a GET answer that an event overtook', async () => {
    const old = resource('presence', '/me/presence', { properties: { availability: 'Online' } });
    const server = fakeServer({ '/me/presence': old });
    server.holdGets();
    const reading = server.store.read('/me/presence');
    const newer = resource('presence', '/me/presence', { properties: { availability: 'Busy' } });
    await server.store.apply({
      type: 'updated',
      link: { rel: 'presence', href: '/me/presence' },
      resource: newer,
    });
    server.release();
    await reading;
    expect(server.store.peek('/me/presence')).toBe(newer);
  });

  it('forgets a deleted resource and everything on clear()', async () => {
    const server = fakeServer({});
    server.store.seed(resource('conversation', '/c/1'));
    server.store.seed(resource('me', '/me'));
    await server.store.apply({ type: 'deleted', link: { rel: 'conversation', href: '/c/1' } });
    expect(server.store.peek('/c/1')).toBeUndefined();
    server.store.clear();
    expect(server.store.size).toBe(0);
  });
});
