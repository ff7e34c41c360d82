import { h, link, replace } from '../dom';

export function renderPackageNotFound(main: HTMLElement, name: string, detail?: string): void {
  document.title = `No package named ${name} – Fedora Packages`;
  replace(
    main,
    h('h1', { tabindex: '-1' }, `No package named ${name}`),
    h('p', null, detail || 'Fedora Packages does not know this package.'),
    h('p', null, link('/', 'See all packages')),
  );
}

export function renderPageNotFound(main: HTMLElement, path: string): void {
  document.title = 'Page not found – Fedora Packages';
  replace(
    main,
    h('h1', { tabindex: '-1' }, 'Page not found'),
    h('p', null, 'There is no page at ', h('code', null, path), '.'),
    h('p', null, link('/', 'See all packages')),
  );
}
