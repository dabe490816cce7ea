import { parseMediaType } from '@ucwa/model';
import type { EmulatorRequest, RawReply } from '../http/types.ts';
import { MAX_PATTERN_LENGTH, pathPattern } from './path-pattern.ts';
import type { FaultAction, FaultPlan, FaultRule } from './plan.ts';

/** Admin endpoints live under this prefix. */
export const ADMIN_PREFIX = '/_emulator/';

const json = (status: number, value: unknown): RawReply => ({
  kind: 'raw',
  status,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify(value),
});

const ACTIONS = new Set<FaultAction['type']>([
  'delay',
  'drop',
  'status',
  'pgetReplaced',
  'applicationNotFound',
  'dropApplication',
  'resync',
  'resume',
  'expireToken',
  'tooManyRequests',
  'error',
]);

function checkAction(action: unknown): string | undefined {
  const a = action as { type?: unknown; status?: unknown } | null;
  if (typeof a !== 'object' || a === null || !ACTIONS.has(a.type as FaultAction['type']))
    return `action.type must be one of ${[...ACTIONS].join(', ')}`;
  if ((a.type === 'error' || a.type === 'status') && typeof a.status !== 'number')
    return `action.status must be a number for a ${a.type} fault`;
  return undefined;
}

function pathOf(v: Record<string, unknown>): string | RegExp | undefined {
  if (v.pathRegex !== undefined)
    throw new TypeError('pathRegex is not taken over HTTP: use pathPattern (* and **) or path');
  if (typeof v.pathPattern === 'string') return pathPattern(v.pathPattern);
  if (typeof v.path !== 'string') return undefined;
  if (v.path.length > MAX_PATTERN_LENGTH)
    throw new TypeError(`path is longer than ${MAX_PATTERN_LENGTH} characters`);
  return v.path;
}

/** A rule from JSON, or what is wrong with it. */
function toRule(value: unknown): FaultRule | string {
  if (typeof value !== 'object' || value === null) return 'expected a JSON object';
  const v = value as Record<string, unknown>;
  const bad = checkAction(v.action);
  if (bad !== undefined) return bad;
  let path: string | RegExp | undefined;
  try {
    path = pathOf(v);
  } catch (error) {
    return (error as TypeError).message;
  }
  const rule: Record<string, unknown> = { action: v.action };
  for (const key of ['nth', 'every', 'probability', 'times'] as const) {
    if (v[key] === undefined) continue;
    if (typeof v[key] !== 'number' || !Number.isFinite(v[key])) return `${key} must be a number`;
    rule[key] = v[key];
  }
  if (typeof v.method === 'string') rule.method = v.method;
  if (path !== undefined) rule.path = path;
  return rule as unknown as FaultRule;
}

/**
 * Why a request may not use the admin endpoint: a foreign `Origin` (a web page the user
 * visits), or a POST that is not `application/json` (which a page could send without a
 * preflight).
 */
function forbidden(request: EmulatorRequest): RawReply | undefined {
  const origin = request.headers.get('Origin');
  const site = request.headers.get('Sec-Fetch-Site');
  if ((origin !== null && origin !== request.url.origin) || site === 'cross-site')
    return json(403, { error: 'the admin endpoint refuses requests from other origins' });
  if (request.method !== 'POST') return undefined;
  let essence = '';
  try {
    essence = parseMediaType(request.headers.get('Content-Type') ?? '').essence;
  } catch {
    essence = '';
  }
  return essence === 'application/json'
    ? undefined
    : json(415, { error: 'POST a fault rule as application/json' });
}

function addRule(plan: FaultPlan, body: Uint8Array): RawReply {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch {
    return json(400, { error: 'body is not JSON' });
  }
  const rule = toRule(parsed);
  return typeof rule === 'string' ? json(400, { error: rule }) : json(201, { id: plan.add(rule) });
}

/**
 * The fault plan over HTTP, a test facility: `GET /_emulator/faults` lists it; `POST`
 * adds a rule (JSON; `path` substring or `pathPattern`); `DELETE /_emulator/faults`
 * clears it, `DELETE …/faults/{id}` removes one rule.
 */
export function adminRoute(plan: FaultPlan, request: EmulatorRequest): RawReply {
  const refused = forbidden(request);
  if (refused !== undefined) return refused;
  const { method } = request;
  const rest = request.url.pathname.slice(ADMIN_PREFIX.length).replace(/\/+$/, '');
  if (rest === 'faults' && method === 'GET') {
    return json(
      200,
      plan.list().map((f) => ({ ...f, path: f.path instanceof RegExp ? f.path.source : f.path })),
    );
  }
  if (rest === 'faults' && method === 'POST') return addRule(plan, request.body);
  if (rest === 'faults' && method === 'DELETE') {
    plan.clear();
    return { kind: 'raw', status: 204 };
  }
  if (rest.startsWith('faults/') && method === 'DELETE') {
    return plan.remove(rest.slice('faults/'.length))
      ? { kind: 'raw', status: 204 }
      : json(404, { error: 'no such fault' });
  }
  return json(404, { error: 'unknown admin endpoint' });
}
