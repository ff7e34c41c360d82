import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app';
import { clone, curlEnvelopes, curlMeta } from '../test-fixtures';
import { binaryOf, json, mockFetch, pending, problem } from '../test-fixtures/mock-fetch';
import { refreshAges, startAgoTicker } from '../dom';
import type { Status } from '../types';
import { countText } from './home';
import { indexingText } from './indexing';

const NOW = Date.parse('2026-11-25T16:30:12Z');

/** All curl routes answered from the fixtures. */
function curlRoutes(overrides: Record<string, unknown> = {}) {
  const routes: Record<string, any> = {
    '/api/v1/packages/curl': json(curlMeta),
  };
  for (const [c, env] of Object.entries(curlEnvelopes)) routes[`/api/v1/packages/curl/${c}`] = json(env);
  return { ...routes, ...overrides };
}

let main: HTMLElement;
const noSleep = async () => {};
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
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('home page', () => {
  it('says what the site is and how many packages it knows, without listing them', async () => {
    mockFetch(curlRoutes({ '/api/v1/status': json(status('done', 34172)) }));
    await new App(main).show({ page: 'home' });
    expect(text(main.querySelector('h1'))).toBe('Fedora Packages');
    expect(text(main.querySelector('.package-count'))).toBe('34,172 source packages from Fedora and EPEL.');
    // No client-side list (it stopped at 10,000 packages): finding one is search's job.
    expect(main.querySelector('.package-list')).toBeNull();
    const examples = [...main.querySelectorAll('.examples a')].map((a) => a.getAttribute('href'));
    expect(examples).toContain('/search?q=http+client');
    expect(examples).toContain('/packages/vim-X11');
  });
});

function status(state: Status['bootstrap']['state'], done: number, packages = 34172): Status {
  return { packages, bootstrap: { state, done, total: packages, startedAt: null, finishedAt: null, discoveredAt: null } };
}

describe('home page: counts and the bootstrap', () => {
  const line = () => main.querySelector<HTMLElement>('.indexing')!;

  it('formats the progress line only while a bootstrap runs', () => {
    expect(indexingText(status('running', 12400))).toBe('Indexing 12,400 of 34,172 packages…');
    expect(indexingText(status('done', 34172))).toBeNull();
    expect(indexingText(status('none', 0))).toBeNull();
  });

  it('counts the known packages', () => {
    expect(countText(1)).toBe('1 source package from Fedora and EPEL.');
    expect(countText(34172)).toBe('34,172 source packages from Fedora and EPEL.');
  });

  it('shows "Indexing N of M packages…" while running, updates it, and removes it when done', async () => {
    mockFetch(curlRoutes({ '/api/v1/status': [json(status('running', 12400)), json(status('running', 20000)), json(status('done', 34172))] }));
    // Each poll waits for the test to let it go.
    const waits: (() => void)[] = [];
    const sleepFn = (ms: number) => {
      expect(ms).toBe(5000);
      return new Promise<void>((r) => waits.push(r));
    };
    await new App(main, { sleepFn }).show({ page: 'home' });
    expect(line().hidden).toBe(false);
    expect(text(line())).toBe('Indexing 12,400 of 34,172 packages…');
    waits.shift()!();
    await vi.waitFor(() => expect(text(line())).toBe('Indexing 20,000 of 34,172 packages…'));
    waits.shift()!();
    await vi.waitFor(() => expect(line().hidden).toBe(true));
    expect(text(main.querySelector('.package-count'))).toBe('34,172 source packages from Fedora and EPEL.');
    // Done: no more polling.
    await Promise.resolve();
    expect(waits).toHaveLength(0);
  });

  it('shows no line when the bootstrap is done or never ran, and does not poll', async () => {
    for (const s of [status('done', 34172), status('none', 0)]) {
      const { calls } = mockFetch(curlRoutes({ '/api/v1/status': json(s) }));
      const sleepFn = vi.fn(async () => {});
      await new App(main, { sleepFn }).show({ page: 'home' });
      expect(line().hidden).toBe(true);
      expect(text(line())).toBe('');
      expect(sleepFn).not.toHaveBeenCalled();
      expect(calls.filter((c) => c === '/api/v1/status')).toHaveLength(1);
      expect(text(main.querySelector('.package-count'))).toBe('34,172 source packages from Fedora and EPEL.');
    }
  });

  it('stops polling when the person leaves the home page', async () => {
    const { calls } = mockFetch(curlRoutes({ '/api/v1/status': json(status('running', 5)) }));
    let release: () => void = () => {};
    const app = new App(main, { sleepFn: () => new Promise<void>((r) => (release = r)) });
    await app.show({ page: 'home' });
    await app.show({ page: 'package', name: 'curl', tab: 'overview' });
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls.filter((c) => c === '/api/v1/status')).toHaveLength(1);
  });
});

