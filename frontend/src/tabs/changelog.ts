import { upstream } from '../links';
import { dateCell, h } from '../dom';
import { linkify } from '../linkify';
import type { ChangelogDoc } from '../types';
import { branchLine } from './branch-picker';
import { type TabDef, emptyNote } from './common';

export const changelogTab: TabDef<ChangelogDoc> = {
  id: 'changelog',
  links: (pkg) => [{ label: 'dist-git commits', url: upstream.distGitCommits(pkg) }],
  label: 'Changelog',
  absentMessage: (pkg) => `No changelog for ${pkg}: it is in no repository mdapi knows.`,
  render(d, ctx) {
    const from = branchLine(d, 'changelog', ctx);
    if (d.entries.length === 0) return h('div', null, from, emptyNote('The changelog is empty.'));
    // The document is newest first already; keep its order.
    // E-mail addresses are left out on purpose (packages.fp.o obfuscates them too).
    const entries = h(
      'ol',
      { class: 'changelog' },
      d.entries.map((e) =>
        h(
          'li',
          { class: 'changelog-entry' },
          h(
            'div',
            { class: 'changelog-head' },
            dateCell(e.date),
            ' ',
            h('span', { class: 'author' }, e.author ?? 'unknown author'),
            e.version ? [' ', h('code', { class: 'version' }, e.version)] : null,
          ),
          h('pre', { class: 'changelog-text' }, linkify(e.text ?? '')),
        ),
      ),
    );
    return from ? h('div', null, from, entries) : entries;
  },
};
