import { createInterface } from 'node:readline';
import { sipUri, withSession } from './commands.ts';
import { CliError, type ConnectOptions, EXIT } from './connect.ts';

/**
 * `ucwa chat <to>`: an interactive conversation. Lines typed are sent (`/html <b>x</b>`
 * sends HTML), typing is announced to the other side while a line is being written,
 * and incoming messages and typing are printed; `/quit` or Ctrl-D leaves.
 */
export function chat(options: ConnectOptions, to: string): Promise<void> {
  return withSession(options, async (session) => {
    // Read from the start: lines typed (or piped) while the invitation rings are kept.
    const lines = createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: process.stdin.isTTY === true,
    });
    const typed = lines[Symbol.asyncIterator]();
    process.stderr.write(`inviting ${to}…\n`);
    const conversation = await session.messaging
      .start({ to: sipUri(to) })
      .catch((error: unknown) => {
        throw new CliError(
          `${to} did not accept: ${error instanceof Error ? error.message : String(error)}`,
          EXIT.refused,
        );
      });
    process.stderr.write(`${to} joined; type a message and Enter (/quit to leave)\n`);
    conversation.onMessage((message) => {
      if (message.direction !== 'Outgoing')
        process.stdout.write(`${message.from ?? to}: ${message.text}\n`);
    });
    conversation.onTyping((change) => {
      if (change.typing) process.stderr.write(`${change.participant} is typing…\n`);
    });
    let announced = 0;
    process.stdin.on('keypress', () => {
      if (Date.now() - announced < 5_000) return;
      announced = Date.now();
      conversation.setTyping().catch(() => {});
    });
    for await (const line of { [Symbol.asyncIterator]: () => typed }) {
      if (line === '/quit') break;
      if (line.trim() === '') continue;
      const html = line.startsWith('/html ');
      await conversation.send(html ? line.slice(6) : line, { html });
      announced = 0;
    }
    lines.close();
    await conversation.leave().catch(() => {});
  });
}
