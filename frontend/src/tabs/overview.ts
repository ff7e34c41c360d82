import { extLink, h, table } from '../dom';
import { evr } from '../format';
import type { OverviewDoc } from '../types';
import { type TabDef, emptyNote, facts, section } from './common';

/** Description paragraphs: RPM descriptions use blank lines between paragraphs. */
function description(text: string | null): HTMLElement {
  if (!text) return emptyNote('No description.');
  return h(
    'div',
    { class: 'description' },
    text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => h('p', null, p)),
  );
}

export const overviewTab: TabDef<OverviewDoc> = {
  id: 'overview',
  label: 'Overview',
  absentMessage: (pkg) => `No package named ${pkg} in any Fedora or EPEL repository.`,
  render(d) {
    return h(
      'div',
      { class: 'tab-overview' },
      section('Description', description(d.description)),
      section(
        'Package info',
        facts([
          ['Upstream', d.url ? extLink(d.url, d.url) : null],
          ['License', d.license],
          ['Version', evr(d.epoch, d.version, d.release)],
          ['Branch', d.branch],
        ]),
      ),
      section(
        `Sub-packages (${d.subpackages.length})`,
        d.subpackages.length === 0
          ? emptyNote('No sub-packages.')
          : table(
              null,
              ['Name', 'Summary', 'Arch'],
              d.subpackages.map((s) => [h('code', null, s.name), s.summary, s.arch]),
            ),
      ),
    );
  },
};
