/**
 * ASP.NET AJAX dates (PayloadFormat.md): `"\/Date(ms)\/"` or `"\/Date(ms±hhmm)\/"`, `ms`
 * being milliseconds since 1970 UTC. The offset only says which zone the sender was in,
 * so it does not move the instant (and a `Date` has no place to keep it).
 */
const DATE = /^\/Date\((?:(-?\d{1,16})(?:[+-](?:[01]\d|2[0-3])[0-5]\d)?|.*)\)\/$/s;

/**
 * What a string property stands for: a `Date` for `/Date(…)/`, the string itself when it
 * is not in that envelope, `undefined` when its inside is not an instant.
 */
export function parseJsonDate(text: string): Date | string | undefined {
  // Any inside matches the second branch, so only a valid instant captures `ms`.
  const match = DATE.exec(text);
  if (match === null) return text;
  const time = Number(match[1]);
  // ECMAScript's time range: ±100,000,000 days around 1970.
  return Math.abs(time) <= 8.64e15 ? new Date(time) : undefined;
}

/**
 * `/Date(ms)/` for a Date. The JSON writer escapes the slashes afterwards (see
 * `serialize`), because `JSON.stringify` never writes `\/`.
 */
export function formatJsonDate(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new TypeError('cannot encode an invalid Date');
  return `/Date(${time})/`;
}
