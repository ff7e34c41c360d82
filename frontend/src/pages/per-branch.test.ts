// The package page with per-branch documents (issues 9/10): the branch picker on Dependencies,
// Files and Changelog, the branch in the URL, live updates of the chosen branch, and dependency
// links resolved to their packages — against fixture documents in the new shape, and today's.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app';
import type { LiveHandlers } from '../live';
import { forgetResolved } from '../resolve-names';
import { Router } from '../router';
import { clone, curlBranched, curlEnvelopes, curlMeta, curlResolved } from '../test-fixtures';
import { json, mockFetch, problem } from '../test-fixtures/mock-fetch';

const NOW = Date.parse('2026-11-25T16:30:12Z');
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function routes(over: Record<string, unknown> = {}) {
  const r: Record<string, any> = { '/api/v1/packages/curl': json(clone(curlMeta)) };
  for (const [c, env] of Object.entries(curlEnvelopes)) r[`/api/v1/packages/curl/${c}`] = json(env);
  r['/api/v1/packages/curl/files'] = json(curlBranched.files);
  r['/api/v1/packages/curl/files?branch=rawhide'] = json(curlBranched.files);
  r['/api/v1/packages/curl/files?branch=f43'] = json(curlBranched.filesF43);
  r['/api/v1/packages/curl/files?branch=epel9'] = problem(404, 'curl is not on epel9');
  return { ...r, ...over };
}

let main: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  main = document.createElement('main');
  document.body.replaceChildren(main);
  forgetResolved();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const current = () => text(main.querySelector('.branch-picker a[aria-current=page]'));
const files = () => [...main.querySelectorAll('.file-tree .file')].map((li) => li.textContent);
const tabHref = (tab: string) => main.querySelector(`nav.tabs a[data-tab=${tab}]`)!.getAttribute('href');

describe('branch picker on the package page', () => {
  it('shows the default branch, then the chosen one from the URL, asking the API for that branch', async () => {
    const { calls } = mockFetch(routes());
    const app = new App(main);
    await app.show({ page: 'package', name: 'curl', tab: 'files' });
    expect(current()).toBe('Rawhide');
    expect(files()).not.toContain('curl-config-f43');
    await app.show({ page: 'package', name: 'curl', tab: 'files', branch: 'f43' });
    expect(current()).toBe('Fedora 43');
    expect(files()).toContain('curl-config-f43');
    expect(calls).toContain('/api/v1/packages/curl/files?branch=f43');
    expect(main.querySelector('.tab-panel')!.getAttribute('aria-busy')).toBe('false');
  });

  it('gives the chosen branch’s version in the header beside the overview’s, and only then', async () => {
    mockFetch(routes());
    const app = new App(main);
    await app.show({ page: 'package', name: 'curl', tab: 'files', branch: 'f43' });
    await vi.waitFor(() => expect(text(main.querySelector('.branch-version'))).toBe('8.11.0-2.fc43 in f43'));
    expect(text(main.querySelector('.header-info .branch'))).toBe('in rawhide');
    await app.show({ page: 'package', name: 'curl', tab: 'files', branch: 'rawhide' });
    await vi.waitFor(() => expect(text(main.querySelector('.branch-version'))).toBe(''));
    await app.show({ page: 'package', name: 'curl', tab: 'builds' });
    expect(text(main.querySelector('.branch-version'))).toBe('');
  });

  it('keeps the chosen branch in the per-branch tabs’ links while other tabs are visited', async () => {
    mockFetch(routes());
    const app = new App(main);
    await app.show({ page: 'package', name: 'curl', tab: 'files', branch: 'f43' });
    await app.show({ page: 'package', name: 'curl', tab: 'builds' });
    expect(tabHref('files')).toBe('/packages/curl/files?branch=f43');
    expect(tabHref('changelog')).toBe('/packages/curl/changelog?branch=f43');
    expect(tabHref('builds')).toBe('/packages/curl/builds');
    // Files without ?branch= (its newest branch) forgets the choice.
    await app.show({ page: 'package', name: 'curl', tab: 'files' });
    expect(current()).toBe('Rawhide');
    expect(tabHref('changelog')).toBe('/packages/curl/changelog');
  });

  it('a picked branch goes in the address; Back returns to the branch before', async () => {
    window.history.replaceState(null, '', '/packages/curl/files');
    mockFetch(routes());
    const app = new App(main);
    let shown: Promise<void> = Promise.resolve();
    const router = new Router((route, nav) => (shown = app.show(route, nav)));
    router.start();
    try {
      await shown;
      expect(current()).toBe('Rawhide');
      main.querySelector<HTMLAnchorElement>('.branch-picker a[data-branch=f43]')!.click();
      expect(window.location.pathname + window.location.search).toBe('/packages/curl/files?branch=f43');
      await shown;
      expect(current()).toBe('Fedora 43');
      const back = new Promise((r) => window.addEventListener('popstate', r, { once: true }));
      window.history.back();
      await back;
      await shown;
      expect(window.location.search).toBe('');
      expect(current()).toBe('Rawhide');
    } finally {
      router.stop();
    }
  });

  it('a branch the package is not on (404) says so and links the newest branch', async () => {
    mockFetch(routes());
    await new App(main).show({ page: 'package', name: 'curl', tab: 'files', branch: 'epel9' });
    const notice = main.querySelector('.tab-panel .notice')!;
    expect(text(notice)).toBe('curl has no files on EPEL 9. Show the files of its newest branch.');
    expect(notice.querySelector('a')!.getAttribute('href')).toBe('/packages/curl/files');
  });

  it('today’s documents (no `branches`) get no picker, and ?branch= is passed on all the same', async () => {
    const { calls } = mockFetch(routes({ '/api/v1/packages/curl/files': json(curlEnvelopes.files) }));
    const app = new App(main);
    await app.show({ page: 'package', name: 'curl', tab: 'files' });
    expect(main.querySelector('.branch-picker')).toBeNull();
    expect(text(main.querySelector('.tab-panel'))).toContain('From the rawhide repositories.');
    expect(calls.filter((c) => c.includes('branch='))).toEqual([]);
  });
});

