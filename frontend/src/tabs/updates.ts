import { updateTimeline } from '../charts/update-timeline';
import { badge, dateCell, extLink, h, table } from '../dom';
import { upstream } from '../links';
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

/** "security · high": the type, with the severity when Bodhi has one. */
function typeCell(type: string | null, severity: string | null): Node | string {
  const sev = severity && severity !== 'unspecified' ? severity : null;
  if (type === 'security') return h('span', null, badge('security', 'bad'), sev ? ` ${sev}` : '');
  return [type, sev].filter(Boolean).join(' · ') || '—';
}

export const updatesTab: TabDef<UpdatesDoc> = {
  id: 'updates',
  label: 'Updates',
  links: (pkg) => [{ label: 'Bodhi updates', url: upstream.bodhiUpdates(pkg) }],
  absentMessage: (pkg) => `No updates in Bodhi for ${pkg}.`,
  render(d) {
    if (d.updates.length === 0) return emptyNote('No updates in Bodhi for this package.');
    const chart = updateTimeline(d.updates);
    return h(
      'div',
      null,
      d.total > d.updates.length
        ? h('p', { class: 'muted' }, `Newest ${d.updates.length} of ${d.total} updates.`)
        : h('p', { class: 'muted' }, `${d.total} update${d.total === 1 ? '' : 's'}.`),
      chart
        ? h('figure', { class: 'chart-figure' }, chart, h('figcaption', { class: 'muted' }, 'Each lane is one update: ○ submitted, blue ● reached testing, green ● reached stable; ⚠ marks security updates.'))
        : null,
      // Eight columns, long titles wrap: fits 1280 px (the dates of submission and last change are in Bodhi).
      table(
        null,
        ['Update', 'Release', 'Status', 'Type', 'Karma', 'Submitter', 'Testing', 'Stable'],
        d.updates.map((u) => [
          h('span', { class: 'update-id' }, extLink(u.url, u.alias ?? u.title ?? 'update'), u.title ? h('span', { class: 'sub' }, u.title) : null),
          u.release,
          u.status ? badge(u.status, statusTone(u.status)) : '—',
          typeCell(u.type, u.severity),
          karma(u.karma),
          u.submitter,
          dateCell(u.dateTesting),
          dateCell(u.dateStable),
        ]),
        'updates',
      ),
    );
  },
};
