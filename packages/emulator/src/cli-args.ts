import { parseArgs } from 'node:util';
import { loadUsersFile, type UserRecord } from './core/users.ts';
import type { ServerOptions } from './server.ts';

export const USAGE = `usage: ucwa-emulator [--host 127.0.0.1] [--port 0|N] [--users FILE] [--format-default json|xml] [--cors ORIGIN,...] [--seed N]

A UCWA 2.0 server for developing and testing UCWA clients.
  --host             address to listen on (default 127.0.0.1)
  --port             port, 0 for any free one (default 0)
  --users            JSON file of users ({"users":[{"address","password","name","contacts"}]});
                     default alice, bob and carol @contoso.com, password "demo"
  --format-default   json or xml, when Accept does not choose (default json)
  --cors             origins allowed by CORS, comma-separated ("*" for any)
  --seed             seed of ids and tokens, for the same ones every run (default random)
  --help             this text`;

/** Who can sign in, for the startup line: the first few addresses, or how many there are. */
export function signInLine(users: readonly UserRecord[]): string {
  if (users.length === 0) return 'no users can sign in';
  const shown = users.slice(0, 3).map((u) => u.address);
  const more = users.length > 3 ? ` and ${users.length - 3} more` : '';
  const demo = users.every((u) => u.password === 'demo') ? ' (password "demo")' : '';
  return `sign in as ${shown.join(', ')}${more}${demo}`;
}

/** Turns command-line arguments into server options; throws a `TypeError` naming the bad one. */
export function parseCliArgs(argv: readonly string[]): ServerOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '0' },
      users: { type: 'string' },
      'format-default': { type: 'string', default: 'json' },
      cors: { type: 'string' },
      seed: { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new TypeError(`--port: ${values.port} is not a port`);
  const format = values['format-default'];
  if (format !== 'json' && format !== 'xml')
    throw new TypeError(`--format-default: expected json or xml, got ${format}`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isSafeInteger(seed))
    throw new TypeError(`--seed: ${values.seed} is not an integer`);
  const cors = values.cors
    ?.split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  return {
    host: values.host,
    port,
    formatDefault: format,
    ...(values.users === undefined ? {} : { users: loadUsersFile(values.users) }),
    ...(cors === undefined ? {} : { cors }),
    ...(seed === undefined ? {} : { seed }),
  };
}
