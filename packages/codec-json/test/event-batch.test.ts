import { describe, expect, it } from 'vitest';
import { decodeEventBatch, encodeEventBatch } from '../src/index.ts';

// The sample of EventChannelDetails.md, shortened, plus a completed event of ReceiveAnIM.md.
const sample = JSON.stringify({
  _links: {
    self: { href: '/ucwa/oauth/v1/applications/102/events?ack=1' },
    next: { href: '/ucwa/oauth/v1/applications/102/events?ack=2' },
  },
  sender: [
    {
      rel: 'communication',
      href: '/ucwa/oauth/v1/applications/102/communication',
      events: [
        {
          link: { rel: 'communication', href: '/ucwa/oauth/v1/applications/102/communication' },
          _embedded: {
            communication: {
              '56de7bbf-1081-43e6-bbf2-1cabf3224c83': 'please pass this in a PUT request',
              supportedModalities: ['Messaging'],
              _links: { self: { href: '/ucwa/oauth/v1/applications/102/communication' } },
              rel: 'communication',
              etag: '2943169141',
            },
          },
          type: 'updated',
        },
      ],
    },
    {
      rel: 'conversation',
      href: '/c/eee0',
      events: [
        {
          link: { rel: 'participant', href: '/c/eee0/participants/lenea', title: 'Lene Aaling' },
          in: { rel: 'participants', href: '/c/eee0/participants' },
          type: 'added',
        },
        {
          link: { rel: 'message', href: '/c/eee0/messaging/messages/2' },
          status: 'Success',
          _embedded: { message: { timeStamp: '/Date(1383784870271)/', rel: 'message' } },
          type: 'completed',
        },
        {
          link: { rel: 'messagingInvitation', href: '/c/inv/1' },
          status: 'Failure',
          reason: { code: 'Gone', subcode: 'Declined', message: 'The invitation was declined.' },
          type: 'completed',
        },
      ],
    },
  ],
});

describe('decodeEventBatch', () => {
  const batch = decodeEventBatch(sample);

  it('reads self and next, and the senders in order', () => {
    expect(batch.href).toBe('/ucwa/oauth/v1/applications/102/events?ack=1');
    expect(batch.next).toBe('/ucwa/oauth/v1/applications/102/events?ack=2');
    expect(batch).not.toHaveProperty('resume');
    expect(batch.senders.map((s) => s.rel)).toEqual(['communication', 'conversation']);
  });

  it('reads link, in, the embedded resource, status and reason', () => {
    const [updated] = batch.senders[0]?.events ?? [];
    expect(updated?.type).toBe('updated');
    expect(updated?.resource).toMatchObject({
      rel: 'communication',
      href: '/ucwa/oauth/v1/applications/102/communication',
      properties: { etag: '2943169141', supportedModalities: ['Messaging'] },
    });
    const [added, completed, failed] = batch.senders[1]?.events ?? [];
    expect(added).toEqual({
      type: 'added',
      link: { rel: 'participant', href: '/c/eee0/participants/lenea', title: 'Lene Aaling' },
      in: { rel: 'participants', href: '/c/eee0/participants' },
    });
    expect(completed?.status).toBe('success');
    expect(completed?.resource?.properties.timeStamp).toEqual(new Date(1383784870271));
    expect(failed?.status).toBe('failure');
    expect(failed?.reason).toEqual({
      code: 'Gone',
      subcode: 'Declined',
      message: 'The invitation was declined.',
    });
  });

  it('reads resume and a lone resync', () => {
    expect(
      decodeEventBatch(
        '{"_links":{"self":{"href":"/e?ack=3"},"resume":{"href":"/e?ack=4"}},"sender":[]}',
      ),
    ).toEqual({
      href: '/e?ack=3',
      resume: '/e?ack=4',
      senders: [],
    });
    expect(decodeEventBatch('{"_links":{"resync":{"href":"/e?ack=1"}}}')).toEqual({
      href: '',
      resync: '/e?ack=1',
      senders: [],
    });
  });

  it('round-trips, writing status as the reference does', () => {
    const text = encodeEventBatch(batch);
    expect(text).toContain('"status":"Success"');
    expect(text).toContain('"timeStamp":"\\/Date(1383784870271)\\/"');
    expect(decodeEventBatch(text)).toEqual(batch);
  });
});
