// Runs one command for the repository's check scripts: bounded in time, its output
// captured, and a failure turned into an error that carries that output.
import { spawnSync } from 'node:child_process';

export interface RunOptions {
  readonly cwd: string;
  /** Killed after this many ms (default 5 minutes): no step of a check may hang CI. */
  readonly timeout?: number;
  readonly env?: NodeJS.ProcessEnv;
  /** Exit codes that count as success; default `[0]`. */
  readonly ok?: readonly number[];
}

export interface RunResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `cmd args` and returns its exit code and output; throws when it fails or times out. */
export function run(cmd: string, args: readonly string[], options: RunOptions): RunResult {
  const result = spawnSync(cmd, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: options.timeout ?? 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const status = result.status ?? -1;
  const out: RunResult = { status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
  const line = `${cmd} ${args.join(' ')} (in ${options.cwd})`;
  if (result.error !== undefined) throw new Error(`${line}: ${result.error.message}`);
  if (!(options.ok ?? [0]).includes(status)) {
    const tail = `${out.stdout}\n${out.stderr}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(
      `${line} exited with ${status}${result.signal ? ` (${result.signal})` : ''}\n${tail}`,
    );
  }
  return out;
}
