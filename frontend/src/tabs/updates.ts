import { badge, dateCell, extLink, h, table } from '../dom';
import type { UpdatesDoc } from '../types';
import { type TabDef, emptyNote } from './common';

function statusTone(s: string | null): 'ok' | 'warn' | 'bad' | 'info' | 'neutral' {
  switch (s) {
    case 'stable':
      return 'ok';
    case 'testing':
      return 'info';
    case 'pending':
      return 'warn';
    default:
      return 'neutral';
  }
}

function karma(k: number | null): Node | string {
  if (k === null) return '—';
  return h('span', { class: k > 0 ? 'karma-pos' : k < 0 ? 'karma-neg' : 'karma-zero' }, k > 0 ? `+${k}` : String(k));
}

export const updatesTab: TabDef<UpdatesDoc> = {
  id: 'updates',
  label: 'Updates',
  absentMessage: (pkg) => `No updates in Bodhi for ${pkg}.`,
  render(d) {
    if (d.updates.length === 0) return emptyNote('No updates in Bodhi for this package.');
    return h(
      'div',
      null,
      d.total > d.updates.length
        ? h('p', { class: 'muted' }, `Newest ${d.updates.length} of ${d.total} updates.`)
        : h('p', { class: 'muted' }, `${d.total} update${d.total === 1 ? '' : 's'}.`),
      table(
        null,
        ['Update', 'Release', 'Status', 'Type', 'Severity', 'Karma', 'Submitter', 'Submitted', 'Testing', 'Stable', 'Modified'],
        d.updates.map((u) => [
          h(
            'span',
            { class: 'update-id' },
            extLink(u.url, u.alias ?? u.title ?? 'update'),
            u.title ? h('span', { class: 'sub' }, u.title) : null,
          ),
          u.release,
          u.status ? badge(u.status, statusTone(u.status)) : '—',
          u.type,
          u.severity && u.severity !== 'unspecified' ? u.severity : '—',
          karma(u.karma),
          u.submitter,
          dateCell(u.dateSubmitted),
          dateCell(u.dateTesting),
          dateCell(u.dateStable),
          dateCell(u.dateModified),
        ]),
        'updates',
      ),
    );
  },
};
