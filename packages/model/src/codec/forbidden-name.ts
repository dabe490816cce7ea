/**
 * Whether `name` could reach `Object.prototype` when used as a key of a plain object:
 * `__proto__`, `constructor`, `prototype`. Decoders refuse these as property names, link
 * rels, embedded rels and (XML) element or attribute names, and encoders refuse to write
 * them (docs/codec-contract.md); the same strings as values are ordinary data.
 */
export function isForbiddenName(name: string): boolean {
  return name === '__proto__' || name === 'constructor' || name === 'prototype';
}
