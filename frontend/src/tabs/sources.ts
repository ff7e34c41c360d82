import { upstream } from '../links';
import { dateCell, extLink, h, table } from '../dom';
import type { SourcesDoc } from '../types';
import { type TabDef, emptyNote, facts, inlineList, section } from './common';

const firstLine = (s: string | null) => (s ?? '').split('\n')[0];

export const sourcesTab: TabDef<SourcesDoc> = {
  id: 'sources',
  links: (pkg) => [{ label: 'dist-git', url: upstream.distGit(pkg) }],
  label: 'Sources',
  absentMessage: (pkg) => `No dist-git repository for ${pkg}.`,
  render(d) {
    const branches = d.branches.map((b) => (b === d.defaultBranch ? h('strong', { title: 'default branch' }, b) : b));
    return h(
      'div',
      null,
      facts([
        ['Repository', d.url ? extLink(d.url, d.url) : null],
        ['Default branch', d.defaultBranch],
      ]),
      section(`Branches (${d.branches.length})`, inlineList(branches)),
      section(
        'Last commits',
        d.lastCommits.length === 0
          ? emptyNote('No commits known.')
          : table(
              null,
              ['Branch', 'Commit', 'Message', 'Author', 'Date'],
              d.lastCommits.map((c) => [
                c.branch,
                extLink(c.url, h('code', null, c.id.slice(0, 10))),
                h('span', { title: c.message ?? '' }, firstLine(c.message)),
                c.author,
                dateCell(c.date),
              ]),
              'commits',
            ),
      ),
      section(`Patches (${d.patches.length})`, d.patches.length ? h('ul', null, d.patches.map((p) => h('li', null, h('code', null, p)))) : emptyNote('No patches.')),
      section(`Sources (${d.sources.length})`, d.sources.length ? h('ul', null, d.sources.map((s) => h('li', null, h('code', null, s)))) : emptyNote('No Source lines.')),
      section(
        'Lookaside cache',
        d.lookaside.length === 0
          ? emptyNote('No files in the lookaside cache.')
          : table(
              null,
              ['File', 'Algorithm', 'Hash'],
              d.lookaside.map((l) => [h('code', null, l.file), l.algorithm, l.hash ? h('code', { class: 'hash', title: l.hash }, l.hash) : null]),
              'lookaside',
            ),
      ),
      section(
        'Spec file',
        d.spec
          ? h(
              'details',
              { class: 'spec', open: true },
              h('summary', null, d.specFile ?? 'spec'),
              d.specTruncated ? emptyNote('The spec file is long: only its beginning is shown here; dist-git has the whole file.') : null,
              // It scrolls: focusable and named, so keyboard users can scroll it too.
              h('pre', { class: 'spec-text', tabindex: 0, role: 'region', 'aria-label': `${d.specFile ?? 'spec file'} (scrollable)` }, d.spec),
            )
          : emptyNote('No spec file found on the default branch.'),
      ),
    );
  },
};
