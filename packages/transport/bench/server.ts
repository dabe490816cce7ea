import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A user resource of about 600 bytes, the size of a typical command-channel answer. */
export const body = JSON.stringify({
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

/**
 * A loopback server: `/me` answers at once; `/events` is held open (a P-GET) until the
 * server closes.
 */
export async function startBenchServer(): Promise<{
  origin: string;
  held: () => number;
  close: () => Promise<void>;
}> {
  const held: ServerResponse[] = [];
  const server = createServer({ keepAliveTimeout: 60_000, requestTimeout: 0 }, (req, res) => {
    if (req.url?.startsWith('/events') === true) {
      held.push(res);
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/vnd.microsoft.com.ucwa+json',
      'x-ms-ucwaversion': '2.0',
    });
    res.end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    held: () => held.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
