import type { UcwaResponse } from '@ucwa/transport';
import type { Session } from '../session/session.ts';
import type { TabCommand, TabCommandResult } from './tab-messages.ts';

async function send(session: Session, command: TabCommand): Promise<UcwaResponse | undefined> {
  const t = session.transport;
  switch (command.method) {
    case 'GET':
      return t.getResponse(command.href);
    case 'POST':
      return t.post(command.href, command.input);
    case 'PUT':
      return t.put(command.resource, command.changes);
    case 'DELETE':
      return t.delete(command.href);
    case 'signOut':
      await session.signOut();
      return undefined;
    case 'getBytes':
      throw new TypeError('getBytes is answered by runCommand itself');
  }
}

/** The fields of a failure that cross the channel (an `Error` does not survive cloning). */
function failure(error: unknown): TabCommandResult {
  const e = error instanceof Error ? error : new Error(String(error));
  const { status, code, subcode } = e as { status?: unknown; code?: unknown; subcode?: unknown };
  return {
    ok: false,
    name: e.name,
    message: e.message,
    status: typeof status === 'number' ? status : undefined,
    code: typeof code === 'string' ? code : undefined,
    subcode: typeof subcode === 'string' ? subcode : undefined,
  };
}

/** Sends a tab's command with the leader's transport; failures come back as data. */
export async function runCommand(session: Session, command: TabCommand): Promise<TabCommandResult> {
  try {
    if (command.method === 'getBytes') {
      const { status, bytes, contentType } = await session.transport.getBytes(command.href);
      return { ok: true, status, location: undefined, resource: undefined, bytes, contentType };
    }
    const answer = await send(session, command);
    return {
      ok: true,
      status: answer?.status ?? 204,
      location: answer?.location,
      resource: answer?.resource,
      etag: answer?.etag,
    };
  } catch (error) {
    return failure(error);
  }
}
