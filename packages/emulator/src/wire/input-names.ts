import { catalog } from '@ucwa/model';
import type { InputBody } from './codec.ts';

/** Names clients send that the catalog has no body parameter for. */
const EXTRA = ['endpointId', 'instanceId', 'operationId'];

let canonical: Map<string, string> | undefined;

/** Lower-cased name → the reference's spelling: body parameters first, then properties. */
function names(): Map<string, string> {
  if (canonical !== undefined) return canonical;
  const map = new Map<string, string>();
  const add = (name: string): void => {
    const key = name.toLowerCase();
    if (!map.has(key)) map.set(key, name);
  };
  const entries = Object.values(catalog);
  for (const entry of entries) {
    for (const operation of Object.values(entry.operations)) {
      for (const param of operation?.body ?? []) add(param.name);
    }
  }
  for (const name of EXTRA) add(name);
  for (const entry of entries) for (const name of Object.keys(entry.properties)) add(name);
  canonical = map;
  return map;
}

/**
 * The one rule for input property names: a real server reads them without regard to
 * case, so `SupportedModalities`, `supportedModalities` and `supportedmodalities` all
 * become the reference's spelling. Names the reference does not know stay as sent (the
 * random "please pass this in a PUT request" property, say).
 */
export function canonicalInput(input: InputBody): InputBody {
  const known = names();
  const properties: Record<string, InputBody['properties'][string]> = {};
  for (const [name, value] of Object.entries(input.properties)) {
    properties[known.get(name.toLowerCase()) ?? name] = value;
  }
  return { properties, links: input.links };
}
