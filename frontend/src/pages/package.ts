// Package page: header (name, summary, version, freshness, branches) + one tab per connector.
// The view lives as long as the URL names the same package, so switching tabs keeps the header
// and the documents already loaded. A binary (sub-)package name becomes its source package's page.
// While it is open, the page follows the package's refresh events and updates in place.

import { type Result, getConnector, getMeta, redirectedSource, withRetry } from '../api';
import { h, link, liveAgo, markScrollables, replace } from '../dom';
import { type LiveSubscription, type Subscribe, subscribeRefreshes } from '../live';
import { own } from '../links';
import { branchLabel, sortBranches } from '../branches';
import { packagePath } from '../format';
import { parseRoute } from '../router';
import { TABS, tabFor } from '../tabs';
import { branchPath } from '../tabs/branch-picker';
import { renderEnvelope, staleWarning } from '../tabs/common';
import { type ConnectorMeta, type ConnectorName, type Envelope, type OverviewDoc, type PackageMeta, type RefreshEvent, type VersionsDoc, isBranched } from '../types';
import { renderPackageNotFound } from './notfound';
import { sparseOverviewText } from './sparse';
import { lookUpName } from '../search/provider';
import { branchChips, providedNote, retiredNotice, subpackageNote } from './package-notes';

/** Documents older than this (since we fetched them) are fetched again when their tab is shown. */
const DOC_TTL_MS = 60_000;
/** Attempts while the API answers 202; with Retry-After ≤ 30 s this bounds the wait. */
const MAX_ATTEMPTS = 8;

/** How long the "Builds updated" notice stays. */
const LIVE_NOTE_MS = 8000;

interface CacheEntry {
  at: number;
  promise: Promise<Result<Envelope<unknown>>>;
  /** The document's version once it arrived (events with this version or older change nothing). */
  version?: number;
  /** The answer, once it came (so a tab can use another's document without waiting for it). */
  result?: Result<Envelope<unknown>>;
}

export interface PackageViewOptions {
  maxAttempts?: number;
  sleepFn?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Refresh events; defaults to EventSource on the API. Tests inject their own. */
  subscribe?: Subscribe;
}

export class PackageView {
  private readonly abort = new AbortController();
  /** Documents by docKey(): the connector, and `@branch` for a chosen branch's document. */
  private readonly docs = new Map<string, CacheEntry>();
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
  /**
   * The branch chosen for the per-branch tabs (`?branch=`), null for the API's default. Kept while
   * the person visits other tabs, so that Files after Overview is still the branch they chose.
   */
  private branch: string | null;

  private readonly title = h('h1', { tabindex: '-1' });
  private readonly notes = h('div', { class: 'pkg-notes' });
  private readonly summary = h('p', { class: 'summary' }, 'Loading…');
  private readonly headerInfo = h('p', { class: 'header-info' });
  private readonly shipsIn = h('div', { class: 'ships-in' });
  private readonly nav = h('nav', { class: 'tabs', 'aria-label': 'Package sections' });
  private readonly panel = h('section', { class: 'tab-panel', 'aria-busy': 'false' });
  /** "Builds updated just now": polite, so screen readers hear it without losing their place. */
  private readonly liveNote = h('p', { class: 'live-note', role: 'status', 'aria-live': 'polite' });
  private liveNoteTimer: ReturnType<typeof setTimeout> | null = null;
  private live: LiveSubscription | null = null;
  private liveFor: string | null = null;
  private readonly feeds = h('p', { class: 'pkg-feeds' });

  constructor(
    private readonly main: HTMLElement,
    name: string,
    tab: ConnectorName,
    private readonly opts: PackageViewOptions = {},
    branch?: string,
  ) {
    this.current = name;
    this.tab = tab;
    this.branch = isBranched(tab) ? (branch ?? null) : null;
  }

  /** Shows what the URL names: a tab and, for a per-branch tab, the branch (none: the default). */
  showRoute(tab: ConnectorName, branch?: string): Promise<boolean> {
    if (isBranched(tab)) this.branch = branch ?? null;
    return this.showTab(tab);
  }

  /** The branch a connector's document is asked for: the chosen one for per-branch documents. */
  private branchFor(c: ConnectorName): string | null {
    return isBranched(c) ? this.branch : null;
  }

  private docKey(c: ConnectorName): string {
    const b = this.branchFor(c);
    return b ? `${c}@${b}` : c;
  }

  /** A tab's URL; per-branch tabs keep the chosen branch. */
  private tabHref(c: ConnectorName): string {
    const b = this.branchFor(c);
    return b ? branchPath(this.current, c, b) : packagePath(this.current, c);
  }

