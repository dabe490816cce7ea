// The demo until the sample web app exists: loads the published build of @ucwa/model
// and prints what the catalog generated from the UCWA 2.0 reference holds.
import { type CatalogResource, catalog, enumerations, findLinks, type Rel } from '@ucwa/model';

const rels = Object.keys(catalog) as Rel[];
const entries: [Rel, CatalogResource][] = rels.map((rel) => [rel, catalog[rel]]);
const count = (pick: (r: CatalogResource) => number): number =>
  entries.reduce((sum, [, r]) => sum + pick(r), 0);

const methods = new Map<string, number>();
const events = new Map<string, number>();
for (const [, r] of entries) {
  for (const m of Object.keys(r.operations)) methods.set(m, (methods.get(m) ?? 0) + 1);
  for (const e of r.events) events.set(e.type, (events.get(e.type) ?? 0) + 1);
}
const fmt = (m: Map<string, number>): string => [...m].map(([k, v]) => `${k} ${v}`).join(', ');

console.log('UCWA 2.0 catalog (@ucwa/model, generated from the reference)');
console.log(`  rels:          ${rels.length} (pages: ${count((r) => r.pages.length)})`);
console.log(`  enumerations:  ${Object.keys(enumerations).length}`);
console.log(`  properties:    ${count((r) => Object.keys(r.properties).length)}`);
console.log(`  links:         ${count((r) => Object.keys(r.links).length)}`);
console.log(`  operations:    ${fmt(methods)}`);
console.log(`  events:        ${fmt(events)}`);
console.log(
  `  PUT resources: ${entries
    .filter(([, r]) => r.put)
    .map(([rel]) => rel)
    .join(', ')}`,
);
console.log(
  `  operation resources: ${entries
    .filter(([, r]) => r.operationResource)
    .map(([rel]) => rel)
    .join(', ')}`,
);

const av = catalog.audioVideo;
console.log('\naudioVideo');
for (const [name, p] of Object.entries(av.properties)) {
  console.log(`  property ${name}: ${p.type}${p.enum === undefined ? '' : ` (${p.enum})`}`);
}
console.log(`  links: ${Object.keys(av.links).join(', ')}`);
for (const e of av.events) console.log(`  event ${e.type} (${e.priority}) from ${e.sender}`);
for (const e of av.operations.GET?.errors ?? []) {
  console.log(`  GET error ${e.status} ${e.error}/${e.subcode}`);
}

// The helpers work on decoded resources; here on a hand-made one.
const sample = {
  rel: 'audioVideo',
  href: '/ucwa/v1/applications/192/communication/conversations/137/audioVideo',
  properties: {},
  links: { stopAudio: { rel: 'stopAudio', href: '/ucwa/v1/.../stopAudio' } },
  embedded: {},
};
console.log(`  sample resource can stopAudio: ${findLinks(sample, 'stopAudio').length === 1}`);
