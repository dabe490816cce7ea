/** The longest pattern or substring a fault rule may give. */
export const MAX_PATTERN_LENGTH = 512;

const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A path pattern as a regular expression that runs in linear time: `*` matches within one
 * segment, `**` across segments, everything else literally (`/ucwa/**\/events`). No
 * alternation or nested repetition can be written, so no pattern can stall a request.
 * Throws a `TypeError` for a pattern that is too long or is no path.
 *
 * @example
 * ```ts
 * pathPattern('/ucwa/oauth/v1/applications/*\/events').test('/ucwa/oauth/v1/applications/12/events'); // true
 * ```
 */
export function pathPattern(pattern: string): RegExp {
  if (pattern.length > MAX_PATTERN_LENGTH)
    throw new TypeError(`pathPattern is longer than ${MAX_PATTERN_LENGTH} characters`);
  if (!pattern.startsWith('/')) throw new TypeError('pathPattern must start with "/"');
  if (/\*{3,}/.test(pattern)) throw new TypeError('pathPattern allows only * and **');
  const source = pattern
    .split('**')
    .map((part) => part.split('*').map(literal).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i');
}
