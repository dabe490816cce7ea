import { request } from 'node:http';

/** What a bare HTTP client got back. */
export interface BareResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  json<T = Record<string, unknown>>(): T;
}

/**
 * A client as old field clients behave: the request target goes out exactly as given
 * (`//ucwa/...` included), no `Accept` unless one is passed, bodies as given.
 */
export function bare(
  base: string,
  method: string,
  target: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<BareResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port, method, path: target, headers, setHost: !('Host' in headers) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: <T>() => JSON.parse(text) as T,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A field client's href joining: an origin ending in `/` plus an href starting with `/`. */
export const joined = (href: string): string => `/${href}`;
