import { upstream } from '../links';
import { h, link } from '../dom';
import { packagePath } from '../format';
import { searchPath } from '../router';
import { DEP_RELATIONS, type Dep, type DepRelation, type DependenciesDoc } from '../types';
import { branchLine } from './branch-picker';
import { type TabDef, emptyNote, section } from './common';
import { pointDepLinks } from './dep-links';

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

/** " >= 0:8.11.1-1.fc44", or "" for an unversioned dependency. */
function constraint(d: Dep): string {
  if (!d.flags || !d.version) return '';
  return ` ${FLAG_SYMBOLS[d.flags] ?? d.flags} ${d.version}`;
}

export function formatDep(d: Dep): string {
  return d.name + constraint(d);
}

/** Package names as the API accepts them (PackageNames in worker/contract). */
const PACKAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,199}$/;
/** RPM's %{_isa} suffix: "libcurl(x86-64)" is what libcurl provides for its architecture. */
const ISA_SUFFIX = /\([a-z0-9_]+-(?:32|64)\)$/;

/**
 * The package a dependency names, or null for other capabilities (sonames such as
 * "libc.so.6()(64bit)", files, "perl(Foo)", rich "(a or b)" expressions). Names of binary
 * (sub-)packages are fine: their pages redirect to the source package.
 */
export function depPackage(name: string): string | null {
  const bare = name.replace(ISA_SUFFIX, '');
  return PACKAGE_NAME.test(bare) ? bare : null;
}

/**
 * Where a dependency's link leads: a package name to its page (the API answers a binary name with
 * its source package, and a name only something provides with the providing package's page via
 * search), anything else (sonames, files, perl(Foo)) to a search, which finds what provides it.
 */
export function depHref(name: string): string {
  const pkg = depPackage(name);
  return pkg ? packagePath(pkg) : searchPath({ q: name });
}

/** `linked`: link what the entries name (not for Provides: those are this package's own). */
function depList(deps: Dep[], linked: boolean): HTMLElement {
  return h(
    'ul',
    { class: 'dep-list' },
    deps.map((d) => {
      // Rich dependencies "(a or b)" name several things: left as text.
      const href = linked && !d.name.startsWith('(') ? depHref(d.name) : null;
      // data-dep: the name to resolve to its package once the tab is on screen (dep-links.ts).
      return h('li', null, h('code', null, href ? [link(href, d.name, { 'data-dep': d.name }), constraint(d)] : formatDep(d)));
    }),
  );
}

/** Reverse dependencies: binary package names, linked to their pages. */
function reverseList(names: string[], empty: string): HTMLElement {
  if (names.length === 0) return emptyNote(empty);
  return h('ul', { class: 'name-columns' }, names.map((n) => h('li', null, link(packagePath(n), n, { 'data-dep': n }))));
}

export const dependenciesTab: TabDef<DependenciesDoc> = {
  id: 'dependencies',
  links: (pkg) => [{ label: 'packages.fedoraproject.org', url: upstream.repoData(pkg) }],
  label: 'Dependencies',
  absentMessage: (pkg) => `No dependency data for ${pkg}: it is in no repository mdapi knows.`,
  enhance: pointDepLinks,
  render(d, ctx) {
    return h(
      'div',
      null,
      branchLine(d, 'dependencies', ctx),
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
              depList(deps, rel !== 'provides'),
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
