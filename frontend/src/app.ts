// Glue between the router and the pages: keeps one current view and disposes it on navigation.

import { PackageView, type PackageViewOptions } from './pages/package';
import { renderHome } from './pages/home';
import { renderPageNotFound } from './pages/notfound';
import { renderSearch } from './pages/search';
import type { Navigation, Route } from './router';

export interface AppOptions extends PackageViewOptions {
  /** Client-side navigation (the router's); pages use it for forms. */
  navigate?: (path: string) => void;
  /** Called with the search text of each route, so the header's box shows what the page shows. */
  onQuery?: (q: string) => void;
}

export class App {
  private view: PackageView | null = null;
  /** The home or search page's requests, cancelled on navigation. */
  private pageAbort: AbortController | null = null;
  private first = true;

  constructor(
    private readonly main: HTMLElement,
    private readonly opts: AppOptions = {},
  ) {}

  /** Renders `route`; resolves when its first content is on screen (tests await this). */
  async show(route: Route, nav: Navigation = { restore: false }): Promise<void> {
    const first = this.first;
    this.first = false;
    // Same package, other tab: keep the header and loaded documents.
    if (route.page === 'package' && this.view && this.view.name === route.name && !this.view.signal.aborted) {
      await this.view.showRoute(route.tab, route.branch);
      return;
    }
    this.view?.dispose();
    this.view = null;
    this.pageAbort?.abort();
    this.pageAbort = null;
    this.opts.onQuery?.(route.page === 'search' ? route.query.q : '');
    const navigate = this.opts.navigate ?? ((path: string) => window.location.assign(path));

    let done: Promise<void>;
    switch (route.page) {
      case 'home':
        this.pageAbort = new AbortController();
        done = renderHome(this.main, this.pageAbort.signal, { sleepFn: this.opts.sleepFn });
        break;
      case 'search':
        this.pageAbort = new AbortController();
        done = renderSearch(this.main, route.query, this.pageAbort.signal, navigate);
        break;
      case 'package':
        this.view = new PackageView(this.main, route.name, route.tab, this.opts, route.branch);
        done = this.view.mount();
        break;
      case 'not-found':
        renderPageNotFound(this.main, route.path);
        done = Promise.resolve();
        break;
    }
    // After client-side navigation, start at the top and move focus to the new heading so
    // screen readers announce the page (a full page load does both by itself). Back and Forward
    // return to where the person was, once the page has its content again.
    if (!first) {
      this.main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
      if (!nav.restore) window.scrollTo(0, 0);
    }
    if (nav.restore && nav.scrollY !== undefined) {
      const y = nav.scrollY;
      return done.then(() => window.scrollTo(0, y));
    }
    return done;
  }
}
