import { badge, dateCell, extLink, h } from '../dom';
import { upstream } from '../links';
import { sortableTable } from '../sortable';
import type { BugsDoc } from '../types';
import { type TabDef, emptyNote } from './common';

type Bug = BugsDoc['bugs'][number];

// Bugzilla workflow order, so counts read left to right as a bug progresses.
const STATUS_ORDER = ['NEW', 'ASSIGNED', 'POST', 'MODIFIED', 'ON_DEV', 'ON_QA', 'VERIFIED', 'RELEASE_PENDING'];
const SEVERITY_ORDER = ['urgent', 'high', 'medium', 'low', 'unspecified'];

/** Position in a workflow or severity order, case-insensitive; unknown values after the known ones. */
const rankIn = (order: string[], v: string | null | undefined) => {
  const i = order.findIndex((o) => o.toLowerCase() === (v ?? '').toLowerCase());
  return i < 0 ? order.length : i;
};

function orderedStatuses(byStatus: Record<string, number>): [string, number][] {
  return Object.entries(byStatus).sort((a, b) => rankIn(STATUS_ORDER, a[0]) - rankIn(STATUS_ORDER, b[0]) || a[0].localeCompare(b[0]));
}

/** A security bug: Bugzilla's Security keyword, or a CVE in the summary (how Fedora files them). */
export function isSecurity(b: Pick<Bug, 'keywords' | 'summary'>): boolean {
  return (b.keywords ?? []).some((k) => k.toLowerCase() === 'security') || /\bCVE-\d{4}-\d+/.test(b.summary ?? '');
}

function severityBadge(sev: string | null): HTMLElement | string {
  if (!sev) return '—';
  const s = sev.toLowerCase();
  return badge(s, s === 'urgent' || s === 'high' ? 'bad' : s === 'medium' ? 'warn' : 'neutral');
}

export const bugsTab: TabDef<BugsDoc> = {
  id: 'bugs',
  label: 'Bugs',
  links: (pkg) => [
    { label: 'open bugs in Bugzilla', url: upstream.bugzillaOpen(pkg) },
    { label: 'report a bug', url: upstream.bugzillaReport(pkg) },
  ],
  absentMessage: (pkg) => `${pkg} is not a component in Bugzilla.`,
  render(d) {
    if (d.bugs.length === 0 && d.total === 0) return emptyNote('No open bugs.');
    const security = d.bugs.filter(isSecurity).length;
    return h(
      'div',
      null,
      h(
        'div',
        { class: 'bug-counts' },
        h('span', { class: 'count-total' }, `${d.total} open`),
        security ? badge(`${security} security`, 'bad') : null,
        h(
          'ul',
          { class: 'inline-list counts', 'aria-label': 'Open bugs by status' },
          orderedStatuses(d.byStatus).map(([s, n]) => h('li', null, h('span', { class: 'badge badge-neutral' }, s), ` ${n}`)),
        ),
      ),
      sortableTable<Bug>(
        d.bugs,
        [
          { label: 'Bug', cell: (b) => extLink(b.url, `#${b.id}`), key: (b) => b.id },
          {
            label: 'Summary',
            cell: (b) => [isSecurity(b) ? [badge('Security', 'bad'), ' '] : null, b.summary ?? '—'],
            key: (b) => (isSecurity(b) ? 0 : 1),
          },
          { label: 'Status', cell: (b) => b.status, key: (b) => rankIn(STATUS_ORDER, b.status) },
          { label: 'Severity', cell: (b) => severityBadge(b.severity), key: (b) => rankIn(SEVERITY_ORDER, b.severity) },
          { label: 'Priority', cell: (b) => b.priority, key: (b) => rankIn(SEVERITY_ORDER, b.priority) },
          { label: 'Assignee', cell: (b) => b.assignee, key: (b) => b.assignee },
          { label: 'Version', cell: (b) => [b.product, b.version].filter(Boolean).join(' '), key: (b) => `${b.product ?? ''} ${b.version ?? ''}` },
          { label: 'Last change', cell: (b) => dateCell(b.lastChange), key: (b) => (b.lastChange ? Date.parse(b.lastChange) : null) },
        ],
        'bugs',
        'Open bugs',
      ),
    );
  },
};
