#!/usr/bin/env -S node --conditions=@ucwa/source
import { Command, InvalidArgumentError, Option } from 'commander';
import { chat } from './chat.ts';
import { contacts, login, presence, send, watch } from './commands.ts';
import { CliError, type ConnectOptions, DEFAULT_SERVER, EXIT } from './connect.ts';

const program = new Command('ucwa')
  .description('UCWA 2.0 from a terminal: sign in, presence, contacts, chat and the event stream')
  .addOption(
    new Option('--server <url>', 'discovery URL or domain')
      .env('UCWA_SERVER')
      .default(DEFAULT_SERVER),
  )
  .addOption(
    new Option('--user <address>', 'sign-in address (password from UCWA_PASSWORD or asked)').env(
      'UCWA_USER',
    ),
  )
  .option('--json', 'machine-readable output: one JSON value per line')
  .addHelpText(
    'after',
    `\nExit codes: ${Object.entries(EXIT)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
  )
  .showHelpAfterError()
  .exitOverride();

const global = (): ConnectOptions => program.opts<ConnectOptions>();

program
  .command('login')
  .description('sign in and out, and say who you are')
  .action(() => login(global()));
program
  .command('presence')
  .description('show your availability, or change it: presence set Busy')
  .argument('[set]', 'the word "set"')
  .argument('[availability]', 'Online, Busy, DoNotDisturb, BeRightBack, Away or Offwork')
  .action((verb: string | undefined, availability: string | undefined) => {
    if (verb !== undefined && verb !== 'set')
      throw new CliError(`unknown presence subcommand "${verb}"`, EXIT.usage);
    if (verb === 'set' && availability === undefined)
      throw new CliError('presence set needs an availability', EXIT.usage);
    return presence(global(), availability);
  });
program
  .command('contacts')
  .description('list your contacts with their availability')
  .action(() => contacts(global()));
program
  .command('chat')
  .description('chat with someone, interactively')
  .argument('<address>')
  .action((to: string) => chat(global(), to));
program
  .command('send')
  .description('invite someone with one message (for scripts)')
  .argument('<address>')
  .argument('<text>')
  .action((to: string, text: string) => send(global(), to, text));
program
  .command('watch')
  .description('print the event stream until Ctrl-C')
  .option('--limit <n>', 'stop after n events', (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive whole number');
    return n;
  })
  .action((options: { limit?: number }) => watch({ ...global(), ...options }));

function exitCode(error: unknown): number {
  if (error instanceof CliError) return error.exitCode;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('commander.')) {
    return code === 'commander.helpDisplayed' || code === 'commander.version'
      ? EXIT.ok
      : EXIT.usage;
  }
  return EXIT.failed;
}

try {
  await program.parseAsync();
  process.exit(EXIT.ok);
} catch (error) {
  const code = exitCode(error);
  if (error instanceof CliError || !(error as { code?: string }).code?.startsWith('commander.')) {
    process.stderr.write(`ucwa: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(code);
}
