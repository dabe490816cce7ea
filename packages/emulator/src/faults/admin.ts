import type { RawReply } from '../http/types.ts';
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
  'resync',
  'resume',
  'expireToken',
  'tooManyRequests',
  'error',
]);

function toRule(value: unknown): FaultRule | string {
  if (typeof value !== 'object' || value === null) return 'expected a JSON object';
  const v = value as Record<string, unknown>;
  const action = v.action as { type?: unknown } | undefined;
  if (
    typeof action !== 'object' ||
    action === null ||
    !ACTIONS.has(action.type as FaultAction['type'])
  ) {
    return `action.type must be one of ${[...ACTIONS].join(', ')}`;
  }
  if (action.type === 'error' && typeof (action as { status?: unknown }).status !== 'number') {
    return 'action.status must be a number for an error fault';
  }
  const num = (k: string): number | undefined =>
    typeof v[k] === 'number' ? (v[k] as number) : undefined;
  const path =
    typeof v.pathRegex === 'string'
      ? new RegExp(v.pathRegex)
      : typeof v.path === 'string'
        ? v.path
        : undefined;
  const rule: Record<string, unknown> = { action };
  for (const key of ['nth', 'every', 'probability', 'times'] as const)
    if (num(key) !== undefined) rule[key] = num(key);
  if (typeof v.method === 'string') rule.method = v.method;
  if (path !== undefined) rule.path = path;
  return rule as unknown as FaultRule;
}

/**
 * `GET /_emulator/faults` lists the plan; `POST` adds a rule (JSON, `pathRegex` for a
 * regular expression); `DELETE /_emulator/faults` clears it, `DELETE …/faults/{id}` one rule.
 */
export function adminRoute(plan: FaultPlan, method: string, path: string, body: string): RawReply {
  const rest = path.slice(ADMIN_PREFIX.length).replace(/\/+$/, '');
  if (rest === 'faults' && method === 'GET') {
    return json(
      200,
      plan.list().map((f) => ({ ...f, path: f.path instanceof RegExp ? f.path.source : f.path })),
    );
  }
  if (rest === 'faults' && method === 'POST') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return json(400, { error: 'body is not JSON' });
    }
    const rule = toRule(parsed);
    return typeof rule === 'string'
      ? json(400, { error: rule })
      : json(201, { id: plan.add(rule) });
  }
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
