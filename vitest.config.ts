import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// One vitest project per workspace package that has a test/ folder. Sibling packages
// resolve to their TypeScript sources through the "@ucwa/source" export condition, so
// a test run needs no build.
// scripts/ (the repository's own check scripts) is a project of its own.
const roots = ['packages', 'tools', 'apps']
  .flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .map((name) => `${dir}/${name}`)
          .filter((root) => existsSync(`${root}/test`))
      : [],
  )
  .concat(existsSync('scripts/test') ? ['scripts'] : []);

function hasTypeTests(root: string): boolean {
  return readdirSync(`${root}/test`, { recursive: true }).some((f) =>
    String(f).endsWith('.test-d.ts'),
  );
}

export default defineConfig({
  resolve: { conditions: ['@ucwa/source'] },
  ssr: { resolve: { conditions: ['@ucwa/source'] } },
  test: {
    projects: roots.map((root) => ({
      extends: true,
      test: {
        name: root.split('/')[1] ?? root,
        root,
        include: ['test/**/*.test.ts'],
        benchmark: { include: ['bench/**/*.bench.ts'] },
        // Only packages with type tests spawn tsc: vitest keeps one incremental
        // build-info file for all projects, so fewer checkers means no stale state.
        typecheck: {
          enabled: hasTypeTests(root),
          include: ['test/**/*.test-d.ts'],
          tsconfig: 'test/tsconfig.json',
        },
      },
    })),
  },
});
