import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../src/cli-args.ts';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

describe('ucwa-emulator CLI', () => {
  it('prints its URL once listening and stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--conditions=@ucwa/source', cli, '--port', '0', '--cors', 'http://a.test'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1] ?? '';
    expect(line).toBe(
      `UCWA emulator listening on ${url}; sign in as alice@contoso.com, bob@contoso.com, carol@contoso.com (password "demo")`,
    );
    const root = await fetch(`${url}/`, { headers: { Accept: 'application/json' } });
    expect(root.status).toBe(200);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  }, 15_000);

  it('prints its usage for --help and exits 0', async () => {
    const child = spawn(process.execPath, ['--conditions=@ucwa/source', cli, '--help'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
    expect(out).toMatch(/^usage: ucwa-emulator/);
    expect(out).toContain('--users');
  }, 15_000);

  it('parses and validates options', () => {
    expect(
      parseCliArgs(['--format-default', 'xml', '--cors', 'http://a,http://b', '--port', '8080']),
    ).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      formatDefault: 'xml',
      cors: ['http://a', 'http://b'],
    });
    expect(() => parseCliArgs(['--port', 'x'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--format-default', 'yaml'])).toThrow(/json or xml/);
    expect(parseCliArgs(['--seed', '42'])).toMatchObject({ seed: 42 });
    expect(() => parseCliArgs(['--seed', 'x'])).toThrow(/--seed/);
  });
});
