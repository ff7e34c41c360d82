// A table whose columns sort when their header button is pressed (aria-sort says how), for lists
// people scan in different orders (bugs by severity, by age…). Rows are re-ordered, not rebuilt.

import { type Child, h } from './dom';

export interface Column<T> {
  label: string;
  cell: (row: T) => Child;
  /** Sort key; columns without one do not sort. */
  key?: (row: T) => string | number | null;
}

export function sortableTable<T>(rows: T[], columns: Column<T>[], cls: string, caption: string): HTMLElement {
  const trs = rows.map((r) => ({ r, tr: h('tr', null, columns.map((c) => h('td', null, c.cell(r) ?? '—'))) }));
  const tbody = h('tbody', null, trs.map((x) => x.tr));
  const ths: HTMLTableCellElement[] = [];
  let sortedBy = -1;
  let asc = true;
  const sortBy = (i: number) => {
    asc = sortedBy === i ? !asc : true;
    sortedBy = i;
    const key = columns[i].key!;
    const sorted = [...trs].sort((a, b) => {
      const ka = key(a.r);
      const kb = key(b.r);
      // Missing values last, whatever the direction.
      if (ka === null || ka === undefined) return kb === null || kb === undefined ? 0 : 1;
      if (kb === null || kb === undefined) return -1;
      const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb));
      return asc ? c : -c;
    });
    tbody.replaceChildren(...sorted.map((x) => x.tr));
    ths.forEach((th, j) => {
      if (j === i) th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
  };
  columns.forEach((c, i) => {
    if (!c.key) {
      ths.push(h('th', { scope: 'col' }, c.label));
      return;
    }
    const b = h('button', { type: 'button', class: 'sort' }, c.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }));
    b.addEventListener('click', () => sortBy(i));
    ths.push(h('th', { scope: 'col' }, b));
  });
  return h(
    'div',
    { class: 'table-wrap' },
    h('table', { class: cls }, h('caption', { class: 'visually-hidden' }, `${caption} (column headers sort)`), h('thead', null, h('tr', null, ths)), tbody),
  );
}
