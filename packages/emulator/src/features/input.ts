import type { PropertyValue } from '@ucwa/model';
import type { InputBody } from '../wire/codec.ts';

// Input property names arrive in the reference's spelling whatever case the client used
// (wire/input-names.ts), so lookups here are exact.

/** A non-empty string property of the body. */
export function text(input: InputBody | undefined, name: string): string | undefined {
  const value: PropertyValue | undefined = input?.properties[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A list property (one string counts as a list of one); `undefined` when absent. */
export function list(input: InputBody | undefined, name: string): string[] | undefined {
  const value = input?.properties[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : undefined;
}

/** A body property, else the query parameter of that name (both forms are in use). */
export function bodyOrQuery(
  input: InputBody | undefined,
  query: URLSearchParams,
  name: string,
): string | undefined {
  const fromQuery = [...query].find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  return text(input, name) ?? (fromQuery === '' ? undefined : fromQuery);
}
