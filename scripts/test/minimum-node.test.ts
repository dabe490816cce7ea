import { expect, it } from 'vitest';
import { minimumVersion } from '../minimum-node.ts';

it('reads the oldest version an engines range admits', () => {
  expect(minimumVersion('>=22.12')).toBe('22.12.0');
  expect(minimumVersion('>= 20.19.1')).toBe('20.19.1');
  expect(() => minimumVersion('^22.12.0 || >=24')).toThrow(/not of the form/);
});
