import type { EventBatch, UcwaEvent } from '@ucwa/model';

/** `count` batches of `perBatch` message events each, numbered from ack 1. */
export function makeBatches(count: number, perBatch: number): EventBatch[] {
  const base = '/ucwa/oauth/v1/applications/1';
  return Array.from({ length: count }, (_, b) => {
    const events: UcwaEvent[] = Array.from({ length: perBatch }, (_, e) => ({
      type: 'added',
      link: {
        rel: 'message',
        href: `${base}/communication/conversations/c/messaging/messages/${b}-${e}`,
      },
      in: { rel: 'messages', href: `${base}/communication/conversations/c/messaging/messages` },
    }));
    return {
      href: `${base}/events?ack=${b + 1}`,
      next: `${base}/events?ack=${b + 2}`,
      senders: [{ rel: 'conversation', href: `${base}/communication/conversations/c`, events }],
    };
  });
}
