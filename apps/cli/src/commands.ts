import { SETTABLE_AVAILABILITIES, type Session } from '@ucwa/client';
import { CliError, type ConnectOptions, connect, EXIT } from './connect.ts';

/** `sip:` and the address, unless it starts with `sip:` already. */
export function sipUri(address: string): string {
  return address.startsWith('sip:') ? address : `sip:${address}`;
}

function print(options: ConnectOptions, value: unknown, text: string): void {
  process.stdout.write(`${options.json ? JSON.stringify(value) : text}\n`);
}

/** Runs `work` on a signed-in session, then signs out whatever happened. */
export async function withSession(
  options: ConnectOptions,
  work: (session: Session) => Promise<void>,
): Promise<void> {
  const session = await connect(options);
  try {
    await work(session);
  } finally {
    await session.signOut().catch(() => {});
  }
}

/** `ucwa login`: signs in and out, proving the server and credentials work. */
export function login(options: ConnectOptions): Promise<void> {
  return withSession(options, async (session) => {
    const me = await session.me();
    print(
      options,
      { name: me.properties.name, uri: me.properties.uri },
      `signed in as ${String(me.properties.name)} (${String(me.properties.uri)})`,
    );
  });
}

/** `ucwa presence [set <availability>]`. */
export function presence(options: ConnectOptions, availability?: string): Promise<void> {
  const wanted = SETTABLE_AVAILABILITIES.find(
    (value) => value.toLowerCase() === availability?.toLowerCase(),
  );
  if (availability !== undefined && wanted === undefined) {
    return Promise.reject(
      new CliError(
        `unknown availability "${availability}"; one of ${SETTABLE_AVAILABILITIES.join(', ')}`,
        EXIT.usage,
      ),
    );
  }
  return withSession(options, async (session) => {
    if (wanted !== undefined) await session.presence.setAvailability(wanted);
    const current = (await session.presence.get()).properties.availability;
    print(options, { availability: current }, String(current));
  });
}

/** `ucwa contacts`: name, address and availability of each contact. */
export function contacts(options: ConnectOptions): Promise<void> {
  return withSession(options, async (session) => {
    for (const contact of await session.people.contacts()) {
      const availability = (await session.follow(contact, 'contactPresence')).properties
        .availability;
      const row = { name: contact.properties.name, uri: contact.properties.uri, availability };
      print(
        options,
        row,
        `${String(row.name).padEnd(20)} ${String(row.uri).padEnd(28)} ${String(availability)}`,
      );
    }
  });
}

/** `ucwa send <to> <text>`: invites `to` with the text as the first message. */
export function send(options: ConnectOptions, to: string, text: string): Promise<void> {
  return withSession(options, async (session) => {
    try {
      const conversation = await session.messaging.start({ to: sipUri(to), message: text });
      print(options, { sent: text, to: sipUri(to) }, `sent to ${to}`);
      await conversation.leave();
    } catch (error) {
      throw new CliError(
        `${to} did not take the message: ${error instanceof Error ? error.message : String(error)}`,
        EXIT.refused,
      );
    }
  });
}

/** `ucwa watch [--limit n]`: the event stream, as lines or JSON lines, until Ctrl-C. */
export function watch(options: ConnectOptions & { readonly limit?: number }): Promise<void> {
  return withSession(options, async (session) => {
    let seen = 0;
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      session.on({}, (event, sender) => {
        if (options.limit !== undefined && seen >= options.limit) return;
        const line = {
          type: event.type,
          rel: event.link.rel,
          href: event.link.href,
          sender: sender.rel,
          time: new Date().toISOString(),
        };
        print(options, line, `${line.time} ${line.rel} ${line.type} from ${line.sender}`);
        seen += 1;
        if (options.limit !== undefined && seen >= options.limit) resolve();
      });
    });
  });
}
