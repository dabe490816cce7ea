import type { UcwaErrorBody } from '@ucwa/model';
import { UCWA_NAMESPACE } from './media-types.ts';
import { writeLink } from './write-properties.ts';
import { attribute, checkEncodableName, escapeText } from './xml-writer.ts';

function element(tag: string, text: string): string {
  return `<${tag}>${escapeText(text)}</${tag}>`;
}

function bag(tag: string, entries: readonly (readonly [string, string])[]): string {
  let out = '';
  for (const [name, value] of entries) {
    checkEncodableName(name);
    out += `<property${attribute('name', name)}>${escapeText(value)}</property>`;
  }
  return `<${tag}>${out}</${tag}>`;
}

/** `<reason>` with its children; `namespace` only on a root element. */
export function writeErrorBody(body: UcwaErrorBody, root: boolean): string {
  let out = element('code', body.code);
  if (body.subcode !== undefined) out += element('subcode', body.subcode);
  if (body.message !== undefined) out += element('message', body.message);
  if (body.link !== undefined) out += writeLink(body.link);
  if (body.parameters !== undefined)
    out += bag(
      'parameters',
      body.parameters.map((p) => [p.name, p.value] as const),
    );
  if (body.debugInfo !== undefined) out += bag('debugInfo', Object.entries(body.debugInfo));
  return `<reason${root ? attribute('xmlns', UCWA_NAMESPACE) : ''}>${out}</reason>`;
}
