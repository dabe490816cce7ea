import type { PropertyValue } from '@ucwa/model';
import { parseJsonDate } from './json-date.ts';
import { checkName, enter, fail, type Key, type Walk } from './walk.ts';

/**
 * A property value: JSON types as parsed, date strings turned into `Date`s, nested
 * names checked. Arrays and objects are updated in place: they are fresh from
 * `JSON.parse` and nobody else holds them, and copying them would double the cost.
 */
export function readValue(walk: Walk, value: unknown, key: Key): PropertyValue {
  if (typeof value === 'string') {
    // One char test keeps ordinary strings on the fast path.
    if (value.charCodeAt(0) !== 0x2f) return value;
    return parseJsonDate(value) ?? fail(walk, 'invalid-date', 'invalid date', key);
  }
  if (typeof value !== 'object' || value === null) return value as PropertyValue;
  enter(walk, key);
  const container = value as { [key: string | number]: unknown };
  // Indices of an array, names of an object; both are updated in place.
  for (const name of Array.isArray(value) ? value.keys() : Object.keys(value)) {
    if (typeof name === 'string') checkName(walk, name);
    const item = container[name];
    if (typeof item === 'object' ? item !== null : typeof item === 'string') {
      container[name] = readValue(walk, item, name);
    }
  }
  walk.path.pop();
  return value as PropertyValue;
}
