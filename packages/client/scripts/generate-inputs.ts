// CLI: node --conditions=@ucwa/source packages/client/scripts/generate-inputs.ts [--check]
// Writes packages/client/src/generated/inputs.ts from the catalog of @ucwa/model; with
// --check it writes nothing and exits 1 when the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalog } from '@ucwa/model';
import { renderInputs } from './render-inputs.ts';

const target = join(dirname(fileURLToPath(import.meta.url)), '../src/generated/inputs.ts');
const text = renderInputs(catalog);
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    console.error(`${target} is stale: run pnpm --filter @ucwa/client generate`);
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
}
