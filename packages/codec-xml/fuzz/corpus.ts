import type { readFileSync as ReadFileSync } from 'node:fs';

interface Example {
  readonly format: string;
  readonly body: string | null;
  readonly opaque?: boolean;
}

/**
 * Valid documents to mutate: every XML example body of the spec, the event channel
 * sample and an error body. `read` is `readFileSync`, passed in so this file stays free
 * of side effects.
 */
export function corpus(read: typeof ReadFileSync): string[] {
  const spec = JSON.parse(
    read(new URL('../../model/spec/ucwa-2.0.json', import.meta.url), 'utf8'),
  ) as {
    resources: { [name: string]: { operations: { [method: string]: { examples: Example[] } } } };
  };
  const out: string[] = [];
  for (const resource of Object.values(spec.resources)) {
    for (const operation of Object.values(resource.operations)) {
      for (const example of operation.examples) {
        if (example.format === 'xml' && example.body !== null && example.opaque !== true)
          out.push(example.body);
      }
    }
  }
  out.push(read(new URL('../test/fixtures/event-channel-sample.xml', import.meta.url), 'utf8'));
  out.push(
    '<reason><code>Conflict</code><subcode>AlreadyExists</subcode><message> m </message><parameters><property name="to">x</property></parameters></reason>',
  );
  return out;
}
