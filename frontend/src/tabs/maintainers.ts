import { upstream } from '../links';
import { extLink, h } from '../dom';
import { safeUrl } from '../format';
import type { MaintainersDoc } from '../types';
import { type TabDef, facts, inlineList, section } from './common';

/**
 * Profile links go to the same dist-git host the document came from (`url`), so the demo's and
 * production's hosts both work without configuration here.
 */
function profileLinker(repoUrl: string | null, kind: 'user' | 'group'): (name: string) => Node {
  const safe = safeUrl(repoUrl);
  const origin = safe ? new URL(safe).origin : null;
  return (name) => (origin ? extLink(`${origin}/${kind}/${encodeURIComponent(name)}`, name) : h('span', null, name));
}

export const maintainersTab: TabDef<MaintainersDoc> = {
  id: 'maintainers',
  links: (pkg) => [{ label: 'dist-git', url: upstream.distGit(pkg) }],
  label: 'Maintainers',
  absentMessage: (pkg) => `No dist-git repository for ${pkg}, so no maintainers.`,
  render(d) {
    const user = profileLinker(d.url, 'user');
    const group = profileLinker(d.url, 'group');
    return h(
      'div',
      null,
      facts([
        ['Point of contact', d.pointOfContact ? user(d.pointOfContact) : h('strong', { class: 'orphaned' }, 'Orphaned')],
        ['Repository', d.url ? extLink(d.url, d.url) : null],
      ]),
      section('People', facts([
        ['Admins', inlineList(d.admins.map(user))],
        ['Committers', inlineList(d.committers.map(user))],
        ['Collaborators', inlineList(d.collaborators.map(user))],
      ])),
      section('Groups', facts([
        ['Admin', inlineList(d.groups.admin.map(group))],
        ['Commit', inlineList(d.groups.commit.map(group))],
        ['Collaborator', inlineList(d.groups.collaborator.map(group))],
      ])),
    );
  },
};
