import { readFileSync } from 'node:fs';

/** The parts of packages/model/spec/ucwa-2.0.json these tests read (tools/codegen/src/extract/types.ts). */
interface SpecExample {
  readonly kind: 'request' | 'response' | 'event';
  readonly format: 'json' | 'xml';
  readonly body: string | null;
  readonly status: 'verbatim' | 'repaired' | 'unusable';
  readonly opaque?: boolean;
}

interface Spec {
  readonly resources: {
    readonly [name: string]: {
      readonly operations: {
        readonly [method: string]: { readonly examples: readonly SpecExample[] };
      };
      readonly eventExamples: readonly SpecExample[];
    };
  };
}

/** One usable JSON example body, named for test titles. */
export interface JsonExample {
  readonly name: string;
  readonly resource: string;
  readonly method: string | undefined;
  readonly kind: SpecExample['kind'];
  readonly body: string;
}

export const spec: Spec = JSON.parse(
  readFileSync(new URL('../../model/spec/ucwa-2.0.json', import.meta.url), 'utf8'),
);

function usable(example: SpecExample): example is SpecExample & { body: string } {
  return (
    example.format === 'json' &&
    example.body !== null &&
    example.opaque !== true &&
    (example.status === 'verbatim' || example.status === 'repaired')
  );
}

/** Every usable JSON example in the spec, in spec order. */
export const jsonExamples: readonly JsonExample[] = Object.entries(spec.resources).flatMap(
  ([resource, spec]) => [
    ...Object.entries(spec.operations).flatMap(([method, operation]) =>
      operation.examples.filter(usable).map((example, index) => ({
        name: `${resource} ${method} ${example.kind} #${index}`,
        resource,
        method,
        kind: example.kind,
        body: example.body,
      })),
    ),
    ...spec.eventExamples.filter(usable).map((example, index) => ({
      name: `${resource} event #${index}`,
      resource,
      method: undefined,
      kind: example.kind,
      body: example.body,
    })),
  ],
);

export const responseExamples = jsonExamples.filter((e) => e.kind === 'response');
export const eventExamples = jsonExamples.filter((e) => e.kind === 'event');
/** POST and PUT request bodies. */
export const inputExamples = jsonExamples.filter(
  (e) => e.kind === 'request' && (e.method === 'POST' || e.method === 'PUT'),
);

/** The first JSON response body of `resource`'s `method`. */
export function responseBody(resource: string, method: string): string {
  const found = responseExamples.find((e) => e.resource === resource && e.method === method);
  if (found === undefined) throw new Error(`no JSON ${method} response example for ${resource}`);
  return found.body;
}
