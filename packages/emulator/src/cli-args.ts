import { parseArgs } from 'node:util';
import { loadUsersFile } from './core/users.ts';
import type { ServerOptions } from './server.ts';

export const USAGE =
  'usage: ucwa-emulator [--host 127.0.0.1] [--port 0|N] [--users FILE] [--format-default json|xml] [--cors ORIGIN,...]';

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
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new TypeError(`--port: ${values.port} is not a port`);
  const format = values['format-default'];
  if (format !== 'json' && format !== 'xml')
    throw new TypeError(`--format-default: expected json or xml, got ${format}`);
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
  };
}
