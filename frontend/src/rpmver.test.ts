import { describe, expect, it } from 'vitest';
import { newest, rpmvercmp } from './rpmver';

describe('rpmvercmp', () => {
  const cases: [string, string, number][] = [
    ['1.0', '1.0', 0],
    ['1.10', '1.9', 1],
    ['1.0', '1.0.1', -1],
    ['1.0~rc1', '1.0', -1],
    ['1.0~rc1', '1.0~rc2', -1],
    ['1.0^git1', '1.0', 1],
    ['1.0^git1', '1.0.1', -1],
    ['2a', '2.0', -1],
    ['1.001', '1.1', 0],
    ['8.11.1', '8.22.0~rc2', -1],
    ['7.2', '7.2.4', -1],
    ['5.3.1', '5.3.1', 0],
  ];
  it.each(cases)('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(rpmvercmp(a, b))).toBe(sign);
    expect(Math.sign(rpmvercmp(b, a))).toBe(sign === 0 ? 0 : -sign);
  });
  it('picks the newest, ignoring missing values', () => {
    expect(newest(['1.9', null, '1.10', undefined, '1.2'])).toBe('1.10');
    expect(newest([null])).toBeNull();
  });
});
