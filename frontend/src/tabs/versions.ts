import { badge, extLink, h, table } from '../dom';
import { evr } from '../format';
import type { Build, VersionsDoc } from '../types';
import { type TabDef, emptyNote } from './common';

/** "8.11.1-1.fc43" linked to Koji, with a small link to the Bodhi update. */
function buildCell(b: Build | null): Node | string {
  if (!b) return '—';
  const v = evr(b.epoch, b.version, b.release) || b.nvr;
  return h(
    'span',
    { class: 'build-cell' },
    extLink(b.buildUrl, v, { title: `${b.nvr} in Koji` }),
    b.updateUrl ? [' ', extLink(b.updateUrl, 'update', { class: 'small', title: `Bodhi update for ${b.nvr}` })] : null,
  );
}

const stateTone = (s: string | null) => (s === 'current' ? 'ok' : s === 'pending' || s === 'frozen' ? 'info' : 'neutral');

export const versionsTab: TabDef<VersionsDoc> = {
  id: 'versions',
  label: 'Versions',
  absentMessage: (pkg) => `${pkg} is not tagged in any active Fedora or EPEL release.`,
  render(d) {
    if (d.releases.length === 0) return emptyNote('Not in any active release.');
    return table(
      null,
      ['Release', 'Stable', 'Testing'],
      d.releases.map((r) => [
        h(
          'span',
          null,
          h('span', { title: r.branch ?? '' }, r.longName || r.release),
          r.state && r.state !== 'current' ? [' ', badge(r.state, stateTone(r.state))] : null,
        ),
        buildCell(r.stable),
        buildCell(r.testing),
      ]),
      'versions',
    );
  },
};
