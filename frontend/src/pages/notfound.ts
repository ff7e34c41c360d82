import { h, link, replace } from '../dom';
import { packagePath } from '../format';
import { searchPath } from '../router';
import type { SearchHit } from '../types';

export function renderPackageNotFound(main: HTMLElement, name: string, detail?: string, suggestions: SearchHit[] = []): void {
  document.title = `No package named ${name} – Fedora Packages`;
  replace(
    main,
    h('h1', { tabindex: '-1' }, `No package named ${name}`),
    h('p', null, detail || 'Fedora Packages does not know this package.'),
    suggestions.length
      ? h(
          'section',
          { class: 'did-you-mean', 'aria-labelledby': 'did-you-mean-title' },
          h('h2', { id: 'did-you-mean-title' }, 'Did you mean'),
          h(
            'ul',
            null,
            suggestions.map((s) => h('li', null, link(packagePath(s.name), s.name, { class: 'pkg-name' }), s.summary ? ` — ${s.summary}` : '')),
          ),
        )
      : null,
    h('p', null, link(searchPath({ q: name }), `Search for “${name}”`), ' · ', link('/', 'Home')),
  );
}

export function renderPageNotFound(main: HTMLElement, path: string): void {
  document.title = 'Page not found – Fedora Packages';
  replace(
    main,
    h('h1', { tabindex: '-1' }, 'Page not found'),
    h('p', null, 'There is no page at ', h('code', null, path), '.'),
    h('p', null, link('/', 'Home')),
  );
}
