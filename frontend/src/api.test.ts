import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  getConnector,
  getMeta,
  getStatus,
  packageFromApiUrl,
  parseRetryAfter,
  redirectedSource,
  takeEarly,
  withRetry,
  type Result,
} from './api';
import { binaryOf, json, mockFetch, pending, problem } from './test-fixtures/mock-fetch';
import { curlEnvelopes, curlMeta } from './test-fixtures';

afterEach(() => vi.unstubAllGlobals());

describe('parseRetryAfter', () => {
  it('reads seconds and clamps them to 1..30', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter('0')).toBe(1);
    expect(parseRetryAfter('3600')).toBe(30);
    expect(parseRetryAfter('1.5')).toBe(2);
  });
  it('reads HTTP dates', () => {
    const now = Date.parse('2026-11-25T16:30:00Z');
    expect(parseRetryAfter('Wed, 25 Nov 2026 16:30:05 GMT', now)).toBe(5);
  });
  it('defaults to 2 s when missing or garbage', () => {
    expect(parseRetryAfter(null)).toBe(2);
    expect(parseRetryAfter('soon')).toBe(2);
  });
});

describe('getJson via the API functions', () => {
  it('returns the envelope on 200 and calls the documented path', async () => {
    const { calls } = mockFetch({ '/api/v1/packages/curl/builds': json(curlEnvelopes.builds) });
    const r = await getConnector('curl', 'builds');
    expect(r.kind).toBe('ok');
    if (r.kind === 'ok') expect(r.value.connector).toBe('builds');
    expect(calls).toEqual(['/api/v1/packages/curl/builds']);
  });
  it('encodes package names in the path', async () => {
    const { calls } = mockFetch({});
    await getMeta('libstdc++');
    expect(calls).toEqual(['/api/v1/packages/libstdc%2B%2B']);
  });
  it('maps 202 to pending with Retry-After', async () => {
    mockFetch({ '/api/v1/packages/curl/files': pending('4') });
    expect(await getConnector('curl', 'files')).toEqual({ kind: 'pending', retryAfter: 4 });
  });
  it('maps 404 problem+json to not-found with the problem', async () => {
    mockFetch({ '/api/v1/packages/nope': problem(404, 'No package named nope') });
    const r = await getMeta('nope');
    expect(r.kind).toBe('not-found');
    if (r.kind === 'not-found') expect(r.problem.detail).toBe('No package named nope');
  });
  it('maps 400 and 5xx to errors with the problem detail', async () => {
    mockFetch({ '/api/v1/packages/curl': problem(400, 'bad package name'), '/api/v1/packages/curl/ci': { status: 503 } });
    const bad = await getMeta('curl');
    expect(bad).toMatchObject({ kind: 'error', status: 400, message: 'bad package name' });
    expect(await getConnector('curl', 'ci')).toMatchObject({ kind: 'error', status: 503, message: 'HTTP 503' });
  });
  it('maps network failures to status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    expect(await getMeta('curl')).toMatchObject({ kind: 'error', status: 0 });
  });
});

describe('takeEarly', () => {
  it('hands over a request index.html started, once, and only for its URL', async () => {
    const res = new Response('{}');
    const win = { __fpEarly: { '/api/v1/packages/curl': Promise.resolve(res) } };
    expect(takeEarly('/api/v1/packages/curl/overview', win)).toBeNull();
    expect(await takeEarly('/api/v1/packages/curl', win)).toBe(res);
    expect(takeEarly('/api/v1/packages/curl', win)).toBeNull();
    expect(takeEarly('/api/v1/packages/curl', {})).toBeNull();
  });
  it('getJson uses it instead of asking again', async () => {
    const { calls } = mockFetch({ '/api/v1/packages/curl': json(curlMeta) });
    (globalThis as any).__fpEarly = { '/api/v1/packages/curl': Promise.resolve(new Response(JSON.stringify({ name: 'early' }), { status: 200 })) };
    try {
      expect(await getMeta('curl')).toMatchObject({ kind: 'ok', value: { name: 'early' } });
      expect(calls).toEqual([]);
      expect(await getMeta('curl')).toMatchObject({ kind: 'ok', value: { name: 'curl' } });
      expect(calls).toEqual(['/api/v1/packages/curl']);
    } finally {
      delete (globalThis as any).__fpEarly;
    }
  });
});

