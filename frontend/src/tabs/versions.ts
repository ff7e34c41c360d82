import { badge, extLink, h } from '../dom';
import { evr } from '../format';
import { upstream } from '../links';
import type { Build, UpstreamDoc, VersionsDoc } from '../types';
import { type References, STATUS_TEXT, type VersionStatus, references, versionStatus } from '../version-status';
import { type TabDef, emptyNote } from './common';

const TONE: Record<VersionStatus, string> = { upstream: 'ok', rawhide: 'info', behind: 'warn', unknown: 'neutral' };

/** One cell of the grid: the build, coloured by how it compares, and the comparison in words. */
function buildCell(b: Build | null, refs: References, kind: string): HTMLElement {
  if (!b) return h('td', { class: 'vcell vcell-none' }, h('span', { class: 'muted' }, '—'), h('span', { class: 'visually-hidden' }, `no ${kind} build`));
  const v = evr(b.epoch, b.version, b.release) || b.nvr;
  const st = versionStatus(b.version, refs);
  return h(
    'td',
    { class: `vcell vcell-${TONE[st]}`, 'data-status': st },
    extLink(b.buildUrl, v, { title: `${b.nvr} in Koji` }),
    h('span', { class: 'vcell-status' }, STATUS_TEXT[st]),
    b.updateUrl ? extLink(b.updateUrl, 'update', { class: 'small', title: `Bodhi update for ${b.nvr}` }) : null,
  );
}

const stateTone = (s: string | null) => (s === 'current' ? 'ok' : s === 'pending' || s === 'frozen' ? 'info' : 'neutral');

function legend(refs: References): HTMLElement {
  const item = (st: VersionStatus, text: string) => h('li', null, h('span', { class: `swatch vcell-${TONE[st]}`, 'aria-hidden': 'true' }), text);
  return h(
    'ul',
    { class: 'legend inline-list', 'aria-label': 'Colours' },
    item('upstream', refs.upstream ? `matches upstream (${refs.upstream})` : 'matches upstream (unknown)'),
    item('rawhide', refs.rawhide ? `matches Rawhide (${refs.rawhide})` : 'matches Rawhide (not in Rawhide)'),
    item('behind', 'behind'),
  );
}

export const versionsTab: TabDef<VersionsDoc> = {
  id: 'versions',
  label: 'Versions',
  links: (pkg) => [
    { label: 'Bodhi updates', url: upstream.bodhiUpdates(pkg) },
    { label: 'Koji package', url: upstream.kojiPackage(pkg) },
  ],
  needs: ['upstream'],
  absentMessage: (pkg) => `${pkg} is not tagged in any active Fedora or EPEL release.`,
  render(d, ctx) {
    if (d.releases.length === 0) return emptyNote('Not in any active release.');
    const refs = references(d, ctx.related?.upstream as UpstreamDoc | undefined);
    return h(
      'div',
      null,
      legend(refs),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'versions' },
          h('caption', { class: 'visually-hidden' }, 'Stable and testing builds per active release'),
          h('thead', null, h('tr', null, ['Release', 'Stable', 'Testing'].map((t) => h('th', { scope: 'col' }, t)))),
          h(
            'tbody',
            null,
            d.releases.map((r) =>
              h(
                'tr',
                null,
                h(
                  'th',
                  { scope: 'row' },
                  h('span', { title: r.branch ?? '' }, r.longName || r.release),
                  r.state && r.state !== 'current' ? [' ', badge(r.state, stateTone(r.state))] : null,
                ),
                buildCell(r.stable, refs, 'stable'),
                buildCell(r.testing, refs, 'testing'),
              ),
            ),
          ),
        ),
      ),
    );
  },
};
