// Path → route, and History API navigation. Links stay real <a href> (open in new tab works);
// same-origin clicks are intercepted and rendered without a page load.

import { BRANCH_NAME } from './branches';
import { type ConnectorName, isConnector } from './types';

/** What a search page shows; the URL holds all of it (`/search?q=…&branch=…&maintainer=…&offset=…`). */
export interface SearchQuery {
  q: string;
  branch: string;
  maintainer: string;
  offset: number;
}

export type Route =
  | { page: 'home' }
  | { page: 'search'; query: SearchQuery }
  /** `branch`: the `?branch=` of a per-branch tab (Dependencies, Files, Changelog), when valid. */
  | { page: 'package'; name: string; tab: ConnectorName; branch?: string }
  | { page: 'not-found'; path: string };

export function parseSearch(search: string): SearchQuery {
  const p = new URLSearchParams(search);
  const offset = Number(p.get('offset') ?? 0);
  return {
    q: (p.get('q') ?? '').trim(),
    branch: (p.get('branch') ?? '').trim(),
    maintainer: (p.get('maintainer') ?? '').trim(),
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** `/search?q=…`, leaving out empty filters and a zero offset so URLs stay short and shareable. */
export function searchPath(query: Partial<SearchQuery>): string {
  const p = new URLSearchParams();
  if (query.q) p.set('q', query.q);
  if (query.branch) p.set('branch', query.branch);
  if (query.maintainer) p.set('maintainer', query.maintainer);
  if (query.offset) p.set('offset', String(query.offset));
  const s = p.toString();
  return s ? `/search?${s}` : '/search';
}

export function parseRoute(pathname: string, search = ''): Route {
  // Tolerate a trailing slash and doubled slashes.
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return { page: 'home' };
  if (parts.length === 1 && parts[0] === 'search') return { page: 'search', query: parseSearch(search) };
  if (parts[0] === 'packages' && (parts.length === 2 || parts.length === 3)) {
    let name: string;
    try {
      name = decodeURIComponent(parts[1]);
    } catch {
      return { page: 'not-found', path: pathname };
    }
    const branch = new URLSearchParams(search).get('branch')?.trim() ?? '';
    const withBranch = BRANCH_NAME.test(branch) ? { branch } : {};
    if (parts.length === 2) return { page: 'package', name, tab: 'overview', ...withBranch };
    if (isConnector(parts[2])) return { page: 'package', name, tab: parts[2], ...withBranch };
  }
  return { page: 'not-found', path: pathname };
}

/** Paths the SPA renders itself; other same-origin links (e.g. /api/…, /q/…) load normally. */
export function isAppPath(pathname: string): boolean {
  return pathname === '/' || pathname === '/search' || pathname.startsWith('/packages/');
}

/** `restore`: Back or Forward; the scroll position to return to, when one was saved. */
export interface Navigation {
  restore: boolean;
  scrollY?: number;
}

export type RouteListener = (route: Route, nav: Navigation) => void;

export class Router {
  constructor(
    private readonly onRoute: RouteListener,
    private readonly win: Window = window,
  ) {}

  // Back/Forward: the page is rendered again from its URL, then scrolled to where the person was.
  private readonly popListener = (e: PopStateEvent) => {
    const y = (e.state as { scrollY?: unknown } | null)?.scrollY;
    this.onRoute(this.current(), { restore: true, scrollY: typeof y === 'number' ? y : undefined });
  };
  private readonly clickListener = (e: MouseEvent) => this.onClick(e);

  /** Listens for link clicks and back/forward, and renders the current URL. */
  start(): void {
    // The pages render asynchronously, so the browser's own restoration would scroll too early.
    if ('scrollRestoration' in this.win.history) this.win.history.scrollRestoration = 'manual';
    this.win.addEventListener('popstate', this.popListener);
    this.win.document.addEventListener('click', this.clickListener);
    this.onRoute(this.current(), { restore: false });
  }

  stop(): void {
    this.win.removeEventListener('popstate', this.popListener);
    this.win.document.removeEventListener('click', this.clickListener);
  }

  current(): Route {
    return parseRoute(this.win.location.pathname, this.win.location.search);
  }

  navigate(path: string, replace = false): void {
    if (replace) this.win.history.replaceState(null, '', path);
    else {
      // Remember where the person was on the page they leave, for Back.
      this.win.history.replaceState({ ...(this.win.history.state ?? {}), scrollY: this.win.scrollY }, '');
      this.win.history.pushState(null, '', path);
    }
    this.onRoute(this.current(), { restore: false });
  }

  private onClick(e: MouseEvent): void {
    // Let the browser handle anything a person expects to behave like a normal link.
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || !a.href || (a.target && a.target !== '_self') || a.hasAttribute('download')) return;
    const url = new URL(a.href, this.win.location.href);
    if (url.origin !== this.win.location.origin || !isAppPath(url.pathname)) return;
    e.preventDefault();
    if (url.pathname + url.search === this.win.location.pathname + this.win.location.search) return;
    this.navigate(url.pathname + url.search);
  }
}
