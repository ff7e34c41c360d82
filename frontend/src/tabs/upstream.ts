import { badge, extLink, h } from '../dom';
import { upstream } from '../links';
import type { UpstreamDoc, VersionsDoc } from '../types';
import { behindUpstream } from '../version-status';
import { type TabDef, facts } from './common';

export const upstreamTab: TabDef<UpstreamDoc> = {
  id: 'upstream',
  label: 'Upstream',
  links: (pkg) => [{ label: 'Anitya (release-monitoring.org)', url: upstream.anityaSearch(pkg) }],
  // An EPEL-only package has no Rawhide version for Anitya to compare: compare with the releases.
  needs: ['versions'],
  absentMessage: (pkg) => `${pkg} is not mapped to an upstream project in Anitya (release-monitoring.org).`,
  render(d, ctx) {
    const cmp = behindUpstream(d, ctx.related?.versions as VersionsDoc | undefined);
    const target = d.stableVersion ?? d.latestVersion ?? '?';
    const status =
      cmp.behind === true ? badge('behind upstream', 'bad') : cmp.behind === false ? badge('up to date', 'ok') : badge('unknown', 'neutral');
    return h(
      'div',
      null,
      h(
        'p',
        { class: 'upstream-status' },
        status,
        ' ',
        cmp.behind === true
          ? `${cmp.where ?? 'Fedora'} has ${cmp.compared ?? '?'}; upstream's latest stable is ${target}.`
          : cmp.behind === false
            ? `${cmp.where ?? 'Fedora'} has the latest stable upstream version (${target}).`
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
