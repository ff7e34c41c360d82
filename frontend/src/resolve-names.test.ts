import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from './api';
import { MAX_REQUESTS, batches, forgetResolved, resolveNames } from './resolve-names';
import type { Resolved } from './types';

/** Answers like the API: every asked name, resolved to `pkg-<name>` unless it starts with "no". */
const answering = () =>
  vi.fn(async (names: readonly string[]): Promise<Result<Resolved>> => ({
    kind: 'ok',
    value: { items: names.map((name) => ({ name, binary: name.startsWith('no') ? null : name, package: name.startsWith('no') ? null : `pkg-${name}` })) },
  }));

beforeEach(() => forgetResolved());

describe('resolving dependency names', () => {
  it('asks in batches of at most 100 names and a bounded query length', () => {
    const names = Array.from({ length: 250 }, (_, i) => `n${i}`);
    expect(batches(names).map((b) => b.length)).toEqual([100, 100, 50]);
    const long = Array.from({ length: 100 }, (_, i) => `perl(ExtUtils::MakeMaker::Module${i})`);
    const parts = batches(long);
    expect(parts.length).toBeGreaterThan(1);
    for (const b of parts) expect(b.map(encodeURIComponent).join(',').length).toBeLessThanOrEqual(3000);
    expect(parts.flat()).toEqual(long);
  });

  it('maps the names that resolve, once each, and asks at most a few requests', async () => {
    const call = answering();
    const names = Array.from({ length: 1000 }, (_, i) => `n${i}`);
    const found = await resolveNames(['no-such', 'a', 'a', ...names], undefined, call);
    expect(call).toHaveBeenCalledTimes(MAX_REQUESTS);
    expect(call.mock.calls[0][0].slice(0, 3)).toEqual(['no-such', 'a', 'n0']);
    expect(found.get('a')).toBe('pkg-a');
    expect(found.has('no-such')).toBe(false);
    expect(found.has('n999')).toBe(false);
    // Known answers (also "no package") are not asked again.
    const again = answering();
    expect((await resolveNames(['a', 'no-such'], undefined, again)).get('a')).toBe('pkg-a');
    expect(again).not.toHaveBeenCalled();
  });

  it('stops at the first failing request and keeps what it has: an older API costs one request', async () => {
    for (const failure of [
      { kind: 'not-found', problem: { status: 404 } },
      { kind: 'error', status: 400, message: 'bad', problem: null },
      { kind: 'error', status: 503, message: 'down', problem: null },
      { kind: 'ok', value: { unexpected: true } },
    ] as Result<Resolved>[]) {
      forgetResolved();
      const call = vi.fn(async () => failure);
      const found = await resolveNames(Array.from({ length: 300 }, (_, i) => `n${i}`), undefined, call);
      expect(found.size).toBe(0);
      expect(call).toHaveBeenCalledTimes(1);
    }
  });

  it('leaves out names with a comma (they cannot be sent in names=a,b) and empty ones', async () => {
    const call = answering();
    await resolveNames(['a,b', '', 'c'], undefined, call);
    expect(call.mock.calls[0][0]).toEqual(['c']);
  });
});
