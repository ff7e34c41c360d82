import { h, link } from '../dom';
import { packagePath } from '../format';
import { DEP_RELATIONS, type Dep, type DepRelation, type DependenciesDoc } from '../types';
import { type TabDef, emptyNote, section } from './common';

const RELATION_LABELS: Record<DepRelation, string> = {
  requires: 'Requires',
  provides: 'Provides',
  recommends: 'Recommends',
  suggests: 'Suggests',
  supplements: 'Supplements',
  enhances: 'Enhances',
  obsoletes: 'Obsoletes',
  conflicts: 'Conflicts',
};

// mdapi/RPM comparison flags.
const FLAG_SYMBOLS: Record<string, string> = { EQ: '=', GE: '>=', LE: '<=', GT: '>', LT: '<' };

export function formatDep(d: Dep): string {
  if (!d.flags || !d.version) return d.name;
  return `${d.name} ${FLAG_SYMBOLS[d.flags] ?? d.flags} ${d.version}`;
}

function depList(deps: Dep[]): HTMLElement {
  return h('ul', { class: 'dep-list' }, deps.map((d) => h('li', null, h('code', null, formatDep(d)))));
}

/** Reverse dependencies: binary package names, linked to their pages. */
function reverseList(names: string[], empty: string): HTMLElement {
  if (names.length === 0) return emptyNote(empty);
  return h('ul', { class: 'name-columns' }, names.map((n) => h('li', null, link(packagePath(n), n))));
}

export const dependenciesTab: TabDef<DependenciesDoc> = {
  id: 'dependencies',
  label: 'Dependencies',
  absentMessage: (pkg) => `No dependency data for ${pkg}: it is in no repository mdapi knows.`,
  render(d) {
    return h(
      'div',
      null,
      d.branch ? h('p', { class: 'muted' }, `From the ${d.branch} repositories.`) : null,
      d.subpackages.length === 0 ? emptyNote('No sub-packages.') : null,
      // The first sub-package (usually the one named like the source) starts open.
      d.subpackages.map((sp, i) =>
        h(
          'details',
          { class: 'subpkg', open: i === 0 },
          h(
            'summary',
            null,
            h('code', null, sp.name),
            h('span', { class: 'relation-counts' }, ` — ${(sp.requires ?? []).length} requires, ${(sp.provides ?? []).length} provides`),
          ),
          DEP_RELATIONS.map((rel) => {
            const deps = sp[rel] ?? [];
            if (deps.length === 0) return null;
            // Requires is what people look for first; other relations start folded.
            return h(
              'details',
              { class: 'relation', open: rel === 'requires' },
              h('summary', null, `${RELATION_LABELS[rel]} (${deps.length})`),
              depList(deps),
            );
          }),
        ),
      ),
      section(`Required by (${d.requiredBy.length})`, reverseList(d.requiredBy, 'Nothing requires this package.')),
      section(
        `Recommended by (${d.recommendedBy.length})`,
        reverseList(d.recommendedBy, 'Nothing recommends this package.'),
      ),
    );
  },
};
