// Tiny DOM builder. Strings always become text nodes and attributes are set with setAttribute,
// so text from the API can never turn into markup. Never use innerHTML with API data.

import { ago, formatDate, formatDateTime, safeUrl } from './format';

export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(document.createTextNode(String(c)));
  }
}

/**
 * External link from API data. Falls back to plain text when the URL is not http(s),
 * so a hostile `javascript:` URL is shown, not followed.
 */
export function extLink(url: string | null | undefined, text: Child, attrs: Attrs = {}): HTMLElement {
  const href = safeUrl(url);
  if (!href) return h('span', null, text);
  return h('a', { href, rel: 'noopener noreferrer', ...attrs }, text);
}

/** Internal (SPA) link; the router intercepts clicks on same-origin <a href>. */
export function link(path: string, text: Child, attrs: Attrs = {}): HTMLAnchorElement {
  return h('a', { href: path, ...attrs }, text);
}

/**
 * <time> that the ticker keeps current ("refreshed 12 s ago"). `prefix` comes before the age.
 */
export function liveAgo(iso: string | null | undefined, prefix = '', now: number = Date.now()): HTMLElement {
  if (!iso) return h('span', null, `${prefix}unknown`);
  return h(
    'time',
    { datetime: iso, title: formatDateTime(iso), 'data-ago': iso, 'data-ago-prefix': prefix },
    `${prefix}${ago(iso, now)}`,
  );
}

/** A date cell: "2026-11-25", full timestamp in the tooltip. */
export function dateCell(iso: string | null | undefined): HTMLElement | string {
  if (!iso) return '—';
  return h('time', { datetime: iso, title: formatDateTime(iso) }, formatDate(iso));
}

/** Refreshes every [data-ago] element under `root`; called by the ticker and after renders. */
export function refreshAges(root: ParentNode = document, now: number = Date.now()): void {
  root.querySelectorAll<HTMLElement>('[data-ago]').forEach((el) => {
    el.textContent = `${el.dataset.agoPrefix ?? ''}${ago(el.dataset.ago, now)}`;
  });
}

let ticker: ReturnType<typeof setInterval> | null = null;
/** One global interval for all live ages on the page (cheap: a querySelectorAll every few seconds). */
export function startAgoTicker(intervalMs = 5000): () => void {
  if (ticker) clearInterval(ticker);
  ticker = setInterval(() => refreshAges(document), intervalMs);
  return () => {
    if (ticker) clearInterval(ticker);
    ticker = null;
  };
}

/** Table with a header row; rows are arrays of cells. Wrapped so wide tables scroll on phones. */
export function table(caption: string | null, headers: string[], rows: Child[][], cls = ''): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: cls || null },
      caption ? h('caption', null, caption) : null,
      h('thead', null, h('tr', null, headers.map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        null,
        rows.map((r) => h('tr', null, r.map((c) => h('td', null, c === '' || c === null || c === undefined ? '—' : c)))),
      ),
    ),
  );
}

/** Small coloured label; `tone` maps to a CSS class (ok, warn, bad, info, neutral). */
export function badge(text: string, tone: 'ok' | 'warn' | 'bad' | 'info' | 'neutral' = 'neutral'): HTMLElement {
  return h('span', { class: `badge badge-${tone}` }, text);
}

/** Replace all children of `el`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/**
 * Wide tables and long blocks scroll inside their box on small screens. A box that scrolls must
 * be reachable by keyboard (WCAG 2.1.1; axe "scrollable-region-focusable"): give those that do
 * scroll right now a tab stop and a name, and take it away again from those that no longer do.
 */
export function markScrollables(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('.table-wrap, pre.changelog-text').forEach((el) => {
    const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    if (scrolls && !el.hasAttribute('tabindex')) {
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'region');
      const caption = el.querySelector('caption')?.textContent || el.querySelector('th')?.textContent || 'content';
      el.setAttribute('aria-label', `${caption} (scrolls sideways)`);
      el.dataset.scrollable = 'true';
    } else if (!scrolls && el.dataset.scrollable) {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
      delete el.dataset.scrollable;
    }
  });
}
