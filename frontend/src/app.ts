// Glue between the router and the pages: keeps one current view and disposes it on navigation.

import { PackageView, type PackageViewOptions } from './pages/package';
import { renderHome } from './pages/home';
import { renderPageNotFound } from './pages/notfound';
import type { Route } from './router';

export class App {
  private view: PackageView | null = null;
  private homeAbort: AbortController | null = null;
  private first = true;

  constructor(
    private readonly main: HTMLElement,
    private readonly opts: PackageViewOptions = {},
  ) {}

  /** Renders `route`; resolves when its first content is on screen (tests await this). */
  async show(route: Route): Promise<void> {
    const first = this.first;
    this.first = false;
    // Same package, other tab: keep the header and loaded documents.
    if (route.page === 'package' && this.view && this.view.name === route.name && !this.view.signal.aborted) {
      return this.view.showTab(route.tab);
    }
    this.view?.dispose();
    this.view = null;
    this.homeAbort?.abort();
    this.homeAbort = null;

    let done: Promise<void>;
    switch (route.page) {
      case 'home':
        this.homeAbort = new AbortController();
        done = renderHome(this.main, this.homeAbort.signal, { sleepFn: this.opts.sleepFn });
        break;
      case 'package':
        this.view = new PackageView(this.main, route.name, route.tab, this.opts);
        done = this.view.mount();
        break;
      case 'not-found':
        renderPageNotFound(this.main, route.path);
        done = Promise.resolve();
        break;
    }
    // After client-side navigation, start at the top and move focus to the new heading so
    // screen readers announce the page (a full page load does both by itself).
    if (!first) {
      window.scrollTo(0, 0);
      this.main.querySelector<HTMLElement>('h1')?.focus();
    }
    return done;
  }
}
