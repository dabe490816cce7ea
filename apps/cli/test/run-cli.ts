import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI's entry, run from source. */
export const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** How one run of `ucwa` ended. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `ucwa args` as a process with `env` over this one's, stdout and stderr piped; `input`
 * is written to stdin and closes it (no input: stdin is not connected).
 */
export function runCli(
  args: readonly string[],
  env: Record<string, string | undefined>,
  input?: string,
): Promise<Run> {
  const child = spawn(process.execPath, ['--conditions=@ucwa/source', MAIN, ...args], {
    env: { ...process.env, ...env },
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    timeout: 40_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += String(chunk);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += String(chunk);
  });
  if (input !== undefined) child.stdin?.end(input);
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr })),
  );
}
