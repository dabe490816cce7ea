/**
 * XML scalars (PayloadFormat.md): numbers in decimal, booleans as `True`/`False`, dates
 * in ISO 8601. Readers return `undefined` for text that is not a value of the type;
 * the caller reports where.
 */

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** The reference writes `True`/`False`; any letter case is read. */
export function parseBoolean(text: string): boolean | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  return undefined;
}

// 2016-09-26T16:20:23.9946221-07:00: .NET writes up to 7 fraction digits and an offset.
const ISO_DATE =
  /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?)?(Z|[+-]\d\d:?\d\d)?$/;

/**
 * An ISO 8601 date-time. Fractions below a millisecond are cut (a `Date` cannot hold
 * them); a time without offset is taken as UTC, as the reference's "time stamp in UTC"
 * properties are; components out of range (month 13, February 30) are refused.
 */
export function parseIsoDate(text: string): Date | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (match === null) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  if (
    utc.getUTCFullYear() !== year ||
    utc.getUTCMonth() !== month - 1 ||
    utc.getUTCDate() !== day
  ) {
    return undefined;
  }
  const ms = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const time =
    utc.getTime() + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offsetMinutes(zone) * 60000;
  return Number.isFinite(time) && Math.abs(time) <= 8.64e15 ? new Date(time) : undefined;
}

function offsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  if (hours > 23 || minutes > 59) return Number.NaN;
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (hours * 60 + minutes);
}

export function formatBoolean(value: boolean): string {
  return value ? 'True' : 'False';
}

export function formatDate(value: Date): string {
  if (Number.isNaN(value.getTime())) throw new TypeError('cannot encode an invalid Date');
  return value.toISOString();
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`cannot encode the number ${value} in XML`);
  // String(-0) is "0"; keep the sign so a decoded -0 encodes back to -0.
  return Object.is(value, -0) ? '-0' : String(value);
}
