import { randomInt, randomUUID } from 'node:crypto';
import { startEmulator } from '@ucwa/emulator';
import { seededRandom } from '@ucwa/model';
import { afterAll, expect, it } from 'vitest';
import { createEventChannel } from '../src/index.ts';
import { Receiver } from './helpers/receiver.ts';
import { createScaledClock } from './helpers/scaled-clock.ts';
import { embedded, linkHref, signIn, type User } from './helpers/users.ts';

// Every message is delivered once and in order while the receiver's event channel, on the
// real transport over real HTTP, crosses at least FAULTS injected faults. The clock runs
// 1,000 times faster than real time for the emulator, both transports and both channels,
// so P-GET timeouts, watchdogs, backoffs and token lifetimes play out in milliseconds.
const MESSAGES = Number(process.env.UCWA_EXACTLY_ONCE_MESSAGES ?? 10_000);
const FAULTS = Number(process.env.UCWA_EXACTLY_ONCE_FAULTS ?? 1_000);
const SEED = Number(process.env.UCWA_FAULT_SEED ?? randomInt(0x7fffffff));
const DAY = 86_400_000;

const cleanup: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Alice's side: starts a conversation with bob and sends numbered messages in order. */
async function conversationWithBob(alice: User, track: ReturnType<typeof createEventChannel>) {
  const operationId = randomUUID();
  // A day of emulator time (86 s of real time): only a bound for a failure to report.
  const tracked = track.trackOperation(operationId, { timeout: DAY });
  await alice.transport.post(
    linkHref(embedded(alice.application, 'communication'), 'startMessaging'),
    {
      properties: { to: 'sip:bob@contoso.com', subject: 'exactly once', operationId },
    },
  );
  const invitation = (await tracked.result).resource;
  if (invitation === undefined) throw new Error('the invitation was not embedded');
  const conversation = await alice.transport.get(linkHref(invitation, 'conversation'));
  const messaging = await alice.transport.get(linkHref(conversation, 'messaging'));
  const href = linkHref(messaging, 'sendMessage');
  return (seq: number) =>
    alice.transport.post(
      href,
      { text: `seq ${seq}`, contentType: 'text/plain; charset=utf-8' },
      {
        query: { operationId: `m${seq}` },
      },
    );
}

/**
 * A competing P-GET on the receiver's cursor (another instance of the application): the
 * receiver's own P-GET is answered 409 PGetReplaced, and the receiver takes the channel
 * back from its cursor. A competitor that replaced nothing (it reached the server after
 * the receiver's P-GET was answered, or before it arrived) is sent again.
 */
async function compete(bob: User, receiver: Receiver): Promise<void> {
  const restarted = receiver.nextRestart().then(() => 'restarted' as const);
  for (;;) {
    const other = new AbortController();
    const competing = bob.transport
      .getEvents(receiver.channel.cursor.href, { signal: other.signal, timeout: false })
      .then(
        () => 'answered' as const,
        () => 'failed' as const,
      );
    const first = await Promise.race([restarted, competing]);
    other.abort();
    await competing;
    if (first === 'restarted') return;
  }
}

it(`delivers ${MESSAGES} messages exactly once, in order, across ${FAULTS}+ faults`, async () => {
  console.log(`exactly-once: fault seed ${SEED} (replay with UCWA_FAULT_SEED=${SEED})`);
  const time = createScaledClock(1000);
  // Seeded, so the channels' jitter replays with the seed too.
  const random = seededRandom(SEED);
  const server = await startEmulator({
    clock: time.clock,
    seed: SEED,
    // Tokens expire and are refreshed many times over the run; only the faults resume.
    tokenLifetimeS: 3600,
    resumeAfterMs: 30 * DAY,
    applicationIdleMs: 30 * DAY,
  });
  cleanup.push(() => server.close());
  const alice = await signIn(server.url, 'alice@contoso.com', { time });
  const bob = await signIn(server.url, 'bob@contoso.com', { time });
  const channelOptions = { timers: time.timers, now: time.now, random, watchdogMargin: 60_000 };
  const aliceChannel = createEventChannel({
    ...channelOptions,
    href: alice.eventsHref,
    fetchEvents: alice.fetchEvents,
  });
  aliceChannel.start();
  cleanup.push(() => aliceChannel.stop());
  const receiver = new Receiver(bob, channelOptions);
  receiver.start();
  cleanup.push(() => receiver.stop());

  const path = new URL(bob.eventsHref, server.url).pathname;
  const rule = (probability: number, action: Parameters<typeof server.faults.add>[0]['action']) =>
    server.faults.add({ method: 'GET', path, probability, action });
  rule(0.09, { type: 'drop' });
  rule(0.03, { type: 'status', status: 500 });
  rule(0.03, { type: 'status', status: 502 });
  rule(0.03, { type: 'status', status: 503 });
  rule(0.03, { type: 'status', status: 503, retryAfter: 2 });
  // A token expires on every 25th P-GET: never twice in a row, which a real server does not
  // do either (the transport refreshes once, and a fresh token refused is an auth failure).
  server.faults.add({ method: 'GET', path, every: 25, action: { type: 'expireToken' } });
  rule(0.05, { type: 'resync' });
  rule(0.01, { type: 'pgetReplaced' });
  // Held past the P-GET timeout (180 s) and the watchdog margin: the watchdog re-issues it.
  rule(0.005, { type: 'delay', ms: 300_000 });
  const fired = (): number => server.faults.list().reduce((n, f) => n + f.fired, 0);

  let send = await conversationWithBob(alice, aliceChannel);
  let seq = 0;
  let competitors = 0;
  while (seq < MESSAGES || fired() + competitors < FAULTS) {
    receiver.check();
    seq += 1;
    await send(seq);
    if (seq % 2500 === 0) {
      // A resume resets the server's conversations: with nothing in flight, reset, then
      // start a new conversation, as an application does after `resumed`.
      await receiver.until(seq);
      // The rule stays until a resume went through: another fault on the same P-GET (a
      // 503, a drop) can answer before the reset does.
      const resumed = receiver.nextResume();
      const resume = server.faults.add({ method: 'GET', path, action: { type: 'resume' } });
      await resumed;
      server.faults.remove(resume);
      send = await conversationWithBob(alice, aliceChannel);
    } else if (seq % 1000 === 0) {
      // A competing P-GET on the receiver's cursor (another instance): the receiver's own
      // P-GET is answered 409 PGetReplaced, and it takes the channel back from its cursor.
      competitors += 1;
      await compete(bob, receiver);
    }
    if (seq > 3 * MESSAGES) throw new Error(`only ${fired()} faults fired in ${seq} messages`);
  }
  await receiver.until(seq);
  const expected = Array.from({ length: seq }, (_, i) => i + 1);
  expect(receiver.received).toEqual(expected);
  expect(fired() + competitors).toBeGreaterThanOrEqual(FAULTS);
  expect(receiver.resumes).toBeGreaterThanOrEqual(Math.floor(seq / 2500));
  const byType = server.faults.list().map((f) => `${f.action.type}:${f.fired}`);
  console.log(
    `exactly-once: ${seq} messages, ${fired()} faults (${byType.join(' ')}), ${competitors} competing P-GETs, ${receiver.restarts} channel restarts, ${receiver.resumes} resumes`,
  );
}, 300_000);
