// Enumeration pages: `## Members` table names only.

import { findSection, parseSections, parseTables } from './md.ts';
import type { EnumSpec, Finding } from './types.ts';

export function readEnumPage(file: string, text: string, findings: Finding[]): EnumSpec {
  const members = findSection(parseSections(text), 'Members');
  const table = members ? parseTables(members.lines)[0] : undefined;
  if (!table) findings.push({ page: file, what: 'no Members table' });
  const values = (table?.rows ?? []).map((r) => (r[0] ?? '').trim()).filter((v) => v !== '');
  for (const v of values) {
    if (!/^[A-Za-z0-9]+$/.test(v))
      findings.push({ page: file, what: `unusual member name "${v}"` });
  }
  return { page: file, values };
}
