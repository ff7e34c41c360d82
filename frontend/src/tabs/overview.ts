import { extLink, h, link, table } from '../dom';
import { evr, formatBytes, packagePath } from '../format';
import { upstream } from '../links';
import type { OverviewDoc, OverviewSubpackage, UpstreamDoc, VersionsDoc } from '../types';
import { STATUS_TEXT, references, versionStatus } from '../version-status';
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

/** "1.5 MiB installed, 410 KiB download"; either part alone; "" when neither is known. */
export function sizeText(sp: OverviewSubpackage | undefined): string {
  const installed = formatBytes(sp?.installedSize);
  const download = formatBytes(sp?.packageSize);
  return [installed && `${installed} installed`, download && `${download} download`].filter(Boolean).join(', ');
}

/** The sub-package named like the source (what `dnf install <name>` gets), else the first. */
function mainSubpackage(d: OverviewDoc): OverviewSubpackage | undefined {
  return d.subpackages.find((s) => s.name === d.name) ?? d.subpackages[0];
}

/** Every active release's stable (and newer testing) version in one line each, coloured like the Versions tab. */
function glance(versions: VersionsDoc | undefined, up: UpstreamDoc | undefined): HTMLElement | null {
  if (!versions || versions.releases.length === 0) return null;
  const refs = references(versions, up);
  return h(
    'ul',
    { class: 'glance' },
    versions.releases.map((r) => {
      const b = r.stable ?? r.testing;
      const st = versionStatus(b?.version, refs);
      return h(
        'li',
        { class: `glance-item vcell-${st === 'upstream' ? 'ok' : st === 'rawhide' ? 'info' : st === 'behind' ? 'warn' : 'neutral'}` },
        h('span', { class: 'glance-release' }, r.longName || r.release),
        ' ',
        b ? h('code', null, evr(b.epoch, b.version, b.release)) : h('span', { class: 'muted' }, 'not built'),
        r.stable ? null : b ? h('span', { class: 'small' }, ' (testing)') : null,
        b ? h('span', { class: 'visually-hidden' }, `, ${STATUS_TEXT[st]}`) : null,
      );
    }),
  );
}

export const overviewTab: TabDef<OverviewDoc> = {
  id: 'overview',
  label: 'Overview',
  links: (pkg) => [
    { label: 'dist-git', url: upstream.distGit(pkg) },
    { label: 'packages.fedoraproject.org', url: upstream.repoData(pkg) },
  ],
  needs: ['versions', 'upstream'],
  absentMessage: (pkg) => `${pkg} is in no active release's repository metadata.`,
  render(d, ctx) {
    // Sizes are new in the documents (older ones have none): the row and column only when known.
    const withSizes = d.subpackages.some((s) => sizeText(s));
    const versions = glance(ctx.related?.versions as VersionsDoc | undefined, ctx.related?.upstream as UpstreamDoc | undefined);
    return h(
      'div',
      { class: 'tab-overview' },
      section('Description', description(d.description)),
      section(
        'Package info',
        facts([
          ['Upstream', d.url ? extLink(d.url, d.url) : null],
          ['License', d.license ?? 'not in the repository metadata'],
          ['Version', evr(d.epoch, d.version, d.release)],
          ['Branch', d.branch],
          ['Size', sizeText(mainSubpackage(d)) || null],
        ]),
      ),
      versions
        ? section(
            'Versions per release',
            versions,
            h('p', { class: 'muted small' }, 'Green: matches upstream; blue: matches Rawhide; yellow: behind. ', link(packagePath(ctx.pkg, 'versions'), 'Stable and testing per release')),
          )
        : null,
      section(
        `Sub-packages (${d.subpackages.length})`,
        d.subpackages.length === 0
          ? emptyNote('No sub-packages.')
          : table(
              null,
              withSizes ? ['Name', 'Summary', 'Arch', 'Size'] : ['Name', 'Summary', 'Arch'],
              d.subpackages.map((s) => [h('code', null, s.name), s.summary, s.arch, ...(withSizes ? [sizeText(s)] : [])]),
            ),
      ),
    );
  },
};
