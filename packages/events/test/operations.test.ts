import type { UcwaEvent } from '@ucwa/model';
import { describe, expect, it } from 'vitest';
import {
  isUcwaChannelStoppedError,
  isUcwaOperationError,
  isUcwaOperationTimeoutError,
  type OperationProgress,
} from '../src/index.ts';
import { fakeChannel } from './helpers/fake-channel.ts';
import { batch, flush } from './helpers/fake-server.ts';

const INVITATION = '/ucwa/oauth/v1/applications/1/communication/messagingInvitations/i1';

function operationEvent(
  type: UcwaEvent['type'],
  operationId: string | undefined,
  extra: Partial<UcwaEvent> = {},
  href = INVITATION,
): UcwaEvent {
  return {
    type,
    link: { rel: 'messagingInvitation', href },
    ...(operationId === undefined
      ? {}
      : {
          resource: {
            rel: 'messagingInvitation',
            href,
            properties: { operationId, state: 'Connecting' },
            links: {},
            embedded: {},
          },
        }),
    ...extra,
  };
}

function setup(operations?: { ttl?: number; maxOperations?: number }) {
  const { server, timers, channel } = fakeChannel(operations === undefined ? {} : { operations });
  channel.start();
  let ack = 1;
  const deliver = async (...events: UcwaEvent[]): Promise<void> => {
    server.last().answer(batch(ack, events, 'next', 'communication'));
    ack += 1;
    await flush();
  };
  return { server, timers, channel, deliver };
}

describe('trackOperation', () => {
  it('reports progress and resolves with the completed resource on Success', async () => {
    const { channel, deliver } = setup();
    const progress: OperationProgress[] = [];
    const handle = channel.trackOperation('op-1', { onProgress: (p) => progress.push(p) });
    await deliver(operationEvent('started', 'op-1'), operationEvent('updated', 'op-1'));
    await deliver(operationEvent('completed', 'op-1', { status: 'success' }));
    const result = await handle.result;
    expect(progress.map((p) => p.event.type)).toEqual(['started', 'updated']);
    expect(result.operationId).toBe('op-1');
    expect(result.resource?.href).toBe(INVITATION);
  });

  it('rejects with the reason on Failure', async () => {
    const { channel, deliver } = setup();
    const handle = channel.trackOperation('op-2');
    await deliver(
      operationEvent('completed', 'op-2', {
        status: 'failure',
        reason: { code: 'NotFound', subcode: 'TargetNotFound', message: 'no such user' },
      }),
    );
    const error = await handle.result.catch((e: unknown) => e);
    expect(isUcwaOperationError(error)).toBe(true);
    expect(error).toMatchObject({ operationId: 'op-2', reason: { subcode: 'TargetNotFound' } });
    expect((error as Error).message).toContain('NotFound/TargetNotFound: no such user');
  });

  it('covers events that arrive before the 201: kept, then replayed in order', async () => {
    const { channel, deliver } = setup();
    await deliver(operationEvent('started', 'early'));
    await deliver(operationEvent('completed', 'early', { status: 'success' }));
    const progress: string[] = [];
    const result = await channel.trackOperation('early', {
      onProgress: (p) => progress.push(p.event.type),
    }).result;
    expect(progress).toEqual(['started']);
    expect(result.event.type).toBe('completed');

    await deliver(operationEvent('started', 'half', {}, `${INVITATION}x`));
    const half = channel.trackOperation('half');
    await deliver(operationEvent('completed', 'half', { status: 'success' }, `${INVITATION}x`));
    expect((await half.result).operationId).toBe('half');
  });

  it('matches later events without an embedded resource by the operation href', async () => {
    const { channel, deliver } = setup();
    const handle = channel.trackOperation('op-3');
    await deliver(operationEvent('started', 'op-3'));
    await deliver(operationEvent('completed', undefined, { status: 'success' }));
    expect((await handle.result).event.type).toBe('completed');
  });

  it('times out, honours an AbortSignal and cancel()', async () => {
    const { channel, timers } = setup();
    const timed = channel.trackOperation('slow', { timeout: 5000 });
    timers.advance(4999);
    await flush();
    timers.advance(1);
    const error = await timed.result.catch((e: unknown) => e);
    expect(isUcwaOperationTimeoutError(error)).toBe(true);
    expect(error).toMatchObject({ operationId: 'slow', timeout: 5000 });

    const controller = new AbortController();
    const aborted = channel.trackOperation('a', { signal: controller.signal });
    controller.abort(new Error('user left'));
    await expect(aborted.result).rejects.toThrow('user left');

    const cancelled = channel.trackOperation('c');
    cancelled.cancel();
    await expect(cancelled.result).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects tracked operations when the channel stops', async () => {
    const { channel } = setup();
    const handle = channel.trackOperation('op-4');
    await channel.stop();
    const error = await handle.result.catch((e: unknown) => e);
    expect(isUcwaChannelStoppedError(error)).toBe(true);
    await expect(channel.trackOperation('later').result).rejects.toMatchObject({
      name: 'UcwaChannelStoppedError',
    });
  });

  it('keeps untracked operations for a bounded time and number', async () => {
    const { channel, deliver, timers } = setup({ ttl: 10_000, maxOperations: 3 });
    const started = (id: string): UcwaEvent =>
      operationEvent('completed', id, { status: 'success' }, `${INVITATION}-${id}`);
    const settles = async (id: string): Promise<boolean> => {
      const handle = channel.trackOperation(id, { timeout: 1 });
      timers.advance(1);
      return handle.result.then(
        () => true,
        () => false,
      );
    };
    await deliver(started('a'), started('b'), started('c'), started('d'));
    // Four kept, three allowed: the oldest ('a') went.
    expect(await settles('a')).toBe(false);
    expect(await settles('d')).toBe(true);
    await deliver(started('e'));
    timers.advance(10_001);
    await deliver(started('f'));
    // 'b', 'c' and 'e' outlived the ttl and were dropped when 'f' came.
    expect(await settles('b')).toBe(false);
    expect(await settles('e')).toBe(false);
    expect(await settles('f')).toBe(true);
  });
});
