// Home: every known package, with a client-side filter (real search comes later, server-side),
// and the bootstrap's progress while it runs.

import { listAllPackages } from '../api';
import { h, link, replace } from '../dom';
import { formatCount, packagePath } from '../format';
import type { PackageListItem } from '../types';
import { type StatusWatchOptions, watchStatus } from './indexing';

export function matches(item: PackageListItem, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return item.name.toLowerCase().includes(q) || (item.summary ?? '').toLowerCase().includes(q);
}

const plural = (n: number) => `${formatCount(n)} package${n === 1 ? '' : 's'}`;

/**
 * The count line. `known` is the status's count of known packages (null until it answered): the
 * list stops at listAllPackages' bound, so its length is not the number of packages.
 */
export function countText(shown: number, listed: number, known: number | null): string {
  const total = known ?? listed;
  const cut = listed < total;
  if (shown === listed) return cut ? `${plural(total)}; the first ${formatCount(listed)} are listed.` : `${plural(total)}.`;
  return cut
    ? `Showing ${formatCount(shown)} of the first ${formatCount(listed)} of ${plural(total)}.`
    : `Showing ${formatCount(shown)} of ${plural(total)}.`;
}

export async function renderHome(main: HTMLElement, signal: AbortSignal, opts: StatusWatchOptions = {}): Promise<void> {
  document.title = 'Fedora Packages';
  const indexing = h('p', { class: 'indexing', hidden: true });
  const status = h('p', { class: 'muted', role: 'status' }, 'Loading packages…');
  const list = h('ul', { class: 'package-list' });
  const input = h('input', {
    type: 'search',
    id: 'filter',
    placeholder: 'e.g. curl',
    autocomplete: 'off',
    spellcheck: 'false',
    disabled: true,
  });
  replace(
    main,
    h('h1', { tabindex: '-1' }, 'Fedora Packages'),
    h('p', { class: 'lead' }, 'Versions, builds, updates, bugs, dependencies, files and more for each Fedora package.'),
    indexing,
    h('div', { class: 'filter' }, h('label', { for: 'filter' }, 'Filter packages'), input),
    status,
    list,
  );

  let known: number | null = null;
  let update: (() => void) | null = null;
  const firstStatus = watchStatus(
    indexing,
    signal,
    (s) => {
      known = s.packages;
      update?.();
    },
    opts,
  );
  const r = await listAllPackages(signal);
  await firstStatus;
  if (r.kind === 'aborted') return;
  if (r.kind !== 'ok') {
    status.textContent =
      r.kind === 'pending' ? 'The package list is being built; reload in a moment.' : `Could not load packages: ${r.kind === 'error' ? r.message : 'not found'}.`;
    status.className = 'notice error';
    return;
  }
  const items = r.value;
  const rows = items.map((it) => ({
    it,
    li: h(
      'li',
      null,
      h('div', { class: 'pkg-line' }, link(packagePath(it.name), it.name, { class: 'pkg-name' }), it.version ? h('code', { class: 'pkg-version' }, it.version) : null),
      h('p', { class: 'pkg-summary' }, it.summary ?? 'Summary not fetched yet.'),
    ),
  }));
  replace(list, rows.map((r) => r.li));
  update = () => {
    let shown = 0;
    for (const row of rows) {
      const ok = matches(row.it, input.value);
      row.li.hidden = !ok;
      if (ok) shown++;
    }
    status.textContent = countText(shown, items.length, known);
  };
  input.disabled = false;
  input.addEventListener('input', update);
  update();
}
