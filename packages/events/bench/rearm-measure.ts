// Re-arm latency: from a batch's arrival (the transport's getEvents resolved) to the next
// P-GET leaving (the transport calling fetch for it), on loopback, server in its own process:
//   node --conditions=@ucwa/source packages/events/bench/rearm-measure.ts [batches] [rounds]
// Two contenders on the same transport setup, interleaved by round: the channel, and a
// bare loop that asks again in the same callback that received the batch (the least
// possible). Prints one JSON line of latencies in microseconds.
import { createTransport } from '@ucwa/transport';
import { createEventChannel } from '../src/index.ts';
import { startServerProcess } from './server-process.ts';

const BATCHES = Number(process.argv[2] ?? 2000);
const ROUNDS = Number(process.argv[3] ?? 6);

interface Probe {
  arrived: number;
  readonly latencies: number[];
}

function tracedTransport(origin: string, probe: Probe) {
  return createTransport({
    origin,
    format: 'json',
    auth: {
      getToken: async () => ({ accessToken: 'cwt=bench', expiresAt: Date.now() + 3_600_000 }),
    },
    fetch: (input, init) => {
      if (probe.arrived > 0) probe.latencies.push((performance.now() - probe.arrived) * 1000);
      probe.arrived = 0;
      return globalThis.fetch(input, init);
    },
  });
}

async function viaChannel(origin: string, probe: Probe): Promise<void> {
  const transport = tracedTransport(origin, probe);
  let done!: () => void;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  let batches = 0;
  const channel = createEventChannel({
    href: '/events?ack=1',
    fetchEvents: (href, o) =>
      transport.getEvents(href, o).then((batch) => {
        probe.arrived = performance.now();
        batches += 1;
        if (batches === BATCHES) done();
        return batch;
      }),
  });
  channel.on({}, () => undefined);
  channel.start();
  await finished;
  await channel.stop();
  // The P-GET after the last batch was aborted by stop(): nothing left to time.
  probe.arrived = 0;
}

async function bareLoop(origin: string, probe: Probe): Promise<void> {
  const transport = tracedTransport(origin, probe);
  let href = '/events?ack=1';
  for (let i = 0; i < BATCHES; i += 1) {
    const batch = await transport.getEvents(href, { timeout: 210_000 });
    probe.arrived = performance.now();
    href = batch.next ?? href;
  }
  probe.arrived = 0;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}

const server = await startServerProcess('answer');
try {
  const channel: Probe = { arrived: 0, latencies: [] };
  const bare: Probe = { arrived: 0, latencies: [] };
  // Warm-up, not counted.
  await viaChannel(server.origin, { arrived: 0, latencies: [] });
  await bareLoop(server.origin, { arrived: 0, latencies: [] });
  for (let round = 0; round < ROUNDS; round += 1) {
    if (round % 2 === 0) {
      await viaChannel(server.origin, channel);
      await bareLoop(server.origin, bare);
    } else {
      await bareLoop(server.origin, bare);
      await viaChannel(server.origin, channel);
    }
  }
  const summary = (p: Probe) => ({
    samples: p.latencies.length,
    p50: percentile(p.latencies, 0.5),
    p99: percentile(p.latencies, 0.99),
    max: percentile(p.latencies, 1),
  });
  console.log(JSON.stringify({ channel: summary(channel), bare: summary(bare) }));
} finally {
  server.close();
}
