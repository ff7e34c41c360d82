import { dateCell, extLink, h, table } from '../dom';
import type { BugsDoc } from '../types';
import { type TabDef, emptyNote } from './common';

// Bugzilla workflow order, so counts read left to right as a bug progresses.
const STATUS_ORDER = ['NEW', 'ASSIGNED', 'POST', 'MODIFIED', 'ON_DEV', 'ON_QA', 'VERIFIED', 'RELEASE_PENDING'];

function orderedStatuses(byStatus: Record<string, number>): [string, number][] {
  const rank = (s: string) => {
    const i = STATUS_ORDER.indexOf(s);
    return i < 0 ? STATUS_ORDER.length : i;
  };
  return Object.entries(byStatus).sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
}

export const bugsTab: TabDef<BugsDoc> = {
  id: 'bugs',
  label: 'Bugs',
  absentMessage: (pkg) => `${pkg} is not a component in Bugzilla.`,
  render(d) {
    if (d.bugs.length === 0 && d.total === 0) return emptyNote('No open bugs.');
    return h(
      'div',
      null,
      h(
        'div',
        { class: 'bug-counts' },
        h('span', { class: 'count-total' }, `${d.total} open`),
        h(
          'ul',
          { class: 'inline-list counts', 'aria-label': 'Open bugs by status' },
          orderedStatuses(d.byStatus).map(([s, n]) => h('li', null, h('span', { class: 'badge badge-neutral' }, s), ` ${n}`)),
        ),
      ),
      table(
        null,
        ['Bug', 'Summary', 'Status', 'Severity / priority', 'Assignee', 'Version', 'Last change'],
        d.bugs.map((b) => [
          extLink(b.url, `#${b.id}`),
          b.summary,
          b.status,
          [b.severity, b.priority].filter(Boolean).join(' / '),
          b.assignee,
          [b.product, b.version].filter(Boolean).join(' '),
          dateCell(b.lastChange),
        ]),
        'bugs',
      ),
    );
  },
};
