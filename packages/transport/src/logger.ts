/**
 * Where the transport reports what it does. Every entry is safe to keep: URLs are
 * redacted and tokens, passwords and request bodies never appear.
 */
export interface Logger {
  debug?(message: string, data?: Readonly<Record<string, unknown>>): void;
  warn?(message: string, data?: Readonly<Record<string, unknown>>): void;
}

/** The default: log nothing. */
export const silentLogger: Logger = {};
