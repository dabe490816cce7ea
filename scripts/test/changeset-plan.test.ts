import { describe, expect, it } from 'vitest';
import { bumpVersion, inCaretRange, parseChangeset, plannedVersions } from '../changeset-plan.ts';
import type { Manifest } from '../published-packages.ts';

const pkg = (name: string, version: string, deps: Partial<Manifest> = {}): Manifest => ({
  name,
  version,
  ...deps,
});

describe('parseChangeset', () => {
  it('reads the package bumps of the front matter', () => {
    const text = '---\n"@ucwa/model": minor\n\'@ucwa/codec-json\': patch\n---\n\nText.\n';
    expect([...parseChangeset(text)]).toEqual([
      ['@ucwa/model', 'minor'],
      ['@ucwa/codec-json', 'patch'],
    ]);
  });
  it('refuses a file without front matter', () => {
    expect(() => parseChangeset('Text only.\n')).toThrow(/front matter/);
  });
});

describe('inCaretRange', () => {
  it.each([
    ['1.2.3', '1.2.3', true],
    ['1.2.3', '1.9.0', true],
    ['1.2.3', '2.0.0', false],
    ['1.2.3', '1.2.2', false],
    ['0.2.3', '0.2.9', true],
    ['0.2.3', '0.3.0', false],
    ['0.0.1', '0.0.1', true],
    ['0.0.1', '0.0.2', false],
  ])('^%s admits %s: %s', (base, version, admitted) => {
    expect(inCaretRange(base, version)).toBe(admitted);
  });
});

describe('plannedVersions', () => {
  const model = pkg('m', '0.1.0');
  const codec = pkg('c', '0.1.0', { dependencies: { m: 'workspace:^' } });
  const transport = pkg('t', '0.1.0', { dependencies: { c: 'workspace:^', m: 'workspace:^' } });
  const tool = pkg('x', '0.1.0', { devDependencies: { m: 'workspace:^' } });
  const all = [model, codec, transport, tool];

  it('bumps a patch alone while it stays inside every range', () => {
    expect([...plannedVersions(all, [new Map([['m', 'patch']])])]).toEqual([['m', '0.1.1']]);
  });
  it('bumps the dependents, through dependencies only, when a minor leaves their range', () => {
    expect(Object.fromEntries(plannedVersions(all, [new Map([['m', 'minor']])]))).toEqual({
      m: '0.2.0',
      c: '0.1.1',
      t: '0.1.1',
    });
  });
  it('takes the highest bump a package is given', () => {
    const plan = plannedVersions(all, [new Map([['c', 'patch']]), new Map([['c', 'major']])]);
    expect(plan.get('c')).toBe('1.0.0');
  });
  it('cascades a patch at 0.0.x, where ^0.0.1 admits 0.0.1 alone', () => {
    const early = [pkg('e', '0.0.1'), pkg('k', '0.0.1', { dependencies: { e: 'workspace:^' } })];
    expect(Object.fromEntries(plannedVersions(early, [new Map([['e', 'patch']])]))).toEqual({
      e: '0.0.2',
      k: '0.0.2',
    });
  });
  it('refuses a changeset for a package that is not published', () => {
    expect(() => plannedVersions(all, [new Map([['nope', 'patch']])])).toThrow(/not published/);
  });
  it('bumps versions by kind', () => {
    expect([bumpVersion('1.2.3', 'patch'), bumpVersion('1.2.3', 'minor')]).toEqual([
      '1.2.4',
      '1.3.0',
    ]);
    expect(bumpVersion('1.2.3', 'major')).toBe('2.0.0');
  });
});
