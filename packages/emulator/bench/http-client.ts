import { Agent, request } from 'node:http';

/** One answer, as the load client sees it. */
export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A keep-alive client for the load runs (loopback only). */
export function httpClient(maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const call = (
    url: string,
    method = 'GET',
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = request(url, { agent, method, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });

  /** Requests per second over `total` GETs, `concurrency` at a time; every one must be 200. */
  async function rate(
    url: string,
    headers: Record<string, string>,
    total: number,
    concurrency: number,
  ): Promise<number> {
    let next = 0;
    const started = performance.now();
    const worker = async (): Promise<void> => {
      while (next < total) {
        next += 1;
        const res = await call(url, 'GET', headers);
        if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${res.body}`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return total / ((performance.now() - started) / 1000);
  }

  /** Signs a user in over HTTP: token, then an application. */
  async function signIn(base: string, user: string, endpoint: string) {
    const form = `grant_type=password&username=${user}&password=demo`;
    const tok = await call(
      `${base}/WebTicket/oauthtoken`,
      'POST',
      {
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      form,
    );
    const token = (JSON.parse(tok.body) as { access_token: string }).access_token;
    const auth = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    const created = await call(
      `${base}/ucwa/oauth/v1/applications`,
      'POST',
      {
        ...auth,
        'Content-Type': 'application/json',
      },
      JSON.stringify({ UserAgent: 'bench', EndpointId: endpoint, Culture: 'en-US' }),
    );
    if (created.status !== 201) throw new Error(`applications: ${created.status} ${created.body}`);
    const app = JSON.parse(created.body) as {
      _links: { self: { href: string }; events: { href: string } };
    };
    return { auth, app: app._links.self.href, events: app._links.events.href };
  }

  return { call, rate, signIn, close: () => agent.destroy() };
}

/** Median and range of a list of numbers. */
export function summary(values: readonly number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 };
}
