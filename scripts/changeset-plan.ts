// What `changeset version` should do with a set of changesets, worked out independently of
// changesets from the manifests and this repository's config (updateInternalDependencies
// "patch", internal ranges `workspace:^`): each named package takes its highest bump, and a
// package that depends (dependencies or peerDependencies, not devDependencies) on a bumped
// one takes a patch bump when the new version leaves its `^` range. Used by the release
// rehearsal (scripts/release-check.ts) to check what changesets really did.
import type { Manifest } from './published-packages.ts';

export type Bump = 'major' | 'minor' | 'patch';
const order: readonly Bump[] = ['patch', 'minor', 'major'];

/** The `"@ucwa/x": minor` lines of a changeset file's front matter. */
export function parseChangeset(text: string): Map<string, Bump> {
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
  if (front === undefined) throw new Error('a changeset without front matter');
  const bumps = new Map<string, Bump>();
  for (const line of front.split('\n')) {
    const match = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) bumps.set(match[1], match[2] as Bump);
  }
  return bumps;
}

export function bumpVersion(version: string, bump: Bump): string {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

/**
 * Whether `version` satisfies `^base` (x.y.z versions without pre-release tags): the left-most
 * non-zero part is fixed, so `^1.2.3` is <2.0.0, `^0.2.3` is <0.3.0 and `^0.0.3` is only 0.0.3.
 */
export function inCaretRange(base: string, version: string): boolean {
  const [bMajor = 0, bMinor = 0, bPatch = 0] = base.split('.').map(Number);
  const [vMajor = 0, vMinor = 0, vPatch = 0] = version.split('.').map(Number);
  const atLeast =
    vMajor > bMajor ||
    (vMajor === bMajor && (vMinor > bMinor || (vMinor === bMinor && vPatch >= bPatch)));
  if (!atLeast || vMajor !== bMajor) return false;
  if (bMajor > 0) return true;
  if (bMinor > 0) return vMinor === bMinor;
  return vMinor === 0 && vPatch === bPatch;
}

const higher = (a: Bump | undefined, b: Bump): Bump =>
  a === undefined || order.indexOf(b) > order.indexOf(a) ? b : a;

/** The new version of every package that the changesets bump (directly or as a dependent). */
export function plannedVersions(
  manifests: readonly Manifest[],
  changesets: readonly Map<string, Bump>[],
): Map<string, string> {
  const byName = new Map(manifests.map((m) => [m.name, m]));
  const bumps = new Map<string, Bump>();
  for (const changeset of changesets)
    for (const [name, bump] of changeset) {
      if (!byName.has(name)) throw new Error(`a changeset names ${name}, which is not published`);
      bumps.set(name, higher(bumps.get(name), bump));
    }
  const next = (name: string): string => {
    const m = byName.get(name) as Manifest;
    const bump = bumps.get(name);
    return bump === undefined ? m.version : bumpVersion(m.version, bump);
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of manifests) {
      const ranges = { ...m.dependencies, ...m.peerDependencies };
      for (const [dep, range] of Object.entries(ranges)) {
        const target = byName.get(dep);
        if (target === undefined || !bumps.has(dep)) continue;
        if (range !== 'workspace:^')
          throw new Error(`${m.name} → ${dep}: range ${range} (expected workspace:^)`);
        if (inCaretRange(target.version, next(dep)) || bumps.has(m.name)) continue;
        bumps.set(m.name, 'patch');
        changed = true;
      }
    }
  }
  return new Map([...bumps.keys()].map((name) => [name, next(name)]));
}
