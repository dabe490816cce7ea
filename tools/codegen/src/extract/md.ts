// Minimal markdown reading for the UCWA reference pages: heading tree, pipe tables, fences.

export interface MdSection {
  level: number;
  title: string;
  /** 1-based line number of the heading (0 for the synthetic root) */
  line: number;
  /** content lines that belong directly to this section (before its first sub-heading) */
  lines: string[];
  children: MdSection[];
}

export interface MdTable {
  header: string[];
  rows: string[][];
}

export interface Fence {
  info: string;
  lines: string[];
}

const FENCE = /^\s*```(.*)$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;

export function toLines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/** Builds the heading tree; headings inside fenced blocks are ignored. */
export function parseSections(text: string): MdSection {
  const root: MdSection = { level: 0, title: '', line: 0, lines: [], children: [] };
  const stack: MdSection[] = [root];
  let inFence = false;
  toLines(text).forEach((raw, i) => {
    if (FENCE.test(raw)) inFence = !inFence;
    const m = inFence ? null : HEADING.exec(raw);
    if (m && m[1] !== undefined && m[2] !== undefined) {
      const level = m[1].length;
      const section: MdSection = {
        level,
        title: m[2].trim(),
        line: i + 1,
        lines: [],
        children: [],
      };
      let top = stack[stack.length - 1];
      while (top !== undefined && top.level >= level) {
        stack.pop();
        top = stack[stack.length - 1];
      }
      (top ?? root).children.push(section);
      stack.push(section);
      return;
    }
    const cur = stack[stack.length - 1] ?? root;
    cur.lines.push(raw);
  });
  return root;
}

/** Depth-first search for sections whose title matches (case-insensitive by default). */
export function findSections(root: MdSection, title: string | RegExp): MdSection[] {
  const out: MdSection[] = [];
  const test = (t: string): boolean =>
    typeof title === 'string' ? t.toLowerCase() === title.toLowerCase() : title.test(t);
  const walk = (s: MdSection): void => {
    for (const c of s.children) {
      if (test(c.title)) out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

export function findSection(root: MdSection, title: string | RegExp): MdSection | undefined {
  return findSections(root, title)[0];
}

export function childSection(s: MdSection, title: string): MdSection | undefined {
  return s.children.find((c) => c.title.toLowerCase() === title.toLowerCase());
}

/** Strips the HTML junk (`</p><p>`) and emphasis markers that the conversion left in cells. */
export function cleanCell(cell: string): string {
  return cell
    .replace(/<\/?p\s*>/gi, '')
    .replace(/\*\*/g, '')
    .trim();
}

function splitRow(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|')) t = t.slice(0, -1);
  return t.split('|').map(cleanCell);
}

/** Every pipe table in the given lines (header row + rows, separator row dropped). */
export function parseTables(lines: readonly string[]): MdTable[] {
  const tables: MdTable[] = [];
  let block: string[] = [];
  const flush = (): void => {
    if (block.length >= 2) {
      const [head, ...rest] = block;
      const rows = rest.filter((l) => !/^\s*\|?\s*:?-{3,}/.test(l)).map(splitRow);
      tables.push({ header: splitRow(head ?? ''), rows });
    }
    block = [];
  };
  for (const l of lines) {
    if (l.trim().startsWith('|')) block.push(l);
    else flush();
  }
  flush();
  return tables;
}

/** True when the section says "None" instead of giving a table. */
export function saysNone(lines: readonly string[]): boolean {
  return lines.some((l) => l.trim() === 'None');
}

export function parseFences(lines: readonly string[]): Fence[] {
  const fences: Fence[] = [];
  let cur: Fence | null = null;
  for (const l of lines) {
    const m = FENCE.exec(l);
    if (m) {
      if (cur) {
        fences.push(cur);
        cur = null;
      } else {
        cur = { info: (m[1] ?? '').trim(), lines: [] };
      }
      continue;
    }
    if (cur) cur.lines.push(l);
  }
  if (cur) fences.push(cur);
  return fences;
}

/** `[text](target)` at the start of a cell; tolerates a missing closing parenthesis. */
export function leadingLink(cell: string): { text: string; target: string } | undefined {
  const m = /^\s*\[([^\]]*)\]\(([^)|]*)\)?/.exec(cell);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  return { text: m[1].trim(), target: m[2].trim() };
}

/** All `[text](target)` links in a string. */
export function allLinks(s: string): { text: string; target: string }[] {
  const out: { text: string; target: string }[] = [];
  for (const m of s.matchAll(/\[([^\]]*)\]\(([^)]*)\)/g)) {
    if (m[1] !== undefined && m[2] !== undefined)
      out.push({ text: m[1].trim(), target: m[2].trim() });
  }
  return out;
}
