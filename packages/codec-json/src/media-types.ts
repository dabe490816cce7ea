/**
 * The media type essences this codec reads and writes (PayloadFormat.md); the first is
 * what it sends. Compare a `Content-Type` header with `matchesMediaType(header,
 * mediaTypes)` from `@ucwa/model`, which ignores case and parameters such as
 * `; charset=utf-8`.
 */
export const mediaTypes = ['application/vnd.microsoft.com.ucwa+json', 'application/json'] as const;
