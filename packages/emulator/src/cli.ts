#!/usr/bin/env node
import { parseCliArgs, USAGE } from './cli-args.ts';
import { startEmulator } from './server.ts';

// ucwa-emulator: prints its base URL once listening, stops on SIGINT/SIGTERM.
async function main(): Promise<void> {
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const server = await startEmulator(options);
  process.stdout.write(`UCWA emulator listening on ${server.url}\n`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