  get name(): string {
    return this.current;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  dispose(): void {
    this.abort.abort();
    this.live?.close();
    this.live = null;
    if (this.liveNoteTimer) clearTimeout(this.liveNoteTimer);
  }

  /** Renders the skeleton at once, then fills it in. Resolves when the first tab is rendered. */
  async mount(): Promise<void> {
    this.title.textContent = this.name;
    replace(
      this.main,
      h('header', { class: 'pkg-header' }, this.title, this.notes, this.summary, this.headerInfo, this.shipsIn, this.feeds),
      this.nav,
      this.liveNote,
      this.panel,
    );
    this.buildNav();
    this.renderFeeds();
    const metaP = this.loadMeta(true).then(() => this.subscribe());
    const overviewP = this.loadHeader();
    await Promise.all([metaP, overviewP, this.showTab(this.tab)]);
  }

  /** Follows the package's refresh events (once the API said which package this is). */
  private subscribe(): void {
    if (this.gone || this.abort.signal.aborted || this.liveFor === this.current) return;
    this.live?.close();
    this.liveFor = this.current;
    this.live = (this.opts.subscribe ?? subscribeRefreshes)(this.current, {
      onRefresh: (e) => this.onRefresh(e),
      onReset: () => this.onReset(),
      // For tests and the curious: the page is following the package's refreshes.
      onOpen: () => this.panel.setAttribute('data-live', 'connected'),
    });
  }

  /** A document was refreshed upstream: fetch it again, and show it if its tab is on screen. */
  private onRefresh(e: RefreshEvent): void {
    if (this.gone || this.abort.signal.aborted) return;
    const key = this.docKey(e.connector);
    const before = this.docs.get(key)?.version;
    // The event does not say which branch's document changed: its version is compared with the
    // default branch's document only; a chosen branch's is fetched again (and announced if newer).
    const chosen = this.branchFor(e.connector) !== null;
    if (!chosen && before !== undefined && before >= e.version) return;
    for (const k of [...this.docs.keys()]) if (k === e.connector || k.startsWith(`${e.connector}@`)) this.docs.delete(k);
    const m = this.meta?.connectors?.[e.connector];
    if (m) Object.assign(m, { version: e.version, refreshedAt: e.refreshedAt, status: e.status, error: null });
    this.updateNav();
    if (e.connector === 'overview') void this.loadHeader();
    const shown = tabFor(this.tab);
    if (e.connector === this.tab || shown.needs?.includes(e.connector)) {
      void this.showTab(this.tab, true).then((shown) => {
        const changed = !chosen || e.connector !== this.tab || this.docs.get(key)?.version !== before;
        if (shown && changed) this.announce(tabFor(e.connector).label);
      });
    }
  }

  /** Events were lost while the connection was down: everything may be stale. */
  private onReset(): void {
    if (this.gone) return;
    this.docs.clear();
    void this.loadMeta(true);
    void this.loadHeader();
    void this.showTab(this.tab, true);
  }

  private announce(label: string): void {
    if (this.liveNoteTimer) clearTimeout(this.liveNoteTimer);
    this.liveNote.textContent = `${label} updated just now.`;
    this.liveNote.classList.add('shown');
    this.liveNoteTimer = setTimeout(() => {
      this.liveNote.classList.remove('shown');
      this.liveNote.textContent = '';
    }, LIVE_NOTE_MS);
  }

  /** Feed and badge links: for people who follow the package elsewhere. The badge is for the
   * newest branch it ships in (an EPEL-only package has no Rawhide version). */
  private renderFeeds(): void {
    const name = this.current;
    const branch = sortBranches(this.meta?.branches ?? [])[0] ?? 'rawhide';
    replace(
      this.feeds,
      h('a', { href: own.feed(name), type: 'application/atom+xml', class: 'feed-link' }, 'Atom feed'),
      ' · ',
      h('a', { href: own.badge(name, branch), class: 'badge-link' }, `${branch === 'rawhide' ? 'Rawhide' : branch} version badge`),
      ' · ',
      h('a', { href: own.packageApi(name), type: 'application/json' }, 'JSON'),
    );
  }

  /**
   * Switches tab without reloading the header. `inPlace`: the tab is already shown and is being
   * updated (a refresh event): no "Loading…" in between, and failures keep what is shown.
   * `redraw`: the documents it needs have come; do not wait for them again.
   * Resolves true when the tab's document is on screen.
   */
  async showTab(tab: ConnectorName, inPlace = false, redraw = false): Promise<boolean> {
    this.tab = tab;
    const token = ++this.tabToken;
    const def = tabFor(tab);
    this.setDocumentTitle();
    this.updateNav();
    if (!inPlace) {
      this.panel.setAttribute('aria-label', def.label);
      this.panel.setAttribute('aria-busy', 'true');
      replace(this.panel, h('p', { class: 'loading' }, `Loading ${def.label.toLowerCase()}…`));
      this.setRefreshed(this.metaFor(tab)?.refreshedAt ?? null);
    }
    void this.showBranchVersion();

    // Documents the tab also shows something from: used if already here, never waited for (one
    // still being fetched upstream must not hold the tab back); the tab is redrawn once they come.
    const needs = (def.needs ?? []).map((c) => ({ c, p: this.loadDoc(c) }));
    const [result] = await Promise.all([this.loadDoc(tab), this.loadMeta(false)]);
    if (this.gone || this.abort.signal.aborted || token !== this.tabToken) return false;
    if (inPlace && result.kind !== 'ok') return false;
    this.panel.setAttribute('aria-busy', 'false');
    const metaFor = this.metaFor(tab);
    const related: Partial<Record<ConnectorName, unknown>> = {};
    const waiting: Promise<unknown>[] = [];
    for (const { c, p } of needs) {
      const r = this.docs.get(this.docKey(c))?.result;
      if (r) {
        if (r.kind === 'ok' && r.value.status === 'ok' && r.value.data) related[c] = r.value.data;
      } else waiting.push(p);
    }
    if (waiting.length && result.kind === 'ok' && !redraw) {
      void Promise.all(waiting).then(() => {
        if (token === this.tabToken && !this.gone) void this.showTab(tab, true, true);
      });
    }
    switch (result.kind) {
      case 'ok':
        this.setRefreshed(result.value.refreshedAt);
        if (tab === 'overview' && result.value.status === 'absent') {
          replace(this.panel, h('p', { class: 'notice absent' }, sparseOverviewText(this.name, this.meta)));
        } else {
          replace(this.panel, renderEnvelope(def, result.value, metaFor, { pkg: this.name, related }));
          // Only once there is data; failures of the improvement leave the tab as it is.
          if (def.enhance && result.value.status === 'ok') void def.enhance(this.panel, this.abort.signal).catch(() => {});
        }
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
        else if (this.branchFor(tab)) replace(this.panel, this.notOnBranch(tab, this.branchFor(tab)!));
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
    markScrollables(this.panel);
    return result.kind === 'ok';
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
    for (const [id, a] of this.tabLinks) a.setAttribute('href', this.tabHref(id));
    this.setDocumentTitle();
    this.renderNotes();
    this.renderFeeds();
    if (this.liveFor) this.subscribe();
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
      this.provided ? providedNote(this.provided, this.current) : null,
      this.meta?.retired ? retiredNotice(branches) : null,
    );
    replace(this.shipsIn, branchChips(branches));
    this.renderFeeds();
  }

  /** A `?branch=` the package has no such document on (an old link, a typed URL): say so, offer the default. */
  private notOnBranch(tab: ConnectorName, branch: string): HTMLElement {
    const label = tabFor(tab).label.toLowerCase();
    return h(
      'p',
      { class: 'notice' },
      `${this.name} has no ${label} on ${branchLabel(branch)}. `,
      link(packagePath(this.name, tab), `Show the ${label} of its newest branch`),
      '.',
    );
  }

  private retryButton(tab: ConnectorName): HTMLButtonElement {
    const b = h('button', { type: 'button', class: 'retry' }, 'Try again');
    b.addEventListener('click', () => {
      this.docs.delete(this.docKey(tab));
      void this.showTab(tab);
    });
    return b;
  }

  /** Set once the API said the name is unknown: search then tells what provides it, if anything. */
  private resolving: Promise<boolean> | null = null;
  /** The name from the URL when it is not a package but something `current` provides. */
  private provided: string | null = null;

  private packageNotFound(detail?: string): void {
    if (this.gone) return;
    this.resolving ??= this.adoptProvider(detail);
  }

  /**
   * A dependency link may name what a package provides rather than a package ("webclient"): then
   * the page becomes the provider's, with a note, as for a sub-package name. Otherwise the
   * not-found page, with search's suggestions.
   */
  private async adoptProvider(detail?: string): Promise<boolean> {
    const name = this.current;
    const found = this.provided ? { provider: null, suggestions: [] } : await lookUpName(name, this.abort.signal);
    if (this.abort.signal.aborted) return false;
    if (found.provider && found.provider !== name) {
      this.provided = name;
      this.current = found.provider;
      this.docs.clear();
      this.meta = null;
      this.metaPromise = null;
      this.resolving = null;
      const route = parseRoute(window.location.pathname);
      if (route.page === 'package' && route.name === name) {
        window.history.replaceState(window.history.state, '', packagePath(found.provider, route.tab) + window.location.search);
      }
      await this.mount();
      return true;
    }
    this.gone = true;
    this.dispose();
    renderPackageNotFound(this.main, name, detail, found.suggestions);
    return false;
  }

  private metaFor(tab: ConnectorName): ConnectorMeta | null {
    return this.meta?.connectors?.[tab] ?? null;
  }

  /** Shared, cached document load: the header and the Overview tab use the same request. */
  private loadDoc(tab: ConnectorName): Promise<Result<Envelope<unknown>>> {
    const key = this.docKey(tab);
    const branch = this.branchFor(tab) ?? undefined;
    const cached = this.docs.get(key);
    if (cached && Date.now() - cached.at < DOC_TTL_MS) return cached.promise;
    const promise = withRetry(() => getConnector<unknown>(this.name, tab, this.abort.signal, branch), {
      maxAttempts: this.opts.maxAttempts ?? MAX_ATTEMPTS,
      sleepFn: this.opts.sleepFn,
      signal: this.abort.signal,
      onPending: (secs, attempt) => this.onPending(tab, secs, attempt),
    }).then((r) => {
      this.follow(r);
      // Only keep successes: a failure should be retried on the next visit to the tab.
      if (r.kind !== 'ok') {
        if (this.docs.get(key) === entry) this.docs.delete(key);
      } else entry.version = r.value.version;
      entry.result = r;
      return r;
    });
    const entry: CacheEntry = { at: Date.now(), promise };
    this.docs.set(key, entry);
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
      // Other services may still know the package (btop: dist-git, Bugzilla): say what is missing.
      await this.metaPromise;
      this.summary.textContent = sparseOverviewText(this.name, this.meta);
    } else {
      this.summary.textContent = d.summary ?? '';
    }
    const version = d?.version ? (d.release ? `${d.version}-${d.release}` : d.version) : null;
    replace(
      this.headerInfo,
      version ? h('span', { class: 'version' }, h('span', { class: 'visually-hidden' }, 'Version '), h('code', null, version)) : null,
      d?.branch ? h('span', { class: 'branch' }, `in ${d.branch}`) : null,
      this.branchVersion,
      this.refreshed,
    );
    void this.showBranchVersion();
  }

