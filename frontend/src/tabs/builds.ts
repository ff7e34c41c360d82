import { badge, dateCell, extLink, h, table } from '../dom';
import { formatDuration } from '../format';
import type { BuildsDoc } from '../types';
import { type TabDef, emptyNote } from './common';

/** Koji build states → badge tone. */
export function buildStateTone(state: string | null): 'ok' | 'warn' | 'bad' | 'info' | 'neutral' {
  switch (state) {
    case 'COMPLETE':
      return 'ok';
    case 'FAILED':
      return 'bad';
    case 'BUILDING':
      return 'info';
    case 'CANCELED':
      return 'warn';
    default:
      return 'neutral';
  }
}

export const buildsTab: TabDef<BuildsDoc> = {
  id: 'builds',
  label: 'Builds',
  absentMessage: (pkg) => `No builds in Koji for ${pkg}.`,
  render(d) {
    if (d.builds.length === 0) return emptyNote('No builds in Koji for this package.');
    return h(
      'div',
      null,
      h('p', { class: 'muted' }, `Newest ${d.builds.length} builds, newest first.`),
      table(
        null,
        ['Build', 'State', 'Owner', 'Started', 'Duration', 'Task'],
        d.builds.map((b) => [
          extLink(b.buildUrl, b.nvr),
          b.state ? badge(b.state.toLowerCase(), buildStateTone(b.state)) : '—',
          b.owner,
          dateCell(b.startedAt),
          formatDuration(b.durationSeconds),
          b.taskId !== null ? extLink(b.taskUrl, `#${b.taskId}`) : '—',
        ]),
        'builds',
      ),
    );
  },
};
