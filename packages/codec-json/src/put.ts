/**
 * Sets `key` unless `value` is `undefined`: models leave optional fields out rather than
 * holding `undefined` (`exactOptionalPropertyTypes`), and so does the JSON written, where
 * an `undefined` value would also make V8 leave its fast `JSON.stringify`.
 */
export function put(out: object, key: string, value: unknown): void {
  if (value !== undefined) (out as { [key: string]: unknown })[key] = value;
}