  private readonly branchVersion = h('span', { class: 'branch-version' });

  /**
   * A per-branch tab showing another branch than the overview's: the header also gives the version on
   * that branch (stable, else testing, from the Versions document), so that it does not speak of
   * Rawhide's version above Fedora 43's files.
   */
  private async showBranchVersion(): Promise<void> {
    const branch = this.branchFor(this.tab);
    const overview = this.docs.get('overview')?.result;
    const overviewBranch = overview?.kind === 'ok' ? (overview.value.data as OverviewDoc | null)?.branch : null;
    if (!branch || !overviewBranch || branch === overviewBranch) {
      replace(this.branchVersion);
      return;
    }
    const r = await this.loadDoc('versions');
    if (this.gone || this.branchFor(this.tab) !== branch) return;
    const release = r.kind === 'ok' ? (r.value.data as VersionsDoc | null)?.releases.find((x) => x.branch === branch) : undefined;
    const build = release?.stable ?? release?.testing;
    replace(
      this.branchVersion,
      build
        ? h('span', null, h('code', null, `${build.version}-${build.release}`), ` in ${branch}${release?.stable ? '' : ' (testing)'}`)
        : null,
    );
  }

  private readonly refreshed = h('span', { class: 'refreshed' });

  /** The header's "refreshed … ago" is the shown tab's: that is the data on screen. */
  private setRefreshed(iso: string | null): void {
    const label = this.tab === 'overview' ? 'refreshed ' : `${tabFor(this.tab).label} refreshed `;
    replace(this.refreshed, liveAgo(iso, label));
  }

  /** Builds the tab bar once; updateNav() then changes attributes in place so focus is kept. */
  private buildNav(): void {
    const items = TABS.map((t) => {
      const a = link(this.tabHref(t.id), t.label, { 'data-tab': t.id });
      this.tabLinks.set(t.id, a);
      return h('li', null, a);
    });
    replace(this.nav, h('ul', null, items));
    this.updateNav();
  }

  private updateNav(): void {
    for (const [id, a] of this.tabLinks) {
      a.setAttribute('href', this.tabHref(id));
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
