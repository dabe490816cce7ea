import { readFileSync } from 'node:fs';
import { catalog } from '@ucwa/model';
import { describe, expect, it } from 'vitest';
import { renderInputs } from '../scripts/render-inputs.ts';

describe('src/generated/inputs.ts', () => {
  it('is what the generator writes from the current catalog', () => {
    const committed = readFileSync(new URL('../src/generated/inputs.ts', import.meta.url), 'utf8');
    expect(committed).toBe(renderInputs(catalog));
  });

  it('types every POST parameter of the catalog, operationId left to the session', () => {
    const text = renderInputs(catalog);
    expect(text).toContain('readonly supportedModalities?: readonly ModalityType[];');
    expect(text).toMatch(/readonly addVideo: \{[^}]*readonly to: string;/);
    expect(text).not.toMatch(/readonly operationId: string;/);
  });
});
