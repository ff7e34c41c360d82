// Home: every known package, with a client-side filter (real search comes later, server-side).

import { listAllPackages } from '../api';
import { h, link, replace } from '../dom';
import { packagePath } from '../format';
import type { PackageListItem } from '../types';

export function matches(item: PackageListItem, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return item.name.toLowerCase().includes(q) || (item.summary ?? '').toLowerCase().includes(q);
}

export async function renderHome(main: HTMLElement, signal: AbortSignal): Promise<void> {
  document.title = 'Fedora Packages';
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
    h('div', { class: 'filter' }, h('label', { for: 'filter' }, 'Filter packages'), input),
    status,
    list,
  );

  const r = await listAllPackages(signal);
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
  const update = () => {
    let shown = 0;
    for (const row of rows) {
      const ok = matches(row.it, input.value);
      row.li.hidden = !ok;
      if (ok) shown++;
    }
    status.textContent =
      shown === items.length ? `${items.length} package${items.length === 1 ? '' : 's'}.` : `Showing ${shown} of ${items.length} packages.`;
  };
  input.disabled = false;
  input.addEventListener('input', update);
  update();
}
