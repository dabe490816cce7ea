/**
 * Fuzzed XML documents, deterministic for a seed: mutated valid documents, random
 * XML-ish token soup, entity bombs and tags with huge attribute counts. Shared by
 * test/fuzz.test.ts (a fast fixed run) and fuzz/fuzz.ts (long runs).
 */
import { seededRandom } from '@ucwa/model';

/** A deterministic PRNG, so a failing case can be replayed by seed. */
export const random: (seed: number) => () => number = seededRandom;

const SNIPPETS = [
  '<',
  '>',
  '&',
  '"',
  "'",
  '/',
  '=',
  ' ',
  '\n',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '😀',
  '</resource>',
  '<resource rel="x">',
  '<link rel="a" href="/b"/>',
  '<property name="p">v</property>',
  '<propertyList name="l"><item>1</item></propertyList>',
  '<sender rel="me" href="/me">',
  '</sender>',
  '<added rel="x" href="/x"/>',
  '<reason><code>X</code></reason>',
  '<status>Maybe</status>',
  '<!DOCTYPE x>',
  '<!ENTITY a "b">',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?pi',
  '?>',
  '<!',
  '<!D',
  '&amp;',
  '&lt;',
  '&#0;',
  '&#x110000;',
  '&#65;',
  '&lol;',
  '&#',
  '&amp',
  '__proto__',
  'constructor',
  'prototype',
  ' __proto__="x"',
  ' constructor="y"',
  ' toString="z"',
  '<__proto__>',
  '<constructor/>',
  'name="__proto__"',
  'rel="prototype"',
  '<#text>',
  '<:@>',
  ' xsi:nil="true"',
  ' revision="x"',
  ' revision="2"',
  'True',
  'False',
  '2016-02-30T00:00:00Z',
];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function int(next: () => number, max: number): number {
  return Math.floor(next() * max);
}

/** One random edit of a valid document. */
export function mutate(next: () => number, text: string): string {
  let out = text;
  const edits = 1 + int(next, 4);
  for (let e = 0; e < edits; e++) {
    const at = int(next, out.length + 1);
    const kind = int(next, 6);
    if (kind === 0) out = out.slice(0, at) + pick(next, SNIPPETS) + out.slice(at);
    else if (kind === 1) out = out.slice(0, at) + out.slice(at + 1 + int(next, 40));
    else if (kind === 2) out = out.slice(0, at);
    else if (kind === 3)
      out =
        out.slice(0, at) +
        out.slice(at, at + int(next, 200)).repeat(1 + int(next, 5)) +
        out.slice(at);
    else if (kind === 4)
      out = out.slice(0, at) + String.fromCharCode(int(next, 0x10000)) + out.slice(at + 1);
    else
      out = out.replace(
        pick(next, ['property', 'link', 'rel=', 'href=', 'name=', '"', '>', 'resource']),
        pick(next, SNIPPETS),
      );
  }
  return out;
}

/** Random XML-ish token soup, sometimes inside a root element. */
export function soup(next: () => number): string {
  let out = next() < 0.5 ? '<resource rel="x">' : '';
  const tokens = int(next, 60);
  for (let i = 0; i < tokens; i++) out += pick(next, SNIPPETS);
  return next() < 0.5 ? `${out}</resource>` : out;
}

/** Billion laughs and friends: with a DTD, without one, and quadratic blow-up attempts. */
export function bomb(next: () => number): string {
  const depth = 1 + int(next, 10);
  const entities = Array.from(
    { length: depth },
    (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
  ).join('');
  const variants = [
    `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${entities}]><resource rel="x">&lol${depth};</resource>`,
    `<resource rel="x"><property name="p">${`&lol${depth};`.repeat(1 + int(next, 1000))}</property></resource>`,
    `<resource rel="x"><property name="p">${'&amp;'.repeat(1 + int(next, 100_000))}</property></resource>`,
    `<!DOCTYPE r SYSTEM "file:///etc/passwd"><resource rel="x">&xxe;</resource>`,
    `<resource rel="x"><!ENTITY a "${'a'.repeat(int(next, 10_000))}"></resource>`,
  ];
  return pick(next, variants);
}

/** One element with thousands of attributes (duplicates and forbidden names mixed in). */
export function manyAttributes(next: () => number): string {
  const count = 1000 + int(next, 4000);
  let attributes = '';
  for (let i = 0; i < count; i++) attributes += ` a${next() < 0.01 ? 0 : i}="${i}"`;
  if (next() < 0.2) attributes += ' __proto__="x"';
  return `<resource rel="x" href="/x"${attributes}><link rel="y" href="/y"${attributes}/></resource>`;
}

/** The `index`-th fuzzed document for `seed`, built from the valid `corpus`. */
export function fuzzedDocument(corpus: readonly string[], seed: number, index: number): string {
  const next = random(seed * 1_000_003 + index);
  const kind = next();
  if (kind < 0.8) return mutate(next, pick(next, corpus));
  if (kind < 0.95) return soup(next);
  if (kind < 0.99) return bomb(next);
  return manyAttributes(next);
}