describe('package page', () => {
  it('shows name, summary, version and refreshed age in the header', async () => {
    mockFetch(curlRoutes());
    await new App(main).show({ page: 'package', name: 'curl', tab: 'overview' });
    expect(text(main.querySelector('h1'))).toBe('curl');
    expect(text(main.querySelector('.summary'))).toBe('A utility for getting files from remote servers (FTP, HTTP, and others)');
    expect(text(main.querySelector('.header-info .version code'))).toBe('8.11.1-1.fc44');
    expect(text(main.querySelector('.header-info .refreshed'))).toBe('refreshed 12 s ago');
    expect(document.title).toBe('curl – Fedora Packages');
    // Overview is the active tab and its content is rendered.
    expect(main.querySelector('nav a[aria-current=page]')!.getAttribute('href')).toBe('/packages/curl');
    expect(main.querySelectorAll('.tab-panel .description p')).toHaveLength(2);
  });

  it('links the package’s feed, badge and JSON, named in one place', async () => {
    mockFetch(curlRoutes());
    await new App(main).show({ page: 'package', name: 'curl', tab: 'overview' });
    const links = [...main.querySelectorAll('.pkg-feeds a')].map((a) => [text(a), a.getAttribute('href')]);
    expect(links).toEqual([
      ['Atom feed', '/api/v1/packages/curl/feed.atom'],
      ['Rawhide version badge', '/api/v1/packages/curl/badge/rawhide.svg'],
      ['JSON', '/api/v1/packages/curl'],
    ]);
  });

  it('the badge is for the newest branch the package ships in (EPEL-only: no Rawhide badge)', async () => {
    mockFetch(curlRoutes({ '/api/v1/packages/curl': json({ ...clone(curlMeta), branches: ['epel9', 'epel10'], retired: false }) }));
    await new App(main).show({ page: 'package', name: 'curl', tab: 'overview' });
    const badge = main.querySelector('.pkg-feeds .badge-link')!;
    expect(text(badge)).toBe('epel10 version badge');
    expect(badge.getAttribute('href')).toBe('/api/v1/packages/curl/badge/epel10.svg');
  });

  it('has one tab link per connector with its own URL', async () => {
    mockFetch(curlRoutes());
    await new App(main).show({ page: 'package', name: 'curl', tab: 'overview' });
    const hrefs = [...main.querySelectorAll('nav.tabs a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toHaveLength(12);
    expect(hrefs).toContain('/packages/curl/builds');
    expect(hrefs).toContain('/packages/curl/ci');
  });

  it('fetches the overview once for header and tab, and switches tabs without reloading the header', async () => {
    const { calls } = mockFetch(curlRoutes());
    const app = new App(main);
    await app.show({ page: 'package', name: 'curl', tab: 'overview' });
    const h1 = main.querySelector('h1');
    await app.show({ page: 'package', name: 'curl', tab: 'builds' });
    expect(main.querySelector('h1')).toBe(h1);
    expect(main.querySelectorAll('.tab-panel tbody tr')).toHaveLength(3);
    expect(main.querySelector('nav a[aria-current=page]')!.getAttribute('href')).toBe('/packages/curl/builds');
    expect(document.title).toBe('curl · Builds – Fedora Packages');
    expect(calls.filter((c) => c === '/api/v1/packages/curl/overview')).toHaveLength(1);
    expect(calls.filter((c) => c === '/api/v1/packages/curl')).toHaveLength(1);
    // Back to a loaded tab: served from memory.
    await app.show({ page: 'package', name: 'curl', tab: 'overview' });
    expect(calls.filter((c) => c === '/api/v1/packages/curl/overview')).toHaveLength(1);
  });

  it('shows the metadata error as a warning on the tab and a marker in the tab bar', async () => {
    mockFetch(curlRoutes());
    await new App(main).show({ page: 'package', name: 'curl', tab: 'builds' });
    expect(text(main.querySelector('.tab-panel .warning'))).toContain('Last refresh failed 3 min ago (timeout); data is 2 h old.');
    expect(main.querySelectorAll('.tab-panel tbody tr')).toHaveLength(3);
    expect(main.querySelector('nav a[data-tab=builds] .tab-flag')).not.toBeNull();
    expect(main.querySelector('nav a[data-tab=files] .tab-flag')).toBeNull();
    expect(text(main.querySelector('.tab-panel footer'))).toBe('refreshed 2 h ago · see also Koji package');
    // The header's age is the shown tab's (Builds: 2 h), not the overview's (12 s).
    expect(text(main.querySelector('.header-info .refreshed'))).toBe('Builds refreshed 2 h ago');
  });

  it('renders "absent" documents as a message', async () => {
    const absent = clone(curlEnvelopes.builds);
    absent.status = 'absent';
    absent.data = null;
    mockFetch(curlRoutes({ '/api/v1/packages/curl/builds': json(absent), '/api/v1/packages/curl': json({ name: 'curl', connectors: {} }) }));
    await new App(main).show({ page: 'package', name: 'curl', tab: 'builds' });
    expect(text(main.querySelector('.tab-panel .absent'))).toBe('No builds in Koji for curl.');
  });

  it('shows "No package named X" on 404, with "did you mean" from search', async () => {
    mockFetch({
      '/api/v1/packages/nope': problem(404, 'No package named nope'),
      '/api/v1/packages/nope/overview': problem(404, 'No package named nope'),
      '/api/v1/search': json({ total: 1, totalExact: true, offset: 0, limit: 6, items: [{ name: 'nop', summary: 'Does nothing', version: '1-1', matched: { field: 'similar' } }] }),
    });
    await new App(main).show({ page: 'package', name: 'nope', tab: 'overview' });
    await vi.waitFor(() => expect(text(main.querySelector('h1'))).toBe('No package named nope'));
    expect(text(main.querySelector('.did-you-mean li'))).toBe('nop — Does nothing');
    expect(text(main.querySelector('.did-you-mean h2'))).toBe('Did you mean');
    expect(main.querySelector('.did-you-mean a')!.getAttribute('href')).toBe('/packages/nop');
    expect(main.querySelector('a[href="/search?q=nope"]')).not.toBeNull();
    expect(main.querySelector('nav.tabs')).toBeNull();
  });

  it('a name that only a package provides lands on that package, with a note', async () => {
    window.history.replaceState(null, '', '/packages/webclient');
    mockFetch(
      curlRoutes({
        '/api/v1/packages/webclient': problem(404, 'No package named webclient'),
        '/api/v1/packages/webclient/overview': problem(404, 'No package named webclient'),
        '/api/v1/search': json({ total: 1, totalExact: true, offset: 0, limit: 6, items: [{ name: 'curl', summary: null, version: null, matched: { field: 'provides', value: 'webclient' } }] }),
      }),
    );
    await new App(main).show({ page: 'package', name: 'webclient', tab: 'overview' });
    await vi.waitFor(() => expect(text(main.querySelector('h1'))).toBe('curl'));
    await vi.waitFor(() => expect(text(main.querySelector('.subpackage-note'))).toBe('webclient is not a package; it is provided by curl.'));
    expect(window.location.pathname).toBe('/packages/curl');
    await vi.waitFor(() => expect(main.querySelectorAll('.tab-panel .description p')).toHaveLength(2));
  });

  it('says what it has for a package that no repository has (btop), instead of "not found" beside real data', async () => {
    const absent = { ...clone(curlEnvelopes.overview), status: 'absent', data: null };
    const meta = clone(curlMeta);
    for (const c of Object.keys(meta.connectors) as (keyof typeof meta.connectors)[]) meta.connectors[c]!.status = c === 'sources' || c === 'bugs' ? 'ok' : 'absent';
    mockFetch(curlRoutes({ '/api/v1/packages/curl/overview': json(absent), '/api/v1/packages/curl': json(meta) }));
    await new App(main).show({ page: 'package', name: 'curl', tab: 'overview' });
    await vi.waitFor(() => expect(text(main.querySelector('.summary'))).toContain('Bugs, Sources have data'));
    expect(text(main.querySelector('.summary'))).toBe("curl is in no active release's repository metadata, so there is no summary or description; Bugs, Sources have data.");
    expect(text(main)).not.toContain('not in any Fedora or EPEL repository');
  });

  it('shows "Fetching…" on 202 and retries after Retry-After', async () => {
    const seen: string[] = [];
    const waits: number[] = [];
    mockFetch(curlRoutes({ '/api/v1/packages/curl/files': [pending('3'), pending('2'), json(curlEnvelopes.files)] }));
    const app = new App(main, {
      sleepFn: async (ms) => {
        waits.push(ms);
        seen.push(text(main.querySelector('.tab-panel')));
      },
    });
    await app.show({ page: 'package', name: 'curl', tab: 'files' });
    expect(waits).toEqual([3000, 2000]);
    expect(seen[0]).toContain('Fetching files from upstream… (attempt 1, next try in 3 s)');
    expect(main.querySelectorAll('.tab-panel li.file').length).toBeGreaterThan(0);
  });

  it('gives up after bounded retries and offers to try again', async () => {
    const { calls } = mockFetch(curlRoutes({ '/api/v1/packages/curl/files': [pending('1'), pending('1'), pending('1'), json(curlEnvelopes.files)] }));
    const app = new App(main, { maxAttempts: 3, sleepFn: noSleep });
    await app.show({ page: 'package', name: 'curl', tab: 'files' });
    expect(calls.filter((c) => c.endsWith('/files'))).toHaveLength(3);
    expect(text(main.querySelector('.tab-panel'))).toContain('Still fetching files from upstream.');
    const button = main.querySelector<HTMLButtonElement>('.tab-panel button.retry')!;
    button.click();
    await vi.waitFor(() => expect(main.querySelectorAll('.tab-panel li.file').length).toBeGreaterThan(0));
  });

  it('shows the header as fetching while the overview is pending', async () => {
    mockFetch(curlRoutes({ '/api/v1/packages/curl/overview': pending('1') }));
    await new App(main, { maxAttempts: 2, sleepFn: noSleep }).show({ page: 'package', name: 'curl', tab: 'builds' });
    expect(text(main.querySelector('h1'))).toBe('curl');
    expect(text(main.querySelector('.summary'))).toBe('Still fetching package data; try again shortly.');
    expect(main.querySelectorAll('.tab-panel tbody tr')).toHaveLength(3);
  });

  it('reports server errors in the tab', async () => {
    mockFetch(curlRoutes({ '/api/v1/packages/curl/bugs': problem(500, 'Redis is down') }));
    await new App(main).show({ page: 'package', name: 'curl', tab: 'bugs' });
    expect(text(main.querySelector('.tab-panel [role=alert]'))).toBe('Could not load bugs: Redis is down. Try again');
  });

  it('renders a page-not-found for unknown paths', async () => {
    await new App(main).show({ page: 'not-found', path: '/nope' });
    expect(text(main.querySelector('h1'))).toBe('Page not found');
  });
});

describe('package page: branches, retired packages and sub-package names', () => {
  const withState = (branches: string[], retired: boolean) => json({ ...clone(curlMeta), branches, retired });

  it('shows the branches it ships in, Rawhide first, and no retired notice', async () => {
    mockFetch(curlRoutes({ '/api/v1/packages/curl': withState(['f42', 'rawhide', 'f43', 'epel10'], false) }));
    await new App(main).show({ page: 'package', name: 'curl', tab: 'overview' });
    const chips = [...main.querySelectorAll('.pkg-header .branch-chips li')].map(text);
    expect(chips).toEqual(['rawhide', 'f43', 'f42', 'epel10']);
    expect(text(main.querySelector('.pkg-header .branches-label'))).toBe('Ships in');
    expect(main.querySelector('.retired')).toBeNull();
  });

  it('says a retired package is retired and where it last shipped', async () => {
    mockFetch(curlRoutes({ '/api/v1/packages/curl': withState(['f41', 'f42'], true) }));
    await new App(main).show({ page: 'package', name: 'curl', tab: 'overview' });
    // Right under the name.
    expect(main.querySelector('h1 + .pkg-notes .retired')).not.toBeNull();
    expect(text(main.querySelector('.retired'))).toBe('Retired: no longer in Rawhide. Last shipped in f42.');
    expect([...main.querySelectorAll('.branch-chips li')].map(text)).toEqual(['f42', 'f41']);
  });

  it('says when a retired package ships in no branch', async () => {
    mockFetch(curlRoutes({ '/api/v1/packages/curl': withState([], true) }));
    await new App(main).show({ page: 'package', name: 'curl', tab: 'builds' });
    expect(text(main.querySelector('.retired'))).toBe('Retired: no longer shipped in any branch.');
    expect(main.querySelector('.branch-chips')).toBeNull();
  });

  it('shows neither before the API knows the branches (or from an older API)', async () => {
    mockFetch(curlRoutes());
    await new App(main).show({ page: 'package', name: 'curl', tab: 'overview' });
    expect(main.querySelector('.pkg-notes')!.childElementCount).toBe(0);
    expect(main.querySelector('.ships-in')!.childElementCount).toBe(0);
  });

  /** The API with curl's sub-package libcurl: every libcurl path answers 308 to curl's. */
  function libcurlRoutes() {
    return curlRoutes({
      '/api/v1/packages/curl': withState(['rawhide', 'f43'], false),
      '/api/v1/packages/libcurl': binaryOf('curl', '/api/v1/packages/curl'),
      ...Object.fromEntries(
        Object.keys(curlEnvelopes).map((c) => [`/api/v1/packages/libcurl/${c}`, binaryOf('curl', `/api/v1/packages/curl/${c}`)]),
      ),
    });
  }

  it('lands on the source package with a note, and the URL names the source', async () => {
    window.history.replaceState(null, '', '/packages/libcurl/builds?x=1#top');
    const { calls } = mockFetch(libcurlRoutes());
    const app = new App(main);
    await app.show({ page: 'package', name: 'libcurl', tab: 'builds' });
    expect(text(main.querySelector('h1'))).toBe('curl');
    expect(text(main.querySelector('h1 + .pkg-notes .subpackage-note'))).toBe('libcurl is a sub-package of curl.');
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/packages/curl/builds?x=1#top');
    expect(document.title).toBe('curl · Builds – Fedora Packages');
    expect(main.querySelectorAll('.tab-panel tbody tr')).toHaveLength(3);
    expect(main.querySelector('nav a[data-tab=files]')!.getAttribute('href')).toBe('/packages/curl/files');
    expect([...main.querySelectorAll('.branch-chips li')].map(text)).toEqual(['rawhide', 'f43']);
    // Another tab: the view (and its note) stay, and it asks for the source directly.
    const before = calls.length;
    await app.show({ page: 'package', name: 'curl', tab: 'files' });
    expect(calls.slice(before)).toEqual(['/api/v1/packages/curl/files']);
    expect(text(main.querySelector('.subpackage-note'))).toBe('libcurl is a sub-package of curl.');
  });

  it('leaves the URL alone when the person has moved on', async () => {
    window.history.replaceState(null, '', '/packages/python3');
    mockFetch(libcurlRoutes());
    await new App(main).show({ page: 'package', name: 'libcurl', tab: 'overview' });
    expect(text(main.querySelector('h1'))).toBe('curl');
    expect(window.location.pathname).toBe('/packages/python3');
  });

  it('a source package name gets no note and keeps its URL', async () => {
    window.history.replaceState(null, '', '/packages/curl');
    mockFetch(curlRoutes());
    await new App(main).show({ page: 'package', name: 'curl', tab: 'overview' });
    expect(main.querySelector('.subpackage-note')).toBeNull();
    expect(window.location.pathname).toBe('/packages/curl');
  });
});

describe('live ages', () => {
  it('the ticker keeps "refreshed N ago" current', async () => {
    mockFetch(curlRoutes());
    await new App(main).show({ page: 'package', name: 'curl', tab: 'overview' });
    const el = main.querySelector('.header-info .refreshed')!;
    expect(text(el)).toBe('refreshed 12 s ago');
    vi.setSystemTime(NOW + 5 * 60_000);
    refreshAges(document);
    expect(text(el)).toBe('refreshed 5 min ago');
  });

  it('startAgoTicker updates on its interval and can be stopped', () => {
    vi.useRealTimers();
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-11-25T16:30:00Z'));
    const t = document.createElement('time');
    t.dataset.ago = '2026-11-25T16:30:00Z';
    t.dataset.agoPrefix = 'refreshed ';
    document.body.append(t);
    const stop = startAgoTicker(5000);
    vi.advanceTimersByTime(5000);
    expect(t.textContent).toBe('refreshed 5 s ago');
    vi.advanceTimersByTime(3 * 3600_000);
    expect(t.textContent).toBe('refreshed 3 h ago');
    stop();
    vi.advanceTimersByTime(86400_000);
    expect(t.textContent).toBe('refreshed 3 h ago');
  });
});
