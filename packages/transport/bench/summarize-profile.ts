// Summarizes a .cpuprofile of profile-get.ts: self time per module (the bundle's modules
// told apart by esbuild's `// path` comments) and the heaviest functions.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Node {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  readonly nodes: Node[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

const file = process.argv[2];
if (file === undefined) throw new TypeError('usage: summarize-profile.ts <file.cpuprofile>');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const modulesOf = new Map<string, { line: number; name: string }[]>();
function moduleAt(url: string, line: number): string {
  if (!url.endsWith('transport.mjs')) {
    if (url.startsWith('node:')) return url.replace(/^node:internal\/deps\//, 'node:');
    return url === '' ? '(native)' : basename(url);
  }
  let marks = modulesOf.get(url);
  if (marks === undefined) {
    marks = [];
    readFileSync(fileURLToPath(url), 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const path = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(text)?.[1];
        if (path !== undefined) marks?.push({ line: index, name: path });
      });
    modulesOf.set(url, marks);
  }
  let name = '(bundle)';
  for (const mark of marks) if (mark.line <= line) name = mark.name;
  return name.replace(/^.*node_modules\/\.pnpm\/([^/]+)\/.*$/, '$1').replace(/^(\.\.\/)+/, '');
}

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfByModule = new Map<string, number>();
const selfByFunction = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, index) => {
  const node = byId.get(id);
  const dt = profile.timeDeltas[index] ?? 0;
  if (node === undefined) return;
  const { functionName, url, lineNumber } = node.callFrame;
  if (functionName === '(idle)' || functionName === '(program)') return;
  total += dt;
  const module = moduleAt(url, lineNumber);
  selfByModule.set(module, (selfByModule.get(module) ?? 0) + dt);
  const key = `${functionName || '(anonymous)'} ${module}:${lineNumber + 1}`;
  selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + dt);
});

const top = (map: Map<string, number>, n: number) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`)
    .join('\n');
console.log(
  `busy time ${(total / 1000).toFixed(0)} ms\n\nself time by module:\n${top(selfByModule, 20)}`,
);
console.log(`\nheaviest functions:\n${top(selfByFunction, Number(process.argv[3] ?? 30))}`);
