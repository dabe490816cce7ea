// Named, conservative repairs of conversion damage in example bodies.
// Each function returns the new text and whether it changed anything; callers record the name.

export interface RepairStep {
  text: string;
  changed: boolean;
}

const NAMED: Record<string, string> = {
  quot: '"',
  lt: '<',
  gt: '>',
  amp: '&',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes one level of HTML entity escaping (`&quot;`, `&lt;`, `&amp;`, `&#39;`, ...). */
export function decodeHtmlEntities(text: string): RepairStep {
  const out = text.replace(/&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return NAMED[ref] ?? whole;
  });
  return { text: out, changed: out !== text };
}

/** JSON text whose string literals all look HTML-escaped (`&quot;` where quotes belong). */
export function looksEntityEscapedJson(text: string): boolean {
  return /&quot;/.test(text);
}

/** XML text that is entity-escaped as a whole (`&lt;?xml ...`, `&lt;input ...`). */
export function looksEntityEscapedXml(text: string): boolean {
  return /^\s*&lt;[?A-Za-z!]/.test(text);
}

/**
 * Visits every JSON string literal (between unescaped double quotes) and lets `fix`
 * rewrite its raw inner text. Works on damaged JSON too (it never needs a full parse).
 */
function mapJsonStrings(text: string, fix: (inner: string) => string): RepairStep {
  let out = '';
  let i = 0;
  let changed = false;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c !== '"') {
      out += c;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && text.charAt(j) !== '"') j += text.charAt(j) === '\\' ? 2 : 1;
    const inner = text.slice(i + 1, Math.min(j, text.length));
    const fixed = fix(inner);
    if (fixed !== inner) changed = true;
    out += `"${fixed}"`;
    i = j + 1;
  }
  return { text: out, changed };
}

/** A raw line break inside a JSON string (never valid JSON): join the pieces, dropping the indentation. */
export function joinBrokenStringLines(text: string): RepairStep {
  return mapJsonStrings(text, (inner) =>
    inner.includes('\n') ? inner.replace(/[ \t]*\r?\n[ \t]*/g, '') : inner,
  );
}

const URI_SCHEME_DAMAGE = /^(\\")?(sips?|tel|data|https?|mailto|urn|im|pres|conf) : /;

/**
 * `"sip : john@contoso.com"`, `"data : text/plain;base64,..."`, `"https : //..."`: a URI whose
 * colons got spaces around them. Only strings that start with such a damaged URI scheme are
 * touched; inside them every " : " is turned back into ":". Prose-like values are left alone.
 */
export function fixSpacesAroundColon(text: string): RepairStep {
  return mapJsonStrings(text, (inner) =>
    URI_SCHEME_DAMAGE.test(inner) ? inner.replace(/ : /g, ':') : inner,
  );
}
