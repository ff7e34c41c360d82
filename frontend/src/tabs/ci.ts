import { upstream } from '../links';
import { badge, dateCell, extLink, h, table } from '../dom';
import type { CiDoc } from '../types';
import { type TabDef, emptyNote } from './common';

const TONES: Record<string, 'ok' | 'bad' | 'warn' | 'neutral'> = {
  ok: 'ok',
  failing: 'bad',
  unresolved: 'warn',
  blocked: 'warn',
  untracked: 'neutral',
};

export const ciTab: TabDef<CiDoc> = {
  id: 'ci',
  links: (pkg) => [{ label: 'Koschei', url: upstream.koschei(pkg) }],
  label: 'CI',
  absentMessage: (pkg) => `${pkg} is not tracked by Koschei.`,
  render(d) {
    return h(
      'div',
      null,
      d.url ? h('p', null, 'Koschei scratch-builds the package when its dependencies change: ', extLink(d.url, 'package in Koschei'), '.') : null,
      d.collections.length === 0
        ? emptyNote('Not tracked in any collection.')
        : table(
            null,
            ['Collection', 'State', 'Last build', 'Task'],
            d.collections.map((c) => [
              c.collection,
              c.state ? badge(c.state, TONES[c.state] ?? 'neutral') : '—',
              dateCell(c.lastBuildAt),
              c.lastBuildTaskId !== null ? extLink(c.taskUrl, `#${c.lastBuildTaskId}`) : '—',
            ]),
            'ci',
          ),
    );
  },
};
