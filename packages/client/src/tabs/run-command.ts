import type { BatchResult, UcwaResponse } from '@ucwa/transport';
import type { Session } from '../session/session.ts';
import type { TabCommand, TabCommandResult, WireBatchPart } from './tab-messages.ts';
import { callOptionsOf } from './wire-call-options.ts';
import { encodeError } from './wire-error.ts';

type Sent = Exclude<TabCommand['method'], 'getBytes' | 'batch' | 'snapshot'>;

async function send(
  session: Session,
  command: TabCommand & { method: Sent },
  signal: AbortSignal | undefined,
): Promise<UcwaResponse | undefined> {
  const t = session.transport;
  const o = callOptionsOf('options' in command ? command.options : undefined, signal);
  switch (command.method) {
    case 'GET':
      return t.getResponse(command.href, o);
    case 'POST':
      return t.post(command.href, command.input, o);
    case 'PUT':
      return t.put(command.resource, command.changes, o);
    case 'DELETE':
      return t.delete(command.href, o);
    case 'signOut':
      await session.signOut();
      return undefined;
  }
}

function wirePart(part: BatchResult): WireBatchPart {
  if (!part.ok) return { ok: false, status: part.status, error: encodeError(part.error) };
  const { status, resource, location } = part;
  return { ok: true, status, headers: [...part.headers], resource, location };
}

/** What only the leader's session has: bytes, batch, its snapshot with the token. */
async function special(
  session: Session,
  command: TabCommand & { method: 'getBytes' | 'batch' | 'snapshot' },
  signal: AbortSignal | undefined,
): Promise<TabCommandResult> {
  const o = callOptionsOf('options' in command ? command.options : undefined, signal);
  const none = { ok: true, status: 200, location: undefined, resource: undefined } as const;
  switch (command.method) {
    case 'getBytes': {
      const { status, bytes, contentType } = await session.transport.getBytes(command.href, o);
      return { ...none, status, bytes, contentType };
    }
    case 'batch': {
      const parts = await session.transport.batch(command.href, command.requests, o);
      return { ...none, parts: parts.map(wirePart) };
    }
    case 'snapshot':
      return { ...none, snapshot: session.snapshot({ secrets: true }) };
  }
}

/**
 * Sends a tab's command with the leader's transport; failures come back as data. `signal`
 * aborts the request (the tab that asked cancelled it).
 */
export async function runCommand(
  session: Session,
  command: TabCommand,
  signal?: AbortSignal,
): Promise<TabCommandResult> {
  try {
    if (signal?.aborted === true) throw signal.reason;
    if (
      command.method === 'getBytes' ||
      command.method === 'batch' ||
      command.method === 'snapshot'
    )
      return await special(session, command, signal);
    const answer = await send(session, command, signal);
    return {
      ok: true,
      status: answer?.status ?? 204,
      location: answer?.location,
      resource: answer?.resource,
      etag: answer?.etag,
    };
  } catch (error) {
    return { ok: false, ...encodeError(error) };
  }
}
