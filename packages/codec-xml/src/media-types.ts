/**
 * The media type essences this codec reads and writes; the first is the one it sends
 * (PayloadFormat.md). Compare a `Content-Type` header with `matchesMediaType` from
 * `@ucwa/model`, which ignores parameters such as `; charset=utf-8`.
 *
 * @example
 * ```ts
 * import { matchesMediaType } from '@ucwa/model';
 * matchesMediaType('application/xml; charset=utf-8', mediaTypes); // true
 * ```
 */
export const mediaTypes: readonly string[] = Object.freeze([
  'application/vnd.microsoft.com.ucwa+xml',
  'application/xml',
]);

/** The namespace every UCWA XML document declares as its default. */
export const UCWA_NAMESPACE = 'http://schemas.microsoft.com/rtc/2012/03/ucwa';

/** The namespace of `xsi:nil`, which marks a `null` property. */
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';