describe('withRetry', () => {
  const noSleep = vi.fn(async () => {});
  it('retries while pending, waiting Retry-After seconds, then returns the data', async () => {
    mockFetch({ '/api/v1/packages/curl': [pending('3'), pending('1'), json(curlMeta)] });
    const onPending = vi.fn();
    const r = await withRetry(() => getMeta('curl'), { sleepFn: noSleep, onPending });
    expect(r.kind).toBe('ok');
    expect(noSleep.mock.calls.map((c) => (c as unknown[])[0])).toEqual([3000, 1000]);
    expect(onPending).toHaveBeenCalledTimes(2);
  });
  it('gives up after maxAttempts and returns pending', async () => {
    const { calls } = mockFetch({ '/api/v1/packages/curl': pending('1') });
    const r = await withRetry(() => getMeta('curl'), { sleepFn: async () => {}, maxAttempts: 3 });
    expect(r.kind).toBe('pending');
    expect(calls).toHaveLength(3);
  });
  it('stops when aborted', async () => {
    mockFetch({ '/api/v1/packages/curl': pending('1') });
    const ac = new AbortController();
    const r: Result<unknown> = await withRetry(() => getMeta('curl'), {
      signal: ac.signal,
      sleepFn: async () => ac.abort(),
    });
    expect(r.kind).toBe('aborted');
  });
});

describe('binary package names (308 to the source package)', () => {
  it('reads the package from an API URL', () => {
    const urls: Record<string, string | null> = {
      'http://127.0.0.1:8080/api/v1/packages/vim': 'vim',
      'http://127.0.0.1:8080/api/v1/packages/vim/files': 'vim',
      '/api/v1/packages/libstdc%2B%2B/': 'libstdc++',
      '/api/v1/packages/libstdc++': 'libstdc++',
      '/api/v1/packages?offset=0': null,
      '/api/v1/status': null,
      '/api/v1/packages/a/b/c': null,
      '/api/v1/packages/%E0%A4%A': null,
    };
    for (const [url, name] of Object.entries(urls)) expect(packageFromApiUrl(url), url).toBe(name);
  });

  it('tells the source when fetch followed the redirect, for data and for pending answers', async () => {
    mockFetch({
      '/api/v1/packages/vim-X11': binaryOf('vim', '/api/v1/packages/vim'),
      '/api/v1/packages/vim': json({ name: 'vim', connectors: {} }),
      '/api/v1/packages/vim-X11/files': binaryOf('vim', '/api/v1/packages/vim/files'),
      '/api/v1/packages/vim/files': pending('2'),
    });
    const meta = await getMeta('vim-X11');
    expect(meta.kind === 'ok' && meta.value.name).toBe('vim');
    expect(redirectedSource(meta)).toBe('vim');
    const files = await getConnector('vim-X11', 'files');
    expect(files).toMatchObject({ kind: 'pending', retryAfter: 2 });
    expect(redirectedSource(files)).toBe('vim');
  });

  it('tells nothing without a redirect or for failures', async () => {
    mockFetch({ '/api/v1/packages/curl': json(curlMeta) });
    const r = await getMeta('curl');
    expect(r).not.toHaveProperty('redirectedTo');
    expect(redirectedSource(r)).toBeNull();
    expect(redirectedSource(await getMeta('nope'))).toBeNull();
  });
});

describe('getStatus', () => {
  it('reads /api/v1/status', async () => {
    const status = { packages: 34172, bootstrap: { state: 'running', done: 12400, total: 34172, startedAt: null, finishedAt: null, discoveredAt: null } };
    const { calls } = mockFetch({ '/api/v1/status': json(status) });
    expect(await getStatus()).toEqual({ kind: 'ok', value: status });
    expect(calls).toEqual(['/api/v1/status']);
  });
});
