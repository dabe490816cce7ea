import { type Session, signIn } from '@ucwa/client';
import { type RunningEmulator, startEmulator } from '@ucwa/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Run, runCli } from './run-cli.ts';

function ucwa(args: readonly string[], env: Record<string, string> = {}, input = ''): Promise<Run> {
  const alice = {
    UCWA_SERVER: `${server.url}/`,
    UCWA_USER: 'alice@contoso.com',
    UCWA_PASSWORD: 'demo',
  };
  return runCli(args, { ...alice, ...env }, input);
}

const jsonLines = (run: Run): unknown[] =>
  run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);

let server: RunningEmulator;
let bob: Session;
const bobGot: string[] = [];
const bobLines: string[] = [];

beforeAll(async () => {
  server = await startEmulator();
  bob = await signIn({
    discoveryUrl: `${server.url}/`,
    credentials: { username: 'bob@contoso.com', password: 'demo' },
    application: { userAgent: 'cli-test/1.0' },
  });
  await bob.makeMeAvailable({ supportedModalities: ['Messaging'] });
  bob.messaging.onInvitation(async (invitation) => {
    if (invitation.message) bobGot.push(invitation.message.text);
    const conversation = await invitation.accept();
    conversation.onMessage((message) => bobLines.push(message.text));
  });
}, 60_000);

afterAll(async () => {
  await bob?.signOut();
  await server?.close();
});

describe('ucwa against the emulator', () => {
  it('login --json says who signed in; exit 0', async () => {
    const run = await ucwa(['login', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(jsonLines(run)).toEqual(
      [{ name: 'Alice', uri: 'sip:alice@contoso.com' }].map((v) =>
        expect.objectContaining({ uri: v.uri }),
      ),
    );
  }, 60_000);

  it('a wrong password exits 3, a server that is not there 4, a bad availability 2', async () => {
    const wrong = await ucwa(['login'], { UCWA_PASSWORD: 'nope' });
    expect(wrong.code, wrong.stderr).toBe(3);
    expect(wrong.stderr).toMatch(/sign-in refused/);
    const nowhere = await ucwa(['login', '--server', 'http://127.0.0.1:9/']);
    expect(nowhere.code, nowhere.stderr).toBe(4);
    const usage = await ucwa(['presence', 'set', 'Sleepy']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/unknown availability "Sleepy"/);
  }, 90_000);

  it('presence set Busy, then contacts --json lists bob and carol with their availability', async () => {
    const set = await ucwa(['--json', 'presence', 'set', 'Busy']);
    expect(set.code, set.stderr).toBe(0);
    expect(jsonLines(set)).toEqual([{ availability: 'Busy' }]);
    const listed = await ucwa(['--json', 'contacts']);
    expect(listed.code, listed.stderr).toBe(0);
    const rows = jsonLines(listed) as { uri: string; availability: string }[];
    expect(rows.map((row) => row.uri).sort()).toEqual([
      'sip:bob@contoso.com',
      'sip:carol@contoso.com',
    ]);
    expect(rows.find((row) => row.uri === 'sip:bob@contoso.com')?.availability).toBe('Online');
  }, 90_000);

  it('send delivers one message to bob; carol, never signed in, refuses (exit 5)', async () => {
    const sent = await ucwa(['--json', 'send', 'bob@contoso.com', 'Build is green']);
    expect(sent.code, sent.stderr).toBe(0);
    expect(jsonLines(sent)).toEqual([{ sent: 'Build is green', to: 'sip:bob@contoso.com' }]);
    expect(bobGot).toContain('Build is green');
    const refused = await ucwa(['send', 'carol@contoso.com', 'hello?']);
    expect(refused.code, refused.stderr).toBe(5);
  }, 90_000);

  it('chat sends each line typed, then leaves on /quit', async () => {
    const run = await ucwa(
      ['chat', 'bob@contoso.com'],
      {},
      'first line\n/html <b>second</b>\n/quit\n',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/bob@contoso.com joined/);
    await expect
      .poll(() => bobLines.join('|'), { timeout: 30_000 })
      .toMatch(/first line\|<b>second<\/b>$/);
  }, 60_000);

  it('watch --json --limit 3 prints the first events as JSON lines', async () => {
    const run = await ucwa(['watch', '--json', '--limit', '3']);
    expect(run.code, run.stderr).toBe(0);
    const lines = jsonLines(run) as { type: string; rel: string; sender: string }[];
    expect(lines).toHaveLength(3);
    for (const line of lines)
      expect(line).toEqual(
        expect.objectContaining({
          type: expect.any(String),
          rel: expect.any(String),
          sender: expect.any(String),
        }),
      );
  }, 60_000);

  it('--help works on every command', async () => {
    for (const command of ['login', 'presence', 'contacts', 'chat', 'send', 'watch']) {
      const run = await ucwa([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`Usage: ucwa ${command}`));
    }
  }, 60_000);
});
