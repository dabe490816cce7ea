import type { Session } from '../session/session.ts';
import type { TabCommand, TabCommandResult } from './tab-messages.ts';

/** Sends a follower's command with the leader's transport; failures come back as data. */
export async function runCommand(session: Session, command: TabCommand): Promise<TabCommandResult> {
  try {
    const t = session.transport;
    if (command.method === 'GET') {
      const resource = await t.get(command.href);
      return { ok: true, status: 200, location: undefined, resource };
    }
    const answer =
      command.method === 'POST'
        ? await t.post(command.href, command.input)
        : await t.delete(command.href);
    return {
      ok: true,
      status: answer.status,
      location: answer.location,
      resource: answer.resource,
    };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const status = (e as { status?: unknown }).status;
    return {
      ok: false,
      name: e.name,
      message: e.message,
      status: typeof status === 'number' ? status : undefined,
    };
  }
}
