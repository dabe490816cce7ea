import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's package manager (a system tool, not a dependency of the workspace). */
const APT_GET = '/usr/bin/apt-get';
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function which(): string | undefined {
  const fromEnv = process.env.UCWA_CHROMIUM;
  if (fromEnv !== undefined && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * Debian's Chromium (or the browser at `UCWA_CHROMIUM`; `none` for no browser), installed
 * with apt-get when missing and allowed (root, apt-get present). Either the path of the
 * browser, or why there is none.
 */
export function findChromium(): { readonly path: string } | { readonly skip: string } {
  if (process.env.UCWA_CHROMIUM === 'none')
    return { skip: 'UCWA_CHROMIUM=none: no browser wanted' };
  const found = which();
  if (found !== undefined) return { path: found };
  if (process.getuid?.() !== 0 || !existsSync(APT_GET)) {
    return {
      skip: 'no Chromium found and apt-get cannot install it here (not root or no apt-get)',
    };
  }
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync(APT_GET, ['update'], { stdio: 'ignore', env, timeout: 300_000 });
    execFileSync(APT_GET, ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'ignore',
      env,
      timeout: 600_000,
    });
  } catch (error) {
    return { skip: `no Chromium found and installing it failed: ${String(error)}` };
  }
  const installed = which();
  return installed !== undefined
    ? { path: installed }
    : { skip: 'apt-get installed chromium but no browser binary was found' };
}
