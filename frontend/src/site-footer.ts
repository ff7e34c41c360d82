// The footer of every page: where the data comes from, and the API for tools.

import { extLink, h, link } from './dom';
import { own } from './links';

export function siteFooter(): HTMLElement {
  return h(
    'div',
    { class: 'site-footer-inner' },
    h(
      'p',
      null,
      'Data from Fedora’s services (mdapi, Koji, Bodhi, Bugzilla, dist-git, Anitya, Koschei), refreshed as their messages arrive.',
    ),
    h(
      'ul',
      { class: 'inline-list', 'aria-label': 'For tools' },
      h('li', null, link(own.apiDocs, 'API (Swagger UI)')),
      h('li', null, link(own.openapi, 'OpenAPI document')),
      h('li', null, extLink('https://docs.fedoraproject.org/en-US/package-maintainers/', 'Packaging docs')),
    ),
  );
}
