// Home: what the site is, how many packages it knows, the bootstrap's progress while it runs, and
// a few ways in. Finding a package is the search box's job (in the header of every page).

import { h, link, replace } from '../dom';
import { formatCount, packagePath } from '../format';
import { searchPath } from '../router';
import { type StatusWatchOptions, watchStatus } from './indexing';

/** Ways in for a first visit: a search by words, a sub-package name, a source package. */
const EXAMPLES: { text: string; path: string }[] = [
  { text: 'http client', path: searchPath({ q: 'http client' }) },
  { text: 'python3-requests', path: searchPath({ q: 'python3-requests' }) },
  { text: 'vim-X11', path: packagePath('vim-X11') },
  { text: 'curl', path: packagePath('curl') },
];

export function countText(known: number): string {
  return `${formatCount(known)} source package${known === 1 ? '' : 's'} from Fedora and EPEL.`;
}

export async function renderHome(main: HTMLElement, signal: AbortSignal, opts: StatusWatchOptions = {}): Promise<void> {
  document.title = 'Fedora Packages';
  const indexing = h('p', { class: 'indexing', hidden: true });
  const count = h('p', { class: 'muted package-count' });
  replace(
    main,
    h('h1', { tabindex: '-1' }, 'Fedora Packages'),
    h('p', { class: 'lead' }, 'Versions, builds, updates, bugs, dependencies, files and more for each Fedora package.'),
    count,
    indexing,
    h(
      'section',
      { class: 'home-start', 'aria-labelledby': 'home-start-title' },
      h('h2', { id: 'home-start-title' }, 'Find a package'),
      h(
        'p',
        null,
        'Search by package or sub-package name, by something a package provides, or by words from its summary. Press ',
        h('kbd', null, '/'),
        ' on any page to jump to the search box.',
      ),
      h('ul', { class: 'inline-list examples', 'aria-label': 'Examples' }, EXAMPLES.map((e) => h('li', null, link(e.path, e.text)))),
    ),
  );
  await watchStatus(indexing, signal, (s) => (count.textContent = countText(s.packages)), opts);
}
