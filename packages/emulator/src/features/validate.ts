import { catalogEntry, enumerations, type UcwaErrorParameter } from '@ucwa/model';
import type { InputBody } from '../wire/codec.ts';

function enumValues(name: string | undefined): readonly string[] | undefined {
  if (name === undefined || !Object.hasOwn(enumerations, name)) return undefined;
  return (enumerations as Readonly<Record<string, readonly string[]>>)[name];
}

function badEnum(value: unknown, allowed: readonly string[]): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some(
    (v) => typeof v === 'string' && !allowed.some((a) => a.toLowerCase() === v.toLowerCase()),
  );
}

/**
 * The parameters of a request that break the catalog's rules for `rel` and `method`:
 * required query or body parameters that are missing, and enumeration values the
 * reference does not list. Empty when the request is valid.
 *
 * @example
 * ```ts
 * invalidParameters('presence', 'POST', query, { properties: { availability: 'Sleepy' }, links: {} });
 * // [{ name: 'availability', value: 'Sleepy' }]
 * ```
 */
export function invalidParameters(
  rel: string,
  method: string,
  query: URLSearchParams,
  input: InputBody | undefined,
  /** Parameters taken as optional whatever the catalog says (`operationId`, by default). */
  lenient: readonly string[] = [],
): UcwaErrorParameter[] {
  const operation = catalogEntry(rel)?.operations[method as 'GET'];
  if (operation === undefined) return [];
  const out: UcwaErrorParameter[] = [];
  for (const param of operation.query) {
    if (param.required && !query.has(param.name)) out.push({ name: param.name, value: '' });
  }
  const properties = input?.properties ?? {};
  const links = input?.links ?? {};
  const present = (name: string): boolean =>
    Object.keys(properties).some((k) => k.toLowerCase() === name.toLowerCase()) ||
    Object.hasOwn(links, name) ||
    query.has(name);
  for (const param of operation.body) {
    if (param.required && !present(param.name) && !lenient.includes(param.name)) {
      out.push({ name: param.name, value: '' });
      continue;
    }
    const allowed = enumValues(param.enum);
    const value = Object.hasOwn(properties, param.name) ? properties[param.name] : undefined;
    if (allowed !== undefined && value !== undefined && badEnum(value, allowed)) {
      out.push({ name: param.name, value: String(value) });
    }
  }
  return out;
}
