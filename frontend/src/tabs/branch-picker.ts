// Which branch a per-branch document (Dependencies, Files, Changelog) is from, and, when the API
// has it on several, links to the others: real links (`?branch=f43`), so the router, Back, a new
// tab and a shared URL all keep the choice.

import { branchLabel } from '../branches';
import { h, link } from '../dom';
import { packagePath } from '../format';
import type { ConnectorName } from '../types';
import type { TabContext } from './common';

export interface BranchedDoc {
  branch?: string | null;
  /** Every branch that has the document, in display order; older documents have none. */
  branches?: string[] | null;
}

/** The URL of `tab` of `pkg` on `branch`. */
export function branchPath(pkg: string, tab: ConnectorName, branch: string): string {
  return `${packagePath(pkg, tab)}?branch=${encodeURIComponent(branch)}`;
}

/** The picker when there is a choice; else "From the f43 repositories." (or nothing without a branch). */
export function branchLine(d: BranchedDoc, tab: ConnectorName, ctx: TabContext): HTMLElement | null {
  const branches = Array.isArray(d.branches) ? d.branches.filter((b) => typeof b === 'string' && b) : [];
  if (branches.length < 2) return d.branch ? h('p', { class: 'muted' }, `From the ${d.branch} repositories.`) : null;
  return h(
    'div',
    { class: 'branch-picker', role: 'group', 'aria-label': 'Branch' },
    h('span', { class: 'branch-picker-label', 'aria-hidden': 'true' }, 'Branch'),
    h(
      'ul',
      { class: 'branch-options' },
      branches.map((b) =>
        h('li', null, link(branchPath(ctx.pkg, tab, b), branchLabel(b), { 'data-branch': b, 'aria-current': b === d.branch ? 'page' : null })),
      ),
    ),
  );
}
