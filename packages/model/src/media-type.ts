import { UcwaDecodeError } from './decode-error.ts';

/** A parsed `Content-Type` / media type (RFC 9110 §8.3.1). */
export interface MediaType {
  /** `type/subtype`, lower-cased, e.g. `application/vnd.microsoft.com.ucwa+json`. */
  readonly essence: string;
  readonly type: string;
  readonly subtype: string;
  /** Parameter names lower-cased; values unquoted. */
  readonly parameters: Readonly<Record<string, string>>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Parses a media type; throws {@link UcwaDecodeError} when it is not one. */
export function parseMediaType(text: string): MediaType {
  const fail = (why: string): never => {
    throw new UcwaDecodeError(`invalid media type ${JSON.stringify(text)}: ${why}`, {
      problem: 'content-type',
      format: 'media-type',
    });
  };
  const semi = text.indexOf(';');
  const essence = (semi === -1 ? text : text.slice(0, semi)).trim().toLowerCase();
  const slash = essence.indexOf('/');
  const type = essence.slice(0, slash);
  const subtype = essence.slice(slash + 1);
  if (slash === -1 || !TOKEN.test(type) || !TOKEN.test(subtype)) fail('expected type/subtype');
  const parameters: Record<string, string> = Object.create(null);
  let rest = semi === -1 ? '' : text.slice(semi + 1);
  while (rest.trim() !== '') {
    const match = /^\s*([^=;\s]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*?)\s*(?:;|$)/.exec(rest);
    if (match === null) {
      fail(`bad parameter near ${JSON.stringify(rest.trim())}`);
      break;
    }
    const name = (match[1] ?? '').toLowerCase();
    let value = match[2] ?? '';
    if (value.startsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
    if (!TOKEN.test(name)) fail(`bad parameter name ${JSON.stringify(name)}`);
    if (!Object.hasOwn(parameters, name)) parameters[name] = value;
    rest = rest.slice(match[0].length);
  }
  return { essence, type, subtype, parameters };
}

/**
 * Whether a `Content-Type` header names one of `essences` (compared without
 * parameters and case). A header that does not parse matches nothing.
 */
export function matchesMediaType(header: string, essences: readonly string[]): boolean {
  let essence: string;
  try {
    essence = parseMediaType(header).essence;
  } catch {
    return false;
  }
  return essences.includes(essence);
}
