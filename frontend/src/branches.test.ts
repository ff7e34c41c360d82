import { describe, expect, it } from 'vitest';
import { retiredText, sortBranches } from './branches';

describe('sortBranches', () => {
  it('puts Rawhide first, then Fedora and EPEL newest first, then the rest', () => {
    expect(sortBranches(['epel9', 'f41', 'eln', 'f43', 'rawhide', 'epel10', 'f42'])).toEqual([
      'rawhide', 'f43', 'f42', 'f41', 'epel10', 'epel9', 'eln',
    ]);
  });
  it('compares release numbers as numbers and drops duplicates', () => {
    expect(sortBranches(['f99', 'f100', 'epel10.9', 'epel10.10', 'f99'])).toEqual(['f100', 'f99', 'epel10.10', 'epel10.9']);
  });
  it('leaves the input alone', () => {
    const input = ['f41', 'f42'];
    sortBranches(input);
    expect(input).toEqual(['f41', 'f42']);
  });
});

describe('retiredText', () => {
  it('names the newest branch the package still ships in', () => {
    expect(retiredText(['f41', 'f42'])).toBe('Retired: no longer in Rawhide. Last shipped in f42.');
    expect(retiredText(['f41', 'f43', 'f42'])).toBe('Retired: no longer in Rawhide. Last shipped in f43.');
    expect(retiredText(['epel9'])).toBe('Retired: no longer in Rawhide. Last shipped in epel9.');
  });
  it('says when it ships nowhere', () => {
    expect(retiredText([])).toBe('Retired: no longer shipped in any branch.');
  });
  it('does not claim it left Rawhide when Rawhide is listed', () => {
    expect(retiredText(['rawhide', 'f43'])).toBe('Retired.');
  });
});
