import { readFileSync } from 'node:fs';

/** The parts of packages/model/spec/ucwa-2.0.json the tests read (tools/codegen/src/extract/types.ts). */
export interface SpecExample {
  readonly kind: 'request' | 'response' | 'event';
  readonly format: 'json' | 'xml';
  readonly body: string | null;
  readonly status: 'verbatim' | 'repaired' | 'unusable';
  readonly opaque?: boolean;
}

interface SpecOperation {
  readonly examples: readonly SpecExample[];
}

interface SpecResource {
  readonly operations: { readonly [method: string]: SpecOperation };
  readonly eventExamples: readonly SpecExample[];
}

interface Spec {
  readonly resources: { readonly [name: string]: SpecResource };
}

/** One example with where it comes from. */
export interface LocatedExample {
  readonly resource: string;
  readonly method: string;
  readonly index: number;
  readonly example: SpecExample;
  readonly body: string;
}

export const spec: Spec = JSON.parse(
  readFileSync(new URL('../../../model/spec/ucwa-2.0.json', import.meta.url), 'utf8'),
) as Spec;

/** Examples with a parsed (not opaque, not unusable) body, in spec order. */
export function examples(filter: (example: SpecExample) => boolean): LocatedExample[] {
  const out: LocatedExample[] = [];
  for (const [resource, spec_] of Object.entries(spec.resources)) {
    for (const [method, operation] of Object.entries(spec_.operations)) {
      operation.examples.forEach((example, index) => {
        if (example.body === null || example.opaque === true || example.status === 'unusable')
          return;
        if (filter(example)) out.push({ resource, method, index, example, body: example.body });
      });
    }
    spec_.eventExamples.forEach((example, index) => {
      if (example.body === null || example.opaque === true || example.status === 'unusable') return;
      if (filter(example))
        out.push({ resource, method: 'EVENT', index, example, body: example.body });
    });
  }
  return out;
}

/** The root element name of an XML document. */
export function xmlRoot(body: string): string {
  return /<([A-Za-z_][\w.:-]*)[\s/>]/.exec(body.replace(/<\?[^>]*\?>/g, ''))?.[1] ?? '';
}

/** The first usable response example of an operation in a format. */
export function responseBody(resource: string, method: string, format: 'json' | 'xml'): string {
  const example = spec.resources[resource]?.operations[method]?.examples.find(
    (e) => e.kind === 'response' && e.format === format && e.body !== null,
  );
  if (example?.body == null) throw new Error(`no ${format} response for ${resource} ${method}`);
  return example.body;
}
