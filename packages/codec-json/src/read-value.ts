import type { PropertyValue } from '@ucwa/model';
import { isForbiddenName } from '@ucwa/model/codec';
import { parseJsonDate } from './json-date.ts';
import { enter, fail, type Key, type Walk } from './walk.ts';

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
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (needsReading(item)) value[i] = readValue(walk, item, i);
    }
  } else {
    const object = value as { [key: string]: unknown };
    const names = Object.keys(object);
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      if (isForbiddenName(name)) fail(walk, 'forbidden-name', 'forbidden name', name);
      const item = object[name];
      if (needsReading(item)) object[name] = readValue(walk, item, name);
    }
  }
  walk.path.pop();
  return value as PropertyValue;
}

/** A container to walk, or a string that may be a date; numbers and plain text are done. */
function needsReading(item: unknown): boolean {
  return typeof item === 'object'
    ? item !== null
    : typeof item === 'string' && item.charCodeAt(0) === 0x2f;
}
