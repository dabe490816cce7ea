// A P-GET server for the events benchmarks, run in its own process so the client's time
// and heap are measured without the server's share.
//   mode "answer": every GET on /events?ack=N is answered at once with a batch of five
//                  message events pointing at ack=N+1 (re-arm latency);
//   mode "hold":   every P-GET is held until the client leaves (idle channels).
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const mode = process.argv[2] ?? 'answer';
const held = new Set<ServerResponse>();

function batch(path: string, ack: number): string {
  const events = Array.from({ length: 5 }, (_, i) => ({
    type: 'added',
    link: { rel: 'message', href: `/c/messages/${ack}-${i}` },
  }));
  return JSON.stringify({
    _links: { self: { href: `${path}?ack=${ack}` }, next: { href: `${path}?ack=${ack + 1}` } },
    sender: [{ rel: 'conversation', href: '/c', events }],
  });
}

const server = createServer({ keepAliveTimeout: 600_000, requestTimeout: 0 }, (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (mode === 'hold') {
    held.add(res);
    res.on('close', () => held.delete(res));
    return;
  }
  const body = batch(url.pathname, Number(url.searchParams.get('ack') ?? 1));
  res.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
});
server.headersTimeout = 0;
server.maxConnections = 20_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on('message', (message: { ask?: string }) => {
  if (message.ask === 'held') process.send?.({ held: held.size });
});
process.on('disconnect', () => process.exit(0));
