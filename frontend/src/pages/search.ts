// Search results: /search?q=…&branch=…&maintainer=…&offset=…. Everything shown comes from the URL,
// so Back, reload and a shared link all give the same page; the filters and the pager only build URLs.

import { SEARCH_PAGE_SIZE, search } from '../api';
import { h, link, replace } from '../dom';
import { formatCount, packagePath } from '../format';
import { type SearchQuery, searchPath } from '../router';
import { highlightParts, renderHighlight } from '../search/highlight';
import type { SearchHit, SearchPage } from '../types';

/** The API answers offset + limit ≤ 10,000. */
const MAX_WINDOW = 10_000;

/** Why a package is a hit, in words; null when its name says it (exact name, prefix, words). */
export function matchReason(hit: SearchHit): string | null {
  const v = hit.matched?.value;
  switch (hit.matched?.field) {
    case 'subpackage':
    case 'subpackage-prefix':
      return v ? `has sub-package ${v}` : 'matched a sub-package';
    case 'provides':
      return v ? `provides ${v}` : 'matched a provide';
    case 'similar':
      return 'similar spelling';
    default:
      return null;
  }
}

/** "Results 21–40 of 1,234" (or "of more than 1,000" when the count is a lower bound). */
export function rangeText(page: SearchPage): string {
  if (page.total === 0) return 'No packages found.';
  const from = page.offset + 1;
  const to = page.offset + page.items.length;
  const of = page.totalExact ? formatCount(page.total) : `more than ${formatCount(page.total)}`;
  return `Results ${formatCount(from)}–${formatCount(to)} of ${of}`;
}

function hitItem(hit: SearchHit): HTMLElement {
  const reason = matchReason(hit);
  const summary = hit.highlight?.summary ? renderHighlight(hit.highlight.summary) : hit.summary ?? '';
  // Many descriptions only repeat the summary: then one line says it.
  const plain = (t: string | undefined) => highlightParts(t ?? '').map((p) => p.text).join('').replace(/[.…\s]+$/, '');
  const repeats = plain(hit.highlight?.description) === plain(hit.highlight?.summary ?? hit.summary);
  const description = hit.highlight?.description && !repeats ? renderHighlight(hit.highlight.description) : null;
  return h(
    'li',
    { class: 'hit' },
    h(
      'div',
      { class: 'pkg-line' },
      h('h2', { class: 'hit-name' }, link(packagePath(hit.name), hit.name, { class: 'pkg-name' })),
      hit.version ? h('code', { class: 'pkg-version' }, hit.version) : null,
      reason ? h('span', { class: 'badge badge-info hit-reason' }, reason) : null,
      hit.retired ? h('span', { class: 'badge badge-warn' }, 'retired') : null,
    ),
    h('p', { class: 'pkg-summary' }, summary || 'No summary.'),
    description ? h('p', { class: 'hit-description' }, description) : null,
  );
}

function filtersForm(query: SearchQuery, navigate: (path: string) => void): HTMLFormElement {
  const field = (name: 'branch' | 'maintainer', label: string, placeholder: string) =>
    h(
      'div',
      { class: 'filter-field' },
      h('label', { for: `filter-${name}` }, label),
      h('input', { id: `filter-${name}`, name, value: query[name], placeholder, autocomplete: 'off', spellcheck: 'false' }),
    );
  const form = h(
    'form',
    { class: 'search-filters', action: '/search', method: 'get', 'aria-label': 'Search filters' },
    h('input', { type: 'hidden', name: 'q', value: query.q }),
    field('branch', 'Branch', 'rawhide, f43, epel10…'),
    field('maintainer', 'Maintainer', 'user or @group'),
    h('button', { type: 'submit' }, 'Apply'),
    query.branch || query.maintainer ? link(searchPath({ q: query.q }), 'Clear filters', { class: 'small' }) : null,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const get = (k: string) => String(data.get(k) ?? '').trim();
    navigate(searchPath({ q: query.q, branch: get('branch'), maintainer: get('maintainer') }));
  });
  return form;
}

function pager(query: SearchQuery, page: SearchPage): HTMLElement | null {
  const size = page.limit || SEARCH_PAGE_SIZE;
  const prev = page.offset > 0 ? Math.max(0, page.offset - size) : null;
  const nextOffset = page.offset + size;
  const next = nextOffset < page.total && nextOffset + size <= MAX_WINDOW ? nextOffset : null;
  if (prev === null && next === null) return null;
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Result pages' },
    prev !== null ? link(searchPath({ ...query, offset: prev }), '← Previous', { rel: 'prev' }) : h('span'),
    next !== null ? link(searchPath({ ...query, offset: next }), 'Next →', { rel: 'next' }) : null,
  );
}

export async function renderSearch(
  main: HTMLElement,
  query: SearchQuery,
  signal: AbortSignal,
  navigate: (path: string) => void,
): Promise<void> {
  document.title = query.q ? `${query.q} – Search – Fedora Packages` : 'Search – Fedora Packages';
  const status = h('p', { class: 'muted search-status', role: 'status' });
  const results = h('div', { class: 'results' });
  replace(
    main,
    h('h1', { tabindex: '-1' }, query.q ? `Search: ${query.q}` : 'Search'),
    query.q ? filtersForm(query, navigate) : null,
    status,
    results,
  );
  if (!query.q) {
    status.textContent = 'Type a package name, a sub-package, a provide or words from a summary in the search box above.';
    return;
  }
  status.textContent = 'Searching…';
  const r = await search({ ...query, limit: SEARCH_PAGE_SIZE }, signal);
  if (r.kind === 'aborted' || signal.aborted) return;
  if (r.kind !== 'ok') {
    status.className = 'notice error';
    status.textContent =
      r.kind === 'error' && r.status === 503
        ? 'Search is unavailable right now; package pages still work. Try again in a moment.'
        : `Search failed: ${r.kind === 'error' ? r.message : r.kind}.`;
    return;
  }
  const page = r.value;
  status.textContent = rangeText(page);
  if (page.items.length === 0) {
    replace(results, h('p', null, 'Try fewer words, another spelling', query.branch || query.maintainer ? ', or fewer filters' : '', '.'));
    return;
  }
  replace(results, h('ol', { class: 'hit-list', start: page.offset + 1 }, page.items.map(hitItem)), pager(query, page));
}
