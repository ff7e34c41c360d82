// The package header's notes besides name and summary: the sub-package name that led here, the
// retired notice and the branches the package ships in.

import { sortBranches, retiredText } from '../branches';
import { h } from '../dom';

/** "vim-X11 is a sub-package of vim." after a binary name's URL landed on its source package. */
export function subpackageNote(binary: string, source: string): HTMLElement {
  return h(
    'p',
    { class: 'notice subpackage-note', role: 'note' },
    h('code', null, binary),
    ' is a sub-package of ',
    h('code', null, source),
    '.',
  );
}

/** "webclient is provided by curl." after a name that only a package provides led here. */
export function providedNote(capability: string, source: string): HTMLElement {
  return h('p', { class: 'notice subpackage-note', role: 'note' }, h('code', null, capability), ' is not a package; it is provided by ', h('code', null, source), '.');
}

export function retiredNotice(branches: readonly string[]): HTMLElement {
  return h('p', { class: 'notice retired', role: 'note' }, retiredText(branches));
}

/** "Ships in [rawhide] [f43] …"; nothing before the API knows the branches. */
export function branchChips(branches: readonly string[]): HTMLElement | null {
  if (branches.length === 0) return null;
  return h(
    'div',
    { class: 'branches' },
    h('span', { class: 'branches-label' }, 'Ships in'),
    h('ul', { class: 'branch-chips' }, sortBranches(branches).map((b) => h('li', null, b))),
  );
}
