#!/usr/bin/env node
import { parseCliArgs, signInLine, USAGE } from './cli-args.ts';
import { startEmulator } from './server.ts';

// ucwa-emulator: prints where it listens and who can sign in, stops on SIGINT/SIGTERM.
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const server = await startEmulator(options);
  process.stdout.write(
    `UCWA emulator listening on ${server.url}; ${signInLine(server.users.all)}\n`,
  );
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
