import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryStorage, resumeSession, type SessionSnapshot } from '../src/index.ts';
import { identityRecords } from '../src/sign-in/discovery-cache.ts';
import { isTabMessage } from '../src/tabs/tab-message-guard.ts';

describe('stored and received data the session did not write itself', () => {
  it('a damaged discovery cache reads as none, never as a crash or a half-valid entry', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.constant('{"userUrl":"x","applicationsUrl":"y","from":"contoso.com"}'),
          fc
            .record({ userUrl: fc.webUrl(), applicationsUrl: fc.string(), from: fc.string() })
            .map((value) => JSON.stringify(value)),
        ),
        async (text) => {
          const storage = createMemoryStorage();
          await storage.setItem('ucwa:alice@contoso.com:discovery', text);
          const read = await identityRecords(
            storage,
            'alice@contoso.com',
            'contoso.com',
          ).readDiscovery();
          if (read !== undefined) {
            expect(() => new URL(read.userUrl)).not.toThrow();
            expect(() => new URL(read.applicationsUrl)).not.toThrow();
          }
        },
      ),
    );
  });

  it('a message on the tabs channel is taken only with a known kind (and its fields: tabs-wire.test.ts)', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        const kind = typeof data === 'object' && data !== null ? Reflect.get(data, 't') : undefined;
        const known = ['claim', 'heartbeat', 'bye', 'event', 'status', 'rebuild', 'restore']
          .concat(['command', 'cancel', 'result'])
          .includes(String(kind));
        if (isTabMessage(data)) expect(known).toBe(true);
      }),
    );
  });

  it('resumeSession refuses what is not a version 1 snapshot before any request', async () => {
    const asked: string[] = [];
    const options = {
      discoveryUrl: 'https://lyncdiscover.contoso.com/',
      credentials: { username: 'alice@contoso.com', password: 'pw' },
      fetch: async (request: Request) => {
        asked.push(request.url);
        return new Response(null, { status: 500 });
      },
    };
    const broken: unknown[] = [null, {}, { version: 2 }, 'snapshot'];
    for (const value of broken) {
      const snapshot: SessionSnapshot = JSON.parse(JSON.stringify(value));
      await expect(resumeSession(snapshot, options)).rejects.toThrow(
        'not a version 1 session snapshot',
      );
    }
    expect(asked).toEqual([]);
  });
});
