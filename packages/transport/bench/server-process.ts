// The benchmark server, run in its own process (see server.ts): the client's CPU time and
// heap are then measured without the server's share of each request.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A user resource of about 600 bytes, the size of a typical command-channel answer. */
const body = JSON.stringify({
  rel: 'me',
  name: 'Dana Birkby',
  uri: 'sip:danab@contoso.com',
  emailAddresses: ['danab@contoso.com'],
  title: 'Engineer',
  department: 'R&D',
  _links: {
    self: { href: '/ucwa/oauth/v1/applications/103/me' },
    note: { href: '/ucwa/oauth/v1/applications/103/me/note' },
    presence: { href: '/ucwa/oauth/v1/applications/103/me/presence' },
    location: { href: '/ucwa/oauth/v1/applications/103/me/location' },
    reportMyActivity: { href: '/ucwa/oauth/v1/applications/103/me/reportMyActivity' },
    callForwardingSettings: { href: '/ucwa/oauth/v1/applications/103/me/callForwardingSettings' },
    phones: { href: '/ucwa/oauth/v1/applications/103/me/phones' },
    photo: { href: '/ucwa/oauth/v1/applications/103/photos/DanaB@contoso.com' },
  },
});

const held: ServerResponse[] = [];
const server = createServer({ keepAliveTimeout: 60_000, requestTimeout: 0 }, (req, res) => {
  // `/events` is a P-GET: held open until the client leaves or the server stops.
  if (req.url?.startsWith('/events') === true) {
    held.push(res);
    res.on('close', () => held.splice(held.indexOf(res), 1));
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/vnd.microsoft.com.ucwa+json',
    'content-length': Buffer.byteLength(body),
    'x-ms-ucwaversion': '2.0',
  });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 0;
server.maxConnections = 20_000;

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ port });
});
process.on('message', (message: { ask?: string }) => {
  if (message.ask === 'held') process.send?.({ held: held.length });
});
process.on('disconnect', () => process.exit(0));