describe('live updates of a chosen branch', () => {
  function fakeStream() {
    const handlers: LiveHandlers[] = [];
    return { handlers, subscribe: (_pkg: string, h: LiveHandlers) => (handlers.push(h), { close() {} }) };
  }

  it('refetches the branch on screen when its document is refreshed, and says so when it changed', async () => {
    const newer = clone(curlBranched.filesF43);
    newer.version = 10;
    newer.data.subpackages[0].files.push('/usr/bin/curl-new');
    let f43 = json(curlBranched.filesF43);
    const { calls } = mockFetch(routes({ '/api/v1/packages/curl/files?branch=f43': () => f43 }));
    const live = fakeStream();
    await new App(main, { subscribe: live.subscribe }).show({ page: 'package', name: 'curl', tab: 'files', branch: 'f43' });
    await vi.waitFor(() => expect(live.handlers).toHaveLength(1));
    f43 = json(newer);
    // The event's version is the default branch's document's: not compared with f43's.
    live.handlers[0].onRefresh({ connector: 'files', version: curlBranched.files.version, refreshedAt: '2026-11-25T16:30:10Z', status: 'ok' });
    await vi.waitFor(() => expect(files()).toContain('curl-new'));
    expect(calls.filter((c) => c === '/api/v1/packages/curl/files?branch=f43')).toHaveLength(2);
    expect(calls).not.toContain('/api/v1/packages/curl/files');
    expect(current()).toBe('Fedora 43');
    expect(text(main.querySelector('.live-note'))).toBe('Files updated just now.');
  });
});

describe('dependency links resolved to their packages', () => {
  const deps = (over: Record<string, unknown> = {}) =>
    routes({ '/api/v1/packages/curl/dependencies': json(curlBranched.dependencies), ...over });
  const hrefs = () =>
    Object.fromEntries([...main.querySelectorAll<HTMLAnchorElement>('.tab-panel a[data-dep]')].map((a) => [a.textContent, a.getAttribute('href')]));

  it('points each resolved name to its package; unresolved ones keep the search or name link', async () => {
    const { calls } = mockFetch(deps({ '/api/v1/resolve': json(curlResolved) }));
    await new App(main).show({ page: 'package', name: 'curl', tab: 'dependencies' });
    await vi.waitFor(() => expect(hrefs()['libc.so.6()(64bit)']).toBe('/packages/glibc'));
    expect(hrefs()).toEqual({
      'libc.so.6()(64bit)': '/packages/glibc',
      'libcurl(x86-64)': '/packages/curl',
      nosuch: '/packages/nosuch',
      'git-core': '/packages/git',
      'python3-pycurl': '/packages/python-pycurl',
    });
    expect(main.querySelector('a[data-dep="libc.so.6()(64bit)"]')!.getAttribute('title')).toBe('in glibc');
    // One request, every linked name in the order shown; rich dependencies are not links.
    const asked = calls.filter((c) => c.startsWith('/api/v1/resolve'));
    expect(asked).toHaveLength(1);
    expect(new URL(asked[0], 'http://x').searchParams.get('names')!.split(',')).toEqual(['libc.so.6()(64bit)', 'libcurl(x86-64)', 'nosuch', 'git-core', 'python3-pycurl']);
    expect(main.querySelector('a[data-dep="(foo or bar)"]')).toBeNull();
  });

  it('keeps today’s links, silently, when the API cannot resolve (404, 400, 5xx)', async () => {
    for (const answer of [problem(404, 'no such endpoint'), problem(400, 'too many names'), problem(503, 'down')]) {
      forgetResolved();
      main.replaceChildren();
      const { calls } = mockFetch(deps({ '/api/v1/resolve': answer }));
      await new App(main).show({ page: 'package', name: 'curl', tab: 'dependencies' });
      await vi.waitFor(() => expect(calls.some((c) => c.startsWith('/api/v1/resolve'))).toBe(true));
      await new Promise((r) => setTimeout(r, 0));
      expect(hrefs()['libc.so.6()(64bit)']).toBe('/search?q=libc.so.6%28%29%2864bit%29');
      expect(hrefs()['git-core']).toBe('/packages/git-core');
      expect(main.querySelector('.tab-panel [role=alert], .tab-panel .error')).toBeNull();
    }
  });
});
