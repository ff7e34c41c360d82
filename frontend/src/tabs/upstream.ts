import { badge, extLink, h } from '../dom';
import type { UpstreamDoc } from '../types';
import { type TabDef, facts } from './common';

export const upstreamTab: TabDef<UpstreamDoc> = {
  id: 'upstream',
  label: 'Upstream',
  absentMessage: (pkg) => `${pkg} is not mapped to an upstream project in Anitya (release-monitoring.org).`,
  render(d) {
    const status =
      d.outdated === true
        ? badge('outdated', 'bad')
        : d.outdated === false
          ? badge('up to date', 'ok')
          : badge('unknown', 'neutral');
    return h(
      'div',
      null,
      h(
        'p',
        { class: 'upstream-status' },
        status,
        ' ',
        d.outdated === true
          ? `Rawhide has ${d.rawhideVersion ?? '?'}; upstream's latest stable is ${d.stableVersion ?? d.latestVersion ?? '?'}.`
          : d.outdated === false
            ? 'Rawhide has the latest stable upstream version.'
            : 'Cannot compare: a version is unknown.',
      ),
      facts([
        ['Project', d.project ? extLink(d.projectUrl, d.project) : null],
        ['Ecosystem', d.ecosystem],
        ['Latest upstream version', d.latestVersion ? h('code', null, d.latestVersion) : '—'],
        ['Latest stable upstream version', d.stableVersion ? h('code', null, d.stableVersion) : '—'],
        ['Version in Rawhide', d.rawhideVersion ? h('code', null, d.rawhideVersion) : 'not in Rawhide'],
      ]),
    );
  },
};
