import { buildDurationChart } from '../charts/build-durations';
import { badge, dateCell, extLink, h, replace, table } from '../dom';
import { formatDuration } from '../format';
import { upstream } from '../links';
import type { BuildsDoc } from '../types';
import { type TabDef, emptyNote } from './common';

type BuildRow = BuildsDoc['builds'][number];

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

/** The release a build is for, from its dist tag: "2.fc44" → "fc44", "1.el9_3" → "el9". */
export function buildRelease(b: Pick<BuildRow, 'release' | 'nvr'>): string {
  const m = /\.(fc\d+|el\d+|eln\d*)(?:[._]|$)/.exec(b.release || b.nvr || '');
  return m ? m[1] : 'other';
}

/** Dist tags newest first (fc44 before fc43 before el10). */
function releaseOrder(a: string, b: string): number {
  const key = (r: string) => [r.startsWith('fc') ? 0 : r.startsWith('el') ? 1 : 2, -Number(r.replace(/\D/g, '') || 0)];
  const [ka, kb] = [key(a), key(b)];
  return ka[0] - kb[0] || ka[1] - kb[1];
}

function buildsTable(builds: BuildRow[]): HTMLElement {
  return table(
    null,
    ['Build', 'State', 'Owner', 'Started', 'Duration', 'Task'],
    builds.map((b) => [
      extLink(b.buildUrl, b.nvr),
      b.state ? badge(b.state.toLowerCase(), buildStateTone(b.state)) : '—',
      b.owner,
      dateCell(b.startedAt),
      formatDuration(b.durationSeconds),
      b.taskId !== null ? extLink(b.taskUrl, `#${b.taskId}`) : '—',
    ]),
    'builds',
  );
}

export const buildsTab: TabDef<BuildsDoc> = {
  id: 'builds',
  label: 'Builds',
  links: (pkg) => [{ label: 'Koji package', url: upstream.kojiPackage(pkg) }],
  absentMessage: (pkg) => `No builds in Koji for ${pkg}.`,
  render(d) {
    if (d.builds.length === 0) return emptyNote('No builds in Koji for this package.');
    const releases = [...new Set(d.builds.map(buildRelease))].sort(releaseOrder);
    const body = h('div', { class: 'builds-body' });
    const select = h(
      'select',
      { id: 'builds-release', name: 'release' },
      h('option', { value: '' }, `All releases (${d.builds.length})`),
      releases.map((r) => h('option', { value: r }, `${r} (${d.builds.filter((b) => buildRelease(b) === r).length})`)),
    );
    const show = () => {
      const shown = select.value ? d.builds.filter((b) => buildRelease(b) === select.value) : d.builds;
      const chart = buildDurationChart(shown);
      replace(
        body,
        chart ? h('figure', { class: 'chart-figure' }, chart, h('figcaption', { class: 'muted' }, 'Build duration by start date; ✕ failed, ● completed, ○ other.')) : null,
        buildsTable(shown),
      );
    };
    select.addEventListener('change', show);
    show();
    return h(
      'div',
      null,
      h('p', { class: 'muted' }, `Newest ${d.builds.length} builds, newest first.`),
      releases.length > 1 ? h('div', { class: 'tab-filter' }, h('label', { for: 'builds-release' }, 'Release'), select) : null,
      body,
    );
  },
};
