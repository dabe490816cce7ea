import { createRequire } from 'node:module';

type Undici = typeof import('undici');

/**
 * Loads undici, an optional peer dependency: only this entry needs it. When it is not
 * installed, the error says so and how to add it (`cause` is the loader's error).
 */
export function loadUndici(load: (id: string) => unknown = createRequire(import.meta.url)): Undici {
  try {
    return load('undici') as Undici;
  } catch (cause) {
    const code = (cause as { code?: unknown } | null)?.code;
    if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') throw cause;
    throw new Error(
      '@ucwa/transport/node needs the package undici (an optional peer dependency of @ucwa/transport): install it with `npm install undici@^7.16.0`',
      { cause },
    );
  }
}
