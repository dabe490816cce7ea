import type { GetOptions } from '@ucwa/transport';
import type { WireCallOptions } from './tab-messages.ts';

/**
 * The options of a tab's call that the leader applies to its request: the timeout, extra
 * headers, `minResourceVersion` and `cache`. Nothing when there are none.
 */
export function wireCallOptions(o: GetOptions | undefined): WireCallOptions | undefined {
  if (o === undefined) return undefined;
  const wire: {
    -readonly [K in keyof WireCallOptions]: WireCallOptions[K];
  } = {};
  if (o.timeout !== undefined) wire.timeout = o.timeout;
  if (o.headers !== undefined) wire.headers = [...new Headers(o.headers)];
  if (o.minResourceVersion !== undefined) wire.minResourceVersion = o.minResourceVersion;
  if (o.cache !== undefined) wire.cache = o.cache;
  return Object.keys(wire).length === 0 ? undefined : wire;
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null;

const isPair = (v: unknown): v is readonly [string, string] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string';

/**
 * The call options another tab sent, as the leader's transport takes them. Only values of
 * the right type are kept: the channel is shared with any script of the origin.
 */
export function callOptionsOf(wire: unknown, signal: AbortSignal | undefined): GetOptions {
  const { timeout, headers, minResourceVersion, cache } = isRecord(wire) ? wire : {};
  return {
    ...(signal === undefined ? {} : { signal }),
    ...(timeout === false || (typeof timeout === 'number' && timeout > 0) ? { timeout } : {}),
    ...(Array.isArray(headers) && headers.every(isPair)
      ? { headers: headers.map(([name, value]): [string, string] => [name, value]) }
      : {}),
    ...(Number.isSafeInteger(minResourceVersion) && typeof minResourceVersion === 'number'
      ? { minResourceVersion }
      : {}),
    ...(typeof cache === 'boolean' ? { cache } : {}),
  };
}
