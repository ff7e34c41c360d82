import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';
import type { LiveHandlers } from './live';
import { parseRefresh } from './live';
import { clone, curlEnvelopes, curlMeta } from './test-fixtures';
import { json, mockFetch } from './test-fixtures/mock-fetch';

const NOW = Date.parse('2026-11-25T16:30:12Z');
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function routes(over: Record<string, unknown> = {}) {
  const r: Record<string, any> = { '/api/v1/packages/curl': json(clone(curlMeta)) };
  for (const [c, env] of Object.entries(curlEnvelopes)) r[`/api/v1/packages/curl/${c}`] = json(env);
  return { ...r, ...over };
}

/** A fake event stream: the test pushes events into the page. */
function fakeStream() {
  const subscribed: { pkg: string; handlers: LiveHandlers; closed: boolean }[] = [];
  const subscribe = (pkg: string, handlers: LiveHandlers) => {
    const s = { pkg, handlers, closed: false };
    subscribed.push(s);
    return { close: () => (s.closed = true) };
  };
  return { subscribed, subscribe };
}

let main: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  main = document.createElement('main');
  document.body.replaceChildren(main);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('refresh events', () => {
  it('parses what the API sends and ignores anything else', () => {
    expect(parseRefresh('{"connector":"builds","version":3,"refreshedAt":"2026-11-25T16:30:00Z","status":"ok"}')).toEqual({
      connector: 'builds',
      version: 3,
      refreshedAt: '2026-11-25T16:30:00Z',
      status: 'ok',
    });
    expect(parseRefresh('{"connector":"nope","version":3}')).toBeNull();
    expect(parseRefresh('{"connector":"builds"}')).toBeNull();
    expect(parseRefresh('not json')).toBeNull();
  });
});

describe('package page, live', () => {
  it('updates the shown tab in place when its document is refreshed, with a notice and the new age', async () => {
    const newer = clone(curlEnvelopes.builds);
    newer.version += 1;
    newer.refreshedAt = '2026-11-25T16:30:10Z';
    newer.data.builds[0].nvr = 'curl-8.12.0-1.fc44';
    const { calls } = mockFetch(routes({ '/api/v1/packages/curl/builds': [json(curlEnvelopes.builds), json(newer)] }));
    const live = fakeStream();
    const app = new App(main, { subscribe: live.subscribe });
    await app.show({ page: 'package', name: 'curl', tab: 'builds' });
    expect(live.subscribed.map((s) => s.pkg)).toEqual(['curl']);
    const panel = main.querySelector('.tab-panel')!;
    expect(text(main.querySelector('.header-info .refreshed'))).toBe('Builds refreshed 2 h ago');
    const fetchesBefore = calls.filter((c) => c.endsWith('/builds')).length;

    // An event no newer than what is shown changes nothing.
    live.subscribed[0].handlers.onRefresh({ connector: 'builds', version: curlEnvelopes.builds.version, refreshedAt: '2026-11-25T16:30:10Z', status: 'ok' });
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.filter((c) => c.endsWith('/builds'))).toHaveLength(fetchesBefore);

    live.subscribed[0].handlers.onRefresh({ connector: 'builds', version: newer.version, refreshedAt: newer.refreshedAt, status: 'ok' });
    await vi.waitFor(() => expect(text(panel.querySelector('tbody tr td'))).toBe('curl-8.12.0-1.fc44'));
    // The same panel, no reload, and a polite notice.
    expect(main.querySelector('.tab-panel')).toBe(panel);
    expect(text(main.querySelector('.live-note[role=status]'))).toBe('Builds updated just now.');
    expect(text(main.querySelector('.header-info .refreshed'))).toBe('Builds refreshed 2 s ago');
    expect(calls.filter((c) => c.endsWith('/builds'))).toHaveLength(fetchesBefore + 1);
  });

  it('a refresh of another tab only drops it from memory, to be fetched when shown', async () => {
    const { calls } = mockFetch(routes());
    const live = fakeStream();
    const app = new App(main, { subscribe: live.subscribe });
    await app.show({ page: 'package', name: 'curl', tab: 'builds' });
    await app.show({ page: 'package', name: 'curl', tab: 'files' });
    await app.show({ page: 'package', name: 'curl', tab: 'builds' });
    const builds = () => calls.filter((c) => c.endsWith('/builds')).length;
    const before = builds();
    live.subscribed[0].handlers.onRefresh({ connector: 'files', version: 99, refreshedAt: '2026-11-25T16:30:10Z', status: 'ok' });
    await new Promise((r) => setTimeout(r, 0));
    expect(builds()).toBe(before);
    expect(calls.filter((c) => c.endsWith('/files'))).toHaveLength(1);
    await app.show({ page: 'package', name: 'curl', tab: 'files' });
    expect(calls.filter((c) => c.endsWith('/files'))).toHaveLength(2);
    expect(text(main.querySelector('.live-note'))).toBe('');
  });

  it('the overview refresh updates the header summary', async () => {
    const newer = clone(curlEnvelopes.overview);
    newer.version += 1;
    newer.data.summary = 'A new summary';
    mockFetch(routes({ '/api/v1/packages/curl/overview': [json(curlEnvelopes.overview), json(newer)] }));
    const live = fakeStream();
    await new App(main, { subscribe: live.subscribe }).show({ page: 'package', name: 'curl', tab: 'builds' });
    live.subscribed[0].handlers.onRefresh({ connector: 'overview', version: newer.version, refreshedAt: newer.refreshedAt, status: 'ok' });
    await vi.waitFor(() => expect(text(main.querySelector('.summary'))).toBe('A new summary'));
  });

  it('stops listening when the person leaves the page', async () => {
    mockFetch(routes());
    const live = fakeStream();
    const app = new App(main, { subscribe: live.subscribe });
    await app.show({ page: 'package', name: 'curl', tab: 'overview' });
    expect(live.subscribed[0].closed).toBe(false);
    mockFetch({ '/api/v1/status': json({ packages: 1, bootstrap: { state: 'done', done: 1, total: 1 } }) });
    await app.show({ page: 'home' });
    expect(live.subscribed[0].closed).toBe(true);
  });
});
