import type { TabMessage } from './tab-messages.ts';

type Fields = Readonly<Record<string, unknown>>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';
const isSeq = (v: unknown): v is number => Number.isSafeInteger(v);

function isSnapshot(v: unknown): boolean {
  return (
    isObject(v) &&
    v.version === 1 &&
    isString(v.applicationHref) &&
    isString(v.instanceId) &&
    isObject(v.cursor) &&
    isObject(v.discovery)
  );
}

/** A `WireStatus`: one of the four states, with the reason's kind when it has one. */
function isStatus(v: unknown): boolean {
  if (!isObject(v)) return false;
  if (v.state === 'signingIn' || v.state === 'ready') return true;
  return (v.state === 'reconnecting' || v.state === 'signedOut') && isString(v.kind);
}

/** The fields each kind of message must have, as the receiving tab reads them. */
const SHAPES: Readonly<Record<TabMessage['t'], (m: Fields) => boolean>> = {
  claim: (m) => isString(m.id),
  heartbeat: (m) => isString(m.id) && isSnapshot(m.snapshot) && isStatus(m.status),
  bye: (m) => isString(m.id) && isSnapshot(m.snapshot),
  event: (m) =>
    isObject(m.event) && isObject(m.event.link) && isString(m.event.type) && isObject(m.sender),
  status: (m) => isString(m.id) && isStatus(m.status),
  rebuild: (m) => typeof m.resumed === 'boolean',
  restore: (m) => isSnapshot(m.snapshot),
  command: (m) =>
    isString(m.from) && isSeq(m.seq) && isObject(m.command) && isString(m.command.method),
  cancel: (m) => isString(m.from) && isSeq(m.seq),
  result: (m) =>
    isString(m.to) && isSeq(m.seq) && isObject(m.result) && typeof m.result.ok === 'boolean',
};

/**
 * Whether `data` is a {@link TabMessage} with the fields its kind needs: another script may
 * share the channel name, and what it posts is ignored rather than trusted.
 */
export function isTabMessage(data: unknown): data is TabMessage {
  if (!isObject(data) || !isString(data.t) || !Object.hasOwn(SHAPES, data.t)) return false;
  return SHAPES[data.t as TabMessage['t']](data);
}
