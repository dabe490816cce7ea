import * as prompts from '@clack/prompts';
import { isUcwaAuthError, type Session, signIn, UcwaDiscoveryError } from '@ucwa/client';

/** Where the demo emulator listens (`pnpm run demo`). */
export const DEFAULT_SERVER = 'http://127.0.0.1:4000/';

/** Exit codes of every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2, auth: 3, unreachable: 4, refused: 5 } as const;

/** An error that ends the command with this exit code. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** The options every command takes. */
export interface ConnectOptions {
  readonly server?: string;
  readonly user?: string;
  readonly json?: boolean;
}

async function credentials(
  options: ConnectOptions,
): Promise<{ username: string; password: string }> {
  let username = options.user ?? process.env.UCWA_USER;
  let password = process.env.UCWA_PASSWORD;
  if ((username === undefined || password === undefined) && !process.stdin.isTTY) {
    throw new CliError(
      'no credentials: set UCWA_USER and UCWA_PASSWORD, or run in a terminal to be asked',
      EXIT.usage,
    );
  }
  if (username === undefined) {
    const answer = await prompts.text({ message: 'User', placeholder: 'alice@contoso.com' });
    if (prompts.isCancel(answer)) throw new CliError('cancelled', EXIT.failed);
    username = answer;
  }
  if (password === undefined) {
    const answer = await prompts.password({ message: `Password for ${username}` });
    if (prompts.isCancel(answer)) throw new CliError('cancelled', EXIT.failed);
    password = answer;
  }
  return { username, password };
}

function explain(error: unknown, server: string): CliError {
  if (error instanceof UcwaDiscoveryError) {
    return new CliError(
      `no UCWA server answered at ${server} (start one with: pnpm run demo)`,
      EXIT.unreachable,
    );
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (isUcwaAuthError(error)) return new CliError(`sign-in refused: ${text}`, EXIT.auth);
  return new CliError(text, EXIT.failed);
}

/** Signs in with a spinner (none with `--json`), made available for messaging. */
export async function connect(options: ConnectOptions): Promise<Session> {
  const server = options.server ?? process.env.UCWA_SERVER ?? DEFAULT_SERVER;
  const auth = await credentials(options);
  const spinner =
    options.json || !process.stderr.isTTY ? undefined : prompts.spinner({ output: process.stderr });
  spinner?.start(`Signing in as ${auth.username}`);
  try {
    const start = /^https?:\/\//.test(server) ? { discoveryUrl: server } : { domain: server };
    const session = await signIn({
      ...start,
      credentials: auth,
      application: { userAgent: 'ucwa-cli/1.0' },
    });
    await session.makeMeAvailable({
      supportedModalities: ['Messaging'],
      supportedMessageFormats: ['Plain', 'Html'],
    });
    spinner?.stop(`Signed in as ${auth.username}`);
    return session;
  } catch (error) {
    spinner?.stop('Sign-in failed');
    throw explain(error, server);
  }
}
