// Package page: header (name, summary, version, freshness, branches) + one tab per connector.
// The view lives as long as the URL names the same package, so switching tabs keeps the header
// and the documents already loaded. A binary (sub-)package name becomes its source package's page.

import { type Result, getConnector, getMeta, redirectedSource, withRetry } from '../api';
import { h, link, liveAgo, replace } from '../dom';
import { packagePath } from '../format';
import { parseRoute } from '../router';
import { TABS, tabFor } from '../tabs';
import { renderEnvelope, staleWarning } from '../tabs/common';
import type { ConnectorMeta, ConnectorName, Envelope, OverviewDoc, PackageMeta } from '../types';
import { renderPackageNotFound } from './notfound';
import { branchChips, retiredNotice, subpackageNote } from './package-notes';

/** Documents older than this (since we fetched them) are fetched again when their tab is shown. */
const DOC_TTL_MS = 60_000;
/** Attempts while the API answers 202; with Retry-After ≤ 30 s this bounds the wait. */
const MAX_ATTEMPTS = 8;

interface CacheEntry {
  at: number;
  promise: Promise<Result<Envelope<unknown>>>;
}

export interface PackageViewOptions {
  maxAttempts?: number;
  sleepFn?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export class PackageView {
  private readonly abort = new AbortController();
  private readonly docs = new Map<ConnectorName, CacheEntry>();
  private meta: PackageMeta | null = null;
  private metaAt = 0;
  private metaPromise: Promise<void> | null = null;
  private readonly tabLinks = new Map<ConnectorName, HTMLAnchorElement>();
  private tab: ConnectorName;
  /** Bumped on each tab switch so a slow earlier load cannot overwrite the newer tab. */
  private tabToken = 0;
  private gone = false;
  /** The package shown: the name from the URL, or its source package once the API redirected. */
  private current: string;
  /** The binary (sub-)package name that the URL named, once the API redirected it to `current`. */
  private binary: string | null = null;

  private readonly title = h('h1', { tabindex: '-1' });
  private readonly notes = h('div', { class: 'pkg-notes' });
  private readonly summary = h('p', { class: 'summary' }, 'Loading…');
  private readonly headerInfo = h('p', { class: 'header-info' });
  private readonly shipsIn = h('div', { class: 'ships-in' });
  private readonly nav = h('nav', { class: 'tabs', 'aria-label': 'Package sections' });
  private readonly panel = h('section', { class: 'tab-panel', 'aria-busy': 'false' });

  constructor(
    private readonly main: HTMLElement,
    name: string,
    tab: ConnectorName,
    private readonly opts: PackageViewOptions = {},
  ) {
    this.current = name;
    this.tab = tab;
  }

  get name(): string {
    return this.current;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  dispose(): void {
    this.abort.abort();
  }

  /** Renders the skeleton at once, then fills it in. Resolves when the first tab is rendered. */
  async mount(): Promise<void> {
    this.title.textContent = this.name;
    replace(
      this.main,
      h('header', { class: 'pkg-header' }, this.title, this.notes, this.summary, this.headerInfo, this.shipsIn),
      this.nav,
      this.panel,
    );
    this.buildNav();
    const metaP = this.loadMeta(true);
    const overviewP = this.loadHeader();
    await Promise.all([metaP, overviewP, this.showTab(this.tab)]);
  }

  /** Switches tab without reloading the header. */
  async showTab(tab: ConnectorName): Promise<void> {
    this.tab = tab;
    const token = ++this.tabToken;
    const def = tabFor(tab);
    this.setDocumentTitle();
    this.updateNav();
    this.panel.setAttribute('aria-label', def.label);
    this.panel.setAttribute('aria-busy', 'true');
    replace(this.panel, h('p', { class: 'loading' }, `Loading ${def.label.toLowerCase()}…`));

    const [result] = await Promise.all([this.loadDoc(tab), this.loadMeta(false)]);
    if (this.gone || this.abort.signal.aborted || token !== this.tabToken) return;
    this.panel.setAttribute('aria-busy', 'false');
    const metaFor = this.metaFor(tab);
    switch (result.kind) {
      case 'ok':
        replace(this.panel, renderEnvelope(def, result.value, metaFor, { pkg: this.name }));
        break;
      case 'pending':
        replace(
          this.panel,
          staleWarning(metaFor, null),
          h('p', { class: 'notice' }, `Still fetching ${def.label.toLowerCase()} from upstream. `, this.retryButton(tab)),
        );
        break;
      case 'not-found':
        if (tab === 'overview') this.packageNotFound(result.problem.detail);
        else replace(this.panel, h('p', { class: 'notice error' }, result.problem.detail || result.problem.title || 'Not found.'));
        break;
      case 'error':
        replace(
          this.panel,
          h('p', { class: 'notice error', role: 'alert' }, `Could not load ${def.label.toLowerCase()}: ${result.message}. `, this.retryButton(tab)),
        );
        break;
      case 'aborted':
        break;
    }
  }

  private setDocumentTitle(): void {
    document.title =
      this.tab === 'overview' ? `${this.name} – Fedora Packages` : `${this.name} · ${tabFor(this.tab).label} – Fedora Packages`;
  }

  /**
   * The API answered with another package's data: the URL named a binary (sub-)package and the
   * API redirected to its source. From now on the view is the source's page, and later requests
   * ask for the source directly.
   */
  private follow(r: Result<unknown>): void {
    const source = redirectedSource(r);
    if (!source || source === this.current || this.gone) return;
    const binary = this.current;
    this.binary = binary;
    this.current = source;
    this.title.textContent = source;
    for (const [id, a] of this.tabLinks) a.setAttribute('href', packagePath(source, id));
    this.setDocumentTitle();
    this.renderNotes();
    // So that a reload or a shared link names the source. Only while the address bar still shows
    // the binary name: the person may have gone elsewhere in the meantime.
    const route = parseRoute(window.location.pathname);
    if (route.page === 'package' && route.name === binary) {
      const path = packagePath(source, route.tab) + window.location.search + window.location.hash;
      window.history.replaceState(window.history.state, '', path);
    }
  }

  /** Sub-package note, retired notice and branch chips, from what is known so far. */
  private renderNotes(): void {
    const branches = this.meta?.branches ?? [];
    replace(
      this.notes,
      this.binary ? subpackageNote(this.binary, this.current) : null,
      this.meta?.retired ? retiredNotice(branches) : null,
    );
    replace(this.shipsIn, branchChips(branches));
  }

  private retryButton(tab: ConnectorName): HTMLButtonElement {
    const b = h('button', { type: 'button', class: 'retry' }, 'Try again');
    b.addEventListener('click', () => {
      this.docs.delete(tab);
      void this.showTab(tab);
    });
    return b;
  }

  private packageNotFound(detail?: string): void {
    if (this.gone) return;
    this.gone = true;
    this.dispose();
    renderPackageNotFound(this.main, this.name, detail);
  }

  private metaFor(tab: ConnectorName): ConnectorMeta | null {
    return this.meta?.connectors?.[tab] ?? null;
  }

  /** Shared, cached document load: the header and the Overview tab use the same request. */
  private loadDoc(tab: ConnectorName): Promise<Result<Envelope<unknown>>> {
    const cached = this.docs.get(tab);
    if (cached && Date.now() - cached.at < DOC_TTL_MS) return cached.promise;
    const promise = withRetry(() => getConnector<unknown>(this.name, tab, this.abort.signal), {
      maxAttempts: this.opts.maxAttempts ?? MAX_ATTEMPTS,
      sleepFn: this.opts.sleepFn,
      signal: this.abort.signal,
      onPending: (secs, attempt) => this.onPending(tab, secs, attempt),
    }).then((r) => {
      this.follow(r);
      // Only keep successes: a failure should be retried on the next visit to the tab.
      if (r.kind !== 'ok') this.docs.delete(tab);
      return r;
    });
    this.docs.set(tab, { at: Date.now(), promise });
    return promise;
  }

  private onPending(tab: ConnectorName, secs: number, attempt: number): void {
    if (this.gone) return;
    const text = `Fetching ${tabFor(tab).label.toLowerCase()} from upstream… (attempt ${attempt}, next try in ${secs} s)`;
    if (tab === 'overview') this.summary.textContent = 'Fetching package data…';
    if (tab === this.tab) replace(this.panel, staleWarning(this.metaFor(tab), null), h('p', { class: 'loading' }, text));
  }

  /** Metadata (per-connector status/error); shared while in flight, refetched after 30 s. */
  private loadMeta(force: boolean): Promise<void> {
    if (this.metaPromise && !force && Date.now() - this.metaAt < 30_000) return this.metaPromise;
    this.metaAt = Date.now();
    this.metaPromise = getMeta(this.name, this.abort.signal).then((r) => {
      if (this.gone) return;
      this.follow(r);
      if (r.kind === 'ok') {
        this.meta = r.value;
        this.updateNav();
        this.renderNotes();
      } else if (r.kind === 'not-found') {
        this.packageNotFound(r.problem.detail);
      }
      // Other failures: the page still works without metadata (no warnings or tab markers).
    });
    return this.metaPromise;
  }

  private async loadHeader(): Promise<void> {
    const r = await this.loadDoc('overview');
    if (this.gone || r.kind !== 'ok') {
      if (!this.gone && r.kind === 'pending') this.summary.textContent = 'Still fetching package data; try again shortly.';
      if (!this.gone && r.kind === 'error') this.summary.textContent = '';
      return;
    }
    const env = r.value as Envelope<OverviewDoc>;
    const d = env.data;
    if (env.status === 'absent' || !d) {
      this.summary.textContent = 'Not found in any Fedora or EPEL repository.';
    } else {
      this.summary.textContent = d.summary ?? '';
    }
    const version = d?.version ? (d.release ? `${d.version}-${d.release}` : d.version) : null;
    replace(
      this.headerInfo,
      version ? h('span', { class: 'version' }, h('span', { class: 'visually-hidden' }, 'Version '), h('code', null, version)) : null,
      d?.branch ? h('span', { class: 'branch' }, `in ${d.branch}`) : null,
      h('span', { class: 'refreshed' }, liveAgo(env.refreshedAt, 'refreshed ')),
    );
  }

  /** Builds the tab bar once; updateNav() then changes attributes in place so focus is kept. */
  private buildNav(): void {
    const items = TABS.map((t) => {
      const a = link(packagePath(this.name, t.id), t.label, { 'data-tab': t.id });
      this.tabLinks.set(t.id, a);
      return h('li', null, a);
    });
    replace(this.nav, h('ul', null, items));
    this.updateNav();
  }

  private updateNav(): void {
    for (const [id, a] of this.tabLinks) {
      if (id === this.tab) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
      const m = this.metaFor(id);
      a.classList.toggle('tab-absent', m?.status === 'absent');
      a.querySelector('.tab-flag')?.remove();
      if (m?.error) {
        a.append(
          h('span', { class: 'tab-flag', title: 'last refresh failed' }, ' ⚠', h('span', { class: 'visually-hidden' }, ' (last refresh failed)')),
        );
      }
    }
  }
}
