import { execFileSync, spawn } from 'node:child_process';
import { demoUsers, type RunningEmulator, startEmulator } from '@ucwa/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN, type Run, runCli } from './run-cli.ts';

// The prompts and the spinner only show in a terminal, so these runs go through a real
// pseudo-terminal: util-linux `script` gives the command a pty (stdin, stdout and stderr)
// and copies what the terminal shows to its own stdout, keystrokes included whenever the
// terminal echoes them.
const SECRET = 'Tr0ub4dor-pty-9';
const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** One command running in a pseudo-terminal: what it showed so far, and how it ended. */
interface Terminal {
  readonly screen: () => string;
  readonly waitFor: (pattern: RegExp) => Promise<void>;
  readonly type: (keys: string) => void;
  readonly exit: Promise<number>;
}

const shellQuote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;

function inTerminal(args: readonly string[], env: Record<string, string | undefined>): Terminal {
  // A pty made from a pipe has no size: clack would wrap after every character.
  const command = `stty cols 100 rows 30 && exec ${[
    process.execPath,
    '--conditions=@ucwa/source',
    MAIN,
    ...args,
  ]
    .map(shellQuote)
    .join(' ')}`;
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    UCWA_SERVER: `${server.url}/`,
    TERM: 'xterm',
    ...env,
  };
  // clack draws a still spinner when CI=true; these runs are about an interactive terminal.
  delete childEnv.CI;
  const child = spawn('script', ['-qfec', command, '/dev/null'], {
    env: childEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: 40_000,
  });
  let shown = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    shown += String(chunk);
    for (const wake of waiters) wake();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    shown += String(chunk);
  });
  const exit = new Promise<number>((resolve) => {
    child.on('close', (code) => {
      child.stdin.end();
      for (const wake of waiters) wake();
      resolve(code ?? 1);
    });
  });
  let closed = false;
  void exit.then(() => {
    closed = true;
  });
  return {
    screen: () => shown,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (pattern.test(shown)) {
            waiters.delete(check);
            resolve();
          } else if (closed) {
            waiters.delete(check);
            reject(new Error(`ended before ${pattern} was shown:\n${shown}`));
          }
        };
        waiters.add(check);
        check();
      }),
    type: (keys) => {
      child.stdin.write(keys);
    },
    exit,
  };
}

let server: RunningEmulator;

beforeAll(async () => {
  const users = demoUsers().map((user) =>
    user.address === 'alice@contoso.com' ? { ...user, password: SECRET } : user,
  );
  server = await startEmulator({ users });
  // Sign-in takes at least this long (the token service answers late), so the spinner has
  // time to draw frames whatever the machine's speed.
  server.faults.add({ path: '/WebTicket/oauthtoken', action: { type: 'delay', ms: 400 } });
}, 30_000);

afterAll(async () => {
  await server?.close();
});

describe.skipIf(!hasScript)('ucwa in a terminal (util-linux script gives it a pty)', () => {
  it('asks for the user, then the password masked: the password never shows; exit 0', async () => {
    const term = inTerminal(['login'], { UCWA_USER: undefined, UCWA_PASSWORD: undefined });
    await term.waitFor(/User/);
    term.type('alice@contoso.com\r');
    await term.waitFor(/Password for alice@contoso\.com/);
    term.type(`${SECRET}\r`);
    const code = await term.exit;
    const screen = term.screen();
    expect(code, screen).toBe(0);
    // What was typed for the user is echoed, the password is not (clack shows a mask).
    expect(screen).toContain('alice@contoso.com');
    expect(screen).not.toContain(SECRET);
    expect(screen).not.toContain(SECRET.slice(0, 6));
    expect(screen).toMatch(/▪{4,}|\*{4,}|•{4,}/);
    // The spinner ran on the terminal and said how it ended.
    expect(screen).toMatch(/Signing in as alice@contoso\.com/);
    expect(screen).toMatch(/Signed in as alice@contoso\.com/);
  }, 60_000);

  it('a wrong password typed at the prompt is not shown either, and exits 3', async () => {
    const wrong = `${SECRET}-wrong`;
    const term = inTerminal(['login'], {
      UCWA_USER: 'alice@contoso.com',
      UCWA_PASSWORD: undefined,
    });
    await term.waitFor(/Password for alice@contoso\.com/);
    term.type(`${wrong}\r`);
    const code = await term.exit;
    const screen = term.screen();
    expect(code, screen).toBe(3);
    expect(screen).not.toContain(SECRET.slice(0, 6));
    expect(screen).toMatch(/Sign-in failed/);
    expect(screen).toMatch(/sign-in refused/);
  }, 60_000);

  it('the spinner animates on a terminal, is left out with --json, and when piped', async () => {
    const term = inTerminal(['login'], { UCWA_USER: 'alice@contoso.com', UCWA_PASSWORD: SECRET });
    expect(await term.exit, term.screen()).toBe(0);
    expect(term.screen()).toMatch(/[◒◐◓◑]\s+Signing in as alice@contoso\.com/);

    const json = inTerminal(['--json', 'login'], {
      UCWA_USER: 'alice@contoso.com',
      UCWA_PASSWORD: SECRET,
    });
    expect(await json.exit, json.screen()).toBe(0);
    expect(json.screen()).not.toMatch(/Signing in/);
    expect(json.screen()).toMatch(/"uri":"sip:alice@contoso\.com"/);

    const piped = await pipedLogin();
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stderr).not.toMatch(/Signing in|[◒◐◓◑]/);
    expect(piped.stdout).toMatch(/alice@contoso\.com/);
  }, 90_000);

  it('Ctrl-C at the password prompt cancels: exit 1, nothing signed in', async () => {
    const term = inTerminal(['login'], {
      UCWA_USER: 'alice@contoso.com',
      UCWA_PASSWORD: undefined,
    });
    await term.waitFor(/Password for alice@contoso\.com/);
    term.type('\x03');
    const code = await term.exit;
    expect(code, term.screen()).toBe(1);
    expect(term.screen()).toMatch(/cancelled/);
    expect(term.screen()).not.toMatch(/Signing in/);
  }, 60_000);
});

/** `ucwa login` with stdout and stderr piped (no terminal), stdin not connected. */
function pipedLogin(): Promise<Run> {
  return runCli(['login'], {
    UCWA_SERVER: `${server.url}/`,
    UCWA_USER: 'alice@contoso.com',
    UCWA_PASSWORD: SECRET,
  });
}
