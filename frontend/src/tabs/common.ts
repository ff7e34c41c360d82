// What every tab shares: the tab contract, the freshness footer, the failure warning and the
// "absent" message. A tab module only turns its document (`data`) into DOM.

import { type Child, extLink, h, liveAgo } from '../dom';
import { age, ago, formatDateTime } from '../format';
import type { ExternalLink } from '../links';
import type { ConnectorMeta, ConnectorName, Envelope } from '../types';

export interface TabContext {
  /** Package name from the URL. */
  pkg: string;
  /** The data of the documents the tab `needs` (absent or failed ones are missing). */
  related?: Partial<Record<ConnectorName, unknown>>;
}

export interface TabDef<T> {
  id: ConnectorName;
  label: string;
  /** Message for `status: "absent"` (the upstream has no such package: a real state, not an error). */
  absentMessage: (pkg: string) => string;
  render: (data: T, ctx: TabContext) => Node;
  /** Other documents the tab shows something from (e.g. the Versions grid compares with upstream). */
  needs?: ConnectorName[];
  /** The upstream's own pages about this package, for people (not the API URLs the worker reads). */
  links: (pkg: string) => ExternalLink[];
  /** Improves the tab once it is on screen (Dependencies: links to the packages names resolve to). */
  enhance?: (root: HTMLElement, signal: AbortSignal) => Promise<void>;
}

/** "Refreshed 12 s ago · See it on: Koji · Bodhi" */
export function tabFooter(env: Envelope<unknown>, links: ExternalLink[], now: number = Date.now()): HTMLElement {
  return h(
    'footer',
    { class: 'tab-footer' },
    liveAgo(env.refreshedAt, 'refreshed ', now),
    links.length
      ? [' · ', h('span', { class: 'upstream-links' }, 'see also ', links.map((l, i) => [i ? ' · ' : '', extLink(l.url, l.label)]))]
      : null,
  );
}

/**
 * Warning when the last refresh failed. The last good document stays on screen (the API keeps it),
 * so say how old it is: "Last refresh failed 3 min ago (timeout); data is 2 h old."
 */
export function staleWarning(
  meta: ConnectorMeta | null | undefined,
  refreshedAt: string | null | undefined,
  now: number = Date.now(),
): HTMLElement | null {
  const err = meta?.error;
  if (!err) return null;
  const dataAge = refreshedAt ?? meta?.refreshedAt;
  const text =
    `Last refresh failed ${ago(err.at, now)} (${err.kind}); ` +
    (dataAge ? `data is ${age(dataAge, now)} old.` : 'no data yet.');
  return h(
    'div',
    { class: 'warning', role: 'status' },
    h('span', { class: 'warning-icon', 'aria-hidden': 'true' }, '⚠'),
    ' ',
    h('span', { title: formatDateTime(err.at) }, text),
    err.message ? h('details', null, h('summary', null, 'Details'), h('p', null, err.message)) : null,
  );
}

export function absentNote(text: string): HTMLElement {
  return h('p', { class: 'notice absent' }, text);
}

export function emptyNote(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'tab-section' }, h('h2', null, title), ...children);
}

/** Comma-free inline list of names (users, branches…); "none" when empty. */
export function inlineList(items: Child[], empty = 'none'): HTMLElement {
  if (items.length === 0) return h('span', { class: 'muted' }, empty);
  return h('ul', { class: 'inline-list' }, items.map((i) => h('li', null, i)));
}

/** Definition list from [term, value] pairs, skipping null values. */
export function facts(pairs: [string, Child][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    pairs
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
  );
}

/** Renders one envelope into a tab panel body: warning, content (or absent message), footer. */
export function renderEnvelope<T>(
  tab: TabDef<T>,
  env: Envelope<T>,
  meta: ConnectorMeta | null | undefined,
  ctx: TabContext,
  now: number = Date.now(),
): DocumentFragment {
  const frag = document.createDocumentFragment();
  const warn = staleWarning(meta, env.refreshedAt, now);
  if (warn) frag.append(warn);
  if (env.status === 'absent' || env.data === null || env.data === undefined) {
    frag.append(absentNote(tab.absentMessage(ctx.pkg)));
  } else {
    frag.append(tab.render(env.data, ctx));
  }
  frag.append(tabFooter(env as Envelope<unknown>, tab.links(ctx.pkg), now));
  return frag;
}
