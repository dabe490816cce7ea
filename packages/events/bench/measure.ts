import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * Runs a measurement script of this folder in a plain Node process (not the test
 * runner's), and returns the JSON of its last output line.
 */
export async function runMeasurement(script: string, ...args: string[]): Promise<unknown> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '--conditions=@ucwa/source', path, ...args],
    { maxBuffer: 16 * 1024 * 1024, timeout: 900_000 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null');
}
