/**
 * Names that could reach `Object.prototype` if used as keys. The contract refuses them
 * as property names, link rels, embedded rels, element and attribute names
 * (docs/codec-contract.md); the same strings as values are ordinary data.
 */
export function isForbiddenName(name: string): boolean {
  return name === '__proto__' || name === 'constructor' || name === 'prototype';
}
