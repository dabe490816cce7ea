import { type DecodeProblem, UcwaDecodeError, type UcwaDecodeErrorOptions } from '@ucwa/model';
import { isForbiddenName } from '@ucwa/model/codec';

/**
 * The state of one decode call: the depth limit and the keys from the root to the
 * container being read. The path's length is the nesting depth, so depth costs one
 * `push`/`pop` per container and the path is only formatted when something fails.
 */
export interface Walk {
  readonly maxDepth: number;
  /**
   * Whether `Object.prototype` has an enumerable key (someone added one), which `for…in`
   * would visit on every object: then the loops check that each key is an own one.
   */
  readonly inherited: boolean;
  readonly path: Key[];
}

/** Whether `for…in` over a plain object would visit a key it does not own. */
export function hasInheritedKeys(): boolean {
  for (const _ in {}) return true;
  return false;
}

/** A key on the path: an object key or an array index. */
export type Key = string | number;

/** A JSON object as `JSON.parse` returns it. */
export type JsonObject = { readonly [key: string]: unknown };

/** Reads one object into the model; `arg` is what the caller knows about it (a rel, say). */
export type Reader<T, A> = (walk: Walk, object: JsonObject, arg: A) => T;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `$._links.self.href`, `$.sender[0].events[2]`, `$["a b"]`. */
export function formatPath(path: readonly Key[]): string {
  let out = '$';
  for (const key of path) {
    out += typeof key === 'string' && IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  }
  return out;
}

/**
 * Throws the one error every decoder throws, a `UcwaDecodeError` of format `json`, for the
 * value at the current path (plus `key`, when given): "<what> at <path>".
 */
export function fail(
  walk: Walk,
  problem: DecodeProblem,
  what: string,
  at?: Key | readonly Key[],
  more?: Pick<UcwaDecodeErrorOptions, 'cause' | 'position'>,
): never {
  const path = formatPath(at === undefined ? walk.path : walk.path.concat(at));
  throw new UcwaDecodeError(`${what} at ${path}`, { problem, format: 'json', path, ...more });
}

/** The message of `too-deep`, from {@link enter} or from a stack overflow. */
export const TOO_DEEP = 'nesting deeper than maxDepth';

/** Steps into the container under `key`, refusing to go deeper than `maxDepth`. */
export function enter(walk: Walk, key: Key): void {
  // The root object is depth 1 with an empty path.
  if (walk.path.push(key) >= walk.maxDepth) fail(walk, 'too-deep', TOO_DEEP);
}

/** Refuses a prototype name as a key (the same string as a value is ordinary data). */
export function checkName(walk: Walk, key: string): void {
  if (isForbiddenName(key)) fail(walk, 'forbidden-name', 'forbidden name', key);
}

/** Fails with "expected <what>"; the value itself is never shown (it may be a secret). */
export function expected(walk: Walk, what: string, at?: Key | readonly Key[]): never {
  return fail(walk, 'invalid-value', `expected ${what}`, at);
}

/** Fails unless `value` is a string; returns it. */
export function readString(walk: Walk, value: unknown, key: string): string {
  return typeof value === 'string' ? value : expected(walk, 'a string', key);
}

/** An optional string: absent and `null` both mean absent. */
export function readOptionalString(walk: Walk, value: unknown, key: string): string | undefined {
  return value == null ? undefined : readString(walk, value, key);
}

/** The object under `key`, read by `read` one level deeper. */
export function readChild<T, A>(
  walk: Walk,
  value: unknown,
  key: Key,
  read: Reader<T, A>,
  arg?: A,
): T {
  const object = isObject(value) ? value : expected(walk, 'an object', key);
  enter(walk, key);
  const result = read(walk, object, arg as A);
  walk.path.pop();
  return result;
}

/** An array under `key` (absent or `null` means empty) whose items are objects, each read by `read`. */
export function readList<T, A>(
  walk: Walk,
  value: unknown,
  key: Key,
  read: Reader<T, A>,
  arg?: A,
): T[] {
  if (value == null) return [];
  if (!Array.isArray(value)) return expected(walk, 'an array', key);
  enter(walk, key);
  const out = value.map((item: unknown, i) => readChild(walk, item, i, read, arg));
  walk.path.pop();
  return out;
}

/**
 * The object `item` of a bag, read by `read` one step (or, in an array, two) deeper:
 * under `rel`, and under `index` when it is at least 0.
 */
export function readItem<T>(
  walk: Walk,
  item: unknown,
  rel: string,
  index: number,
  read: (walk: Walk, object: JsonObject, rel: string) => T,
): T {
  enter(walk, rel);
  if (index >= 0) enter(walk, index);
  const result = isObject(item) ? read(walk, item, rel) : expected(walk, 'an object');
  walk.path.pop();
  if (index >= 0) walk.path.pop();
  return result;
}
