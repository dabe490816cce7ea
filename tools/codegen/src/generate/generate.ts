// Turns the spec into the files of packages/model/src/generated/.
import type { Spec } from '../extract/types.ts';
import { emitCatalog, emitCodecCatalog } from './emit-catalog.ts';
import { emitEnums, emitResources, emitVocabulary } from './emit-types.ts';
import { mergeRevisions } from './merge.ts';
import { HEADER } from './names.ts';

/** File name -> content, for every generated file. */
export function generateModel(spec: Spec): Map<string, string> {
  const entries = mergeRevisions(spec);
  const files = new Map<string, string>();
  files.set('resources.ts', emitResources(entries, spec));
  files.set('enums.ts', emitEnums(spec));
  files.set('vocabulary.ts', emitVocabulary(entries));
  files.set('codec-catalog.ts', emitCodecCatalog(entries));
  files.set('catalog.ts', emitCatalog(entries));
  files.set(
    'index.ts',
    [
      HEADER('index.ts'),
      "export * from './catalog.ts';",
      "export * from './enums.ts';",
      "export * from './resources.ts';",
      "export * from './vocabulary.ts';",
      '',
    ].join('\n'),
  );
  return files;
}
