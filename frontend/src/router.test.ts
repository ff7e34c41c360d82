import { afterEach, describe, expect, it, vi } from 'vitest';
import { Router, isAppPath, parseRoute, searchPath } from './router';

describe('parseRoute', () => {
  it('maps / to home', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' });
  });
  it('maps a package path to its overview', () => {
    expect(parseRoute('/packages/curl')).toEqual({ page: 'package', name: 'curl', tab: 'overview' });
    expect(parseRoute('/packages/curl/')).toEqual({ page: 'package', name: 'curl', tab: 'overview' });
  });
  it('maps every connector tab', () => {
    for (const tab of ['overview', 'versions', 'builds', 'updates', 'bugs', 'dependencies', 'files', 'changelog', 'sources', 'maintainers', 'upstream', 'ci']) {
      expect(parseRoute(`/packages/curl/${tab}`)).toEqual({ page: 'package', name: 'curl', tab });
    }
  });
  it('decodes names', () => {
    expect(parseRoute('/packages/libstdc++/files')).toEqual({ page: 'package', name: 'libstdc++', tab: 'files' });
    expect(parseRoute('/packages/libstdc%2B%2B')).toEqual({ page: 'package', name: 'libstdc++', tab: 'overview' });
  });
  it('rejects unknown tabs, extra segments, bad encodings and other paths', () => {
    expect(parseRoute('/packages/curl/nope').page).toBe('not-found');
    expect(parseRoute('/packages/curl/builds/x').page).toBe('not-found');
    expect(parseRoute('/packages').page).toBe('not-found');
    expect(parseRoute('/packages/%E0%A4%A').page).toBe('not-found');
    expect(parseRoute('/about')).toEqual({ page: 'not-found', path: '/about' });
  });
  it('keeps a valid ?branch= of a package page (per-branch tabs) and ignores anything else', () => {
    expect(parseRoute('/packages/vim/files', '?branch=f43')).toEqual({ page: 'package', name: 'vim', tab: 'files', branch: 'f43' });
    expect(parseRoute('/packages/vim/changelog', '?branch=epel10.1')).toMatchObject({ branch: 'epel10.1' });
    for (const bad of ['', '?branch=', '?branch=F43', '?branch=%3Cx%3E', '?branch=a/b', `?branch=${'x'.repeat(41)}`]) {
      expect(parseRoute('/packages/vim/files', bad)).not.toHaveProperty('branch');
    }
  });
  it('maps /search with its query, filters and offset (the URL holds all of it)', () => {
    expect(parseRoute('/search', '?q=http+client&branch=f43&maintainer=jdoe&offset=20')).toEqual({
      page: 'search',
      query: { q: 'http client', branch: 'f43', maintainer: 'jdoe', offset: 20 },
    });
    expect(parseRoute('/search', '?offset=-3&q=')).toEqual({ page: 'search', query: { q: '', branch: '', maintainer: '', offset: 0 } });
    expect(searchPath({ q: 'a b', branch: '', offset: 0 })).toBe('/search?q=a+b');
    expect(searchPath({ q: 'x', maintainer: '@python-sig', offset: 40 })).toBe('/search?q=x&maintainer=%40python-sig&offset=40');
    const q = { q: 'vim', branch: 'epel9', maintainer: 'jdoe', offset: 60 };
    const url = new URL(searchPath(q), 'http://x');
    expect(parseRoute(url.pathname, url.search)).toEqual({ page: 'search', query: q });
  });
  it('knows which paths the SPA handles', () => {
    expect(isAppPath('/search')).toBe(true);
    expect(isAppPath('/q/swagger-ui')).toBe(false);
    expect(isAppPath('/')).toBe(true);
    expect(isAppPath('/packages/curl')).toBe(true);
    expect(isAppPath('/api/v1/packages')).toBe(false);
  });
});

describe('Router', () => {
  const routers: Router[] = [];
  const make = (fn: (r: unknown) => void) => {
    const r = new Router(fn);
    routers.push(r);
    return r;
  };
  afterEach(() => {
    routers.splice(0).forEach((r) => r.stop());
    document.body.replaceChildren();
    history.replaceState(null, '', '/');
  });

  it('intercepts plain clicks on app links and pushes history', () => {
    const seen: unknown[] = [];
    const r = make((route) => seen.push(route));
    r.start();
    expect(seen).toEqual([{ page: 'home' }]);
    const a = document.createElement('a');
    a.href = '/packages/curl/builds';
    a.textContent = 'go';
    document.body.append(a);
    a.click();
    expect(location.pathname).toBe('/packages/curl/builds');
    expect(seen.at(-1)).toEqual({ page: 'package', name: 'curl', tab: 'builds' });
  });

  it('leaves modified clicks, external and API links to the browser', () => {
    const onRoute = vi.fn();
    make(onRoute).start();
    onRoute.mockClear();
    const mk = (href: string) => {
      const a = document.createElement('a');
      a.href = href;
      document.body.append(a);
      // jsdom does not navigate; we only check the router did not take the click.
      a.addEventListener('click', (e) => e.preventDefault());
      return a;
    };
    mk('/packages/curl').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true }));
    mk('https://koji.fedoraproject.org/koji/').click();
    mk('/api/v1/packages').click();
    expect(onRoute).not.toHaveBeenCalled();
    expect(location.pathname).toBe('/');
  });

  it('renders again on popstate (back button)', () => {
    const onRoute = vi.fn();
    const r = make(onRoute);
    r.start();
    r.navigate('/packages/curl/files');
    expect(onRoute).toHaveBeenLastCalledWith({ page: 'package', name: 'curl', tab: 'files' }, { restore: false });
    history.replaceState(null, '', '/packages/curl');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(onRoute).toHaveBeenLastCalledWith({ page: 'package', name: 'curl', tab: 'overview' }, { restore: true, scrollY: undefined });
  });

  it('remembers the scroll position of the page it leaves, and hands it back on Back', async () => {
    const onRoute = vi.fn();
    const r = make(onRoute);
    history.replaceState(null, '', '/search?q=vim');
    r.start();
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 640 });
    r.navigate('/packages/vim');
    Object.defineProperty(window, 'scrollY', { configurable: true, value: 0 });
    expect(history.state).toBeNull();
    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    history.back();
    await popped;
    expect(location.pathname + location.search).toBe('/search?q=vim');
    expect(onRoute).toHaveBeenLastCalledWith(
      { page: 'search', query: { q: 'vim', branch: '', maintainer: '', offset: 0 } },
      { restore: true, scrollY: 640 },
    );
  });
});
