import { describe, expect, it } from 'vitest';
import { TABS, tabFor } from '.';
import { clone, curlBranched, curlCiAbsent, curlEnvelopes, curlMeta } from '../test-fixtures';
import type { ConnectorMeta, ConnectorName, Envelope } from '../types';
import { renderEnvelope, staleWarning, tabFooter } from './common';
import { buildTree, compress } from './files';
import { depHref, depPackage, formatDep } from './dependencies';
import { sizeText } from './overview';

const NOW = Date.parse('2026-11-25T16:30:12Z');
const ctx = { pkg: 'curl' };

/** Renders a tab like the page does, into a detached container. */
function render(tab: ConnectorName, env: Envelope<any> = curlEnvelopes[tab], meta: ConnectorMeta | null | undefined = curlMeta.connectors[tab]) {
  const el = document.createElement('div');
  el.append(renderEnvelope(tabFor(tab), env, meta, ctx, NOW));
  return el;
}
const rows = (el: Element, sel = 'tbody tr') => [...el.querySelectorAll(sel)];
const cells = (tr: Element) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim());
const text = (el: Element) => el.textContent?.replace(/\s+/g, ' ') ?? '';
/** dt → dd text of every definition list under el. */
const factsOf = (el: Element) =>
  Object.fromEntries([...el.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling!).trim()]));

describe('tab registry', () => {
  it('has one tab per connector, Overview first', () => {
    expect(TABS.map((t) => t.id)).toEqual(['overview', 'versions', 'builds', 'updates', 'bugs', 'dependencies', 'files', 'changelog', 'sources', 'maintainers', 'upstream', 'ci']);
  });
});

describe('footer and warning', () => {
  it('shows a live refreshed age and the upstream’s pages for people, not the API URL it read', () => {
    const f = tabFooter(curlEnvelopes.overview, tabFor('overview').links('curl'), NOW);
    expect(text(f)).toBe('refreshed 12 s ago · see also dist-git · packages.fedoraproject.org');
    expect([...f.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://src.fedoraproject.org/rpms/curl',
      'https://packages.fedoraproject.org/pkgs/curl/',
    ]);
    expect(f.querySelector('a[href*="mdapi"]')).toBeNull();
    expect(f.querySelector('time')!.getAttribute('data-ago')).toBe('2026-11-25T16:30:00Z');
  });
  it('links every tab to human pages upstream', () => {
    const hrefs = (id: ConnectorName) => tabFor(id).links('curl').map((l) => l.url);
    expect(hrefs('builds')).toEqual(['https://koji.fedoraproject.org/koji/search?match=exact&type=package&terms=curl']);
    expect(hrefs('updates')).toEqual(['https://bodhi.fedoraproject.org/updates/?packages=curl']);
    expect(hrefs('bugs')).toEqual([
      'https://bugzilla.redhat.com/buglist.cgi?bug_status=__open__&product=Fedora&product=Fedora%20EPEL&component=curl',
      'https://bugzilla.redhat.com/enter_bug.cgi?product=Fedora&component=curl',
    ]);
    expect(hrefs('ci')).toEqual(['https://koschei.fedoraproject.org/package/curl']);
    expect(hrefs('sources')).toEqual(['https://src.fedoraproject.org/rpms/curl']);
    for (const t of TABS) expect(t.links('curl').length).toBeGreaterThan(0);
  });
  it('warns when the last refresh failed, with the data age', () => {
    const w = staleWarning(curlMeta.connectors.builds, curlEnvelopes.builds.refreshedAt, NOW)!;
    expect(w).not.toBeNull();
    expect(text(w)).toContain('Last refresh failed 3 min ago (timeout); data is 2 h old.');
    expect(text(w)).toContain('Koji hub did not answer within 10 s');
  });
  it('does not warn without an error', () => {
    expect(staleWarning(curlMeta.connectors.overview, curlEnvelopes.overview.refreshedAt, NOW)).toBeNull();
    expect(staleWarning(null, null, NOW)).toBeNull();
  });
  it('says "no data yet" when nothing was ever fetched', () => {
    const w = staleWarning({ status: 'missing', version: null, refreshedAt: null, error: { kind: 'server-error', message: '', at: '2026-11-25T16:29:00Z' } }, null, NOW)!;
    expect(text(w)).toContain('Last refresh failed 1 min ago (server-error); no data yet.');
    expect(w.querySelector('details')).toBeNull();
  });
  it('puts the warning above the (still shown) document', () => {
    const el = render('builds');
    expect(el.firstElementChild!.classList.contains('warning')).toBe(true);
    expect(rows(el)).toHaveLength(3);
  });
});

describe('absent documents', () => {
  it('renders a clear message instead of content', () => {
    const el = render('ci', curlCiAbsent, curlMeta.connectors.ci);
    expect(text(el.querySelector('.absent')!)).toBe('curl is not tracked by Koschei.');
    expect(el.querySelector('table')).toBeNull();
    expect(el.querySelector('footer')).not.toBeNull();
  });
  it('has a message for every tab', () => {
    for (const t of TABS) {
      const env = { ...clone(curlEnvelopes[t.id]), status: 'absent', data: null } as Envelope<any>;
      const el = render(t.id, env, null);
      expect(el.querySelector('.absent')?.textContent).toContain('curl');
    }
    const builds = render('builds', { ...clone(curlEnvelopes.builds), status: 'absent', data: null }, null);
    expect(text(builds)).toContain('No builds in Koji for curl.');
  });
});

describe('tabs render their documents', () => {
  it('overview: description paragraphs, upstream, license, sub-packages', () => {
    const el = render('overview');
    expect(el.querySelectorAll('.description p')).toHaveLength(2);
    expect(el.querySelector('a[href="https://curl.se/"]')).not.toBeNull();
    expect(factsOf(el)).toEqual({ Upstream: 'https://curl.se/', License: 'curl', Version: '8.11.1-1.fc44', Branch: 'rawhide' });
    const subs = rows(el).map(cells);
    expect(subs).toHaveLength(3);
    expect(subs[1]).toEqual(['libcurl', 'A library for getting files from web servers', 'x86_64']);
  });

  it('overview: versions per release at a glance', () => {
    const el = document.createElement('div');
    el.append(renderEnvelope(tabFor('overview'), curlEnvelopes.overview, null, { pkg: 'curl', related: { versions: curlEnvelopes.versions.data, upstream: curlEnvelopes.upstream.data } }, NOW));
    const glance = [...el.querySelectorAll('.glance li')].map(text);
    expect(glance).toHaveLength(3);
    expect(glance[1]).toBe('Fedora 43 8.11.0-2.fc43, behind');
  });

  it('overview: license and sizes of the main package and of each sub-package, when the document has them', () => {
    const el = render('overview', curlBranched.overview);
    const f = factsOf(el);
    expect(f.License).toBe('curl');
    expect(f.Size).toBe('1.2 MiB installed, 480 KiB download');
    expect([...el.querySelectorAll('th')].map(text)).toEqual(['Name', 'Summary', 'Arch', 'Size']);
    expect(rows(el).map((r) => cells(r)[3])).toEqual(['1.2 MiB installed, 480 KiB download', '410 KiB download', '—']);
    // Older documents (no sizes): no Size row, no Size column; no license: said so.
    const old = clone(curlEnvelopes.overview);
    old.data.license = null;
    const o = render('overview', old);
    expect(factsOf(o).Size).toBeUndefined();
    expect(factsOf(o).License).toBe('not in the repository metadata');
    expect([...o.querySelectorAll('th')].map(text)).toEqual(['Name', 'Summary', 'Arch']);
  });

  it('overview: sizes of the main package are those of the sub-package named like the source', () => {
    expect(sizeText({ name: 'x', summary: null, arch: null, installedSize: 0, packageSize: 1023 })).toBe('0 B installed, 1023 B download');
    expect(sizeText({ name: 'x', summary: null, arch: null, installedSize: 5 * 1024 ** 3, packageSize: null })).toBe('5.0 GiB installed');
    expect(sizeText({ name: 'x', summary: null, arch: null, installedSize: null, packageSize: null })).toBe('');
    expect(sizeText(undefined)).toBe('');
    const env = clone(curlBranched.overview);
    env.data.subpackages.reverse();
    expect(factsOf(render('overview', env)).Size).toBe('1.2 MiB installed, 480 KiB download');
  });

  it('versions: release, stable and testing with Koji and Bodhi links', () => {
    const el = render('versions');
    const r = rows(el);
    expect(r).toHaveLength(3);
    expect(text(r[1].querySelector('th')!)).toBe('Fedora 43');
    const stable = r[1].querySelectorAll('td')[0];
    expect(stable.querySelector('a')!.getAttribute('href')).toBe('https://koji.fedoraproject.org/koji/buildinfo?buildID=2590002');
    expect(stable.querySelector('a')!.textContent).toBe('8.11.0-2.fc43');
    expect(stable.querySelectorAll('a')[1].getAttribute('href')).toBe('https://bodhi.fedoraproject.org/updates/?builds=curl-8.11.0-2.fc43');
    expect(cells(r[1])[1]).toContain('8.11.1-1.fc43');
    expect(text(r[0].querySelector('th')!)).toContain('pending');
    expect(cells(r[2]).map((c) => c?.replace(/no \w+ build/, ''))).toEqual(['—', '—']);
  });

  it('versions: each build coloured, and said in words, by how it compares with Rawhide and upstream', () => {
    // Rawhide 8.11.1; upstream 8.12.0 (fixture): F43's stable 8.11.0 is behind, its testing 8.11.1 matches Rawhide.
    const el = document.createElement('div');
    el.append(renderEnvelope(tabFor('versions'), curlEnvelopes.versions, null, { pkg: 'curl', related: { upstream: curlEnvelopes.upstream.data } }, NOW));
    const f43 = rows(el)[1].querySelectorAll('td');
    expect(f43[0].dataset.status).toBe('behind');
    expect(f43[0].classList.contains('vcell-warn')).toBe(true);
    expect(text(f43[0])).toContain('behind');
    expect(f43[1].dataset.status).toBe('rawhide');
    expect(text(f43[1])).toContain('matches Rawhide');
    expect(text(el.querySelector('.legend')!)).toContain('matches upstream (8.12.0)');
    const newer = clone(curlEnvelopes.upstream.data);
    newer.stableVersion = '8.11.1';
    const el2 = document.createElement('div');
    el2.append(renderEnvelope(tabFor('versions'), curlEnvelopes.versions, null, { pkg: 'curl', related: { upstream: newer } }, NOW));
    expect(rows(el2)[0].querySelectorAll('td')[0].dataset.status).toBe('upstream');
  });

  it('builds: NVR, state, owner, started, duration, task', () => {
    const el = render('builds');
    const r = rows(el).map(cells);
    expect(r[0]).toEqual(['curl-8.11.1-1.fc44', 'complete', 'jdoe', '2026-11-20', '4 min 12 s', '#130000001']);
    expect(r[1][1]).toBe('failed');
    expect(r[2][4]).toBe('1 h 3 min');
    expect(r[2][5]).toBe('—');
    expect(el.querySelector('.badge-bad')!.textContent).toBe('failed');
    expect(el.querySelector('a[href="https://koji.fedoraproject.org/koji/taskinfo?taskID=130000001"]')).not.toBeNull();
  });

  it('updates: alias link, release, status, type, severity, karma, submitter, dates', () => {
    const el = render('updates');
    expect(text(el)).toContain('Newest 2 of 57 updates.');
    const r = rows(el);
    expect(r[0].querySelector('a')!.getAttribute('href')).toBe('https://bodhi.fedoraproject.org/updates/FEDORA-2026-1a2b3c4d5e');
    const c = cells(r[0]);
    expect(c.slice(1, 6)).toEqual(['F43', 'testing', 'security high', '+2', 'jdoe']);
    expect(c.slice(6)).toEqual(['2026-11-22', '—']);
    expect(r[0].querySelector('.badge-bad')!.textContent).toBe('security');
    expect(cells(r[1])[3]).toBe('bugfix'); // "unspecified" severity left out
    expect(cells(r[1])[4]).toBe('-1');
    // Eight columns: the table fits a 1280 px screen.
    expect(el.querySelectorAll('table.updates thead th')).toHaveLength(8);
  });

  it('updates: a timeline marks when each update reached testing and stable, security ones marked', () => {
    const el = render('updates');
    const svg = el.querySelector('svg.timeline')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Timeline of 2 updates: when each reached testing and stable; 1 security update.');
    expect(svg.querySelectorAll('.lane')).toHaveLength(2);
    expect(svg.querySelectorAll('.lane-security')).toHaveLength(1);
    const titles = [...svg.querySelectorAll('.mark-testing title')].map((t) => t.textContent);
    expect(titles[0]).toBe('FEDORA-2026-1a2b3c4d5e (F43): reached testing 2026-11-22');
  });

  it('bugs: counts by status in workflow order, then the table', () => {
    const el = render('bugs');
    expect(el.querySelector('.count-total')!.textContent).toBe('3 open');
    expect([...el.querySelectorAll('.counts li')].map(text)).toEqual(['NEW 2', 'ASSIGNED 1']);
    const r = rows(el);
    expect(r).toHaveLength(3);
    expect(r[0].querySelector('a')!.getAttribute('href')).toBe('https://bugzilla.redhat.com/show_bug.cgi?id=2400001');
    expect(cells(r[0])).toEqual(['#2400001', 'curl segfaults with --http3 on redirect', 'NEW', 'high', 'unspecified', 'jdoe@example.com', 'Fedora rawhide', '2026-11-24']);
    expect(cells(r[2])[6]).toBe('Fedora EPEL epel9');
  });

  it('bugs: the Security keyword and the severity are visible, and columns sort', () => {
    const el = render('bugs');
    expect(text(el.querySelector('.bug-counts')!)).toContain('1 security');
    const r = rows(el);
    expect(text(r[1].querySelectorAll('td')[1])).toBe('Security CVE-2026-0001 curl: example issue');
    expect(r[0].querySelectorAll('td')[3].querySelector('.badge-bad')!.textContent).toBe('high');
    const ids = () => rows(el).map((tr) => text(tr.querySelector('td')!));
    const header = (label: string) => [...el.querySelectorAll('th')].find((th) => text(th).trim() === label)!;
    header('Severity').querySelector('button')!.click();
    expect(ids()).toEqual(['#2400001', '#2400002', '#2300003']);
    expect(header('Severity').getAttribute('aria-sort')).toBe('ascending');
    header('Severity').querySelector('button')!.click();
    expect(ids()).toEqual(['#2300003', '#2400002', '#2400001']);
    expect(header('Severity').getAttribute('aria-sort')).toBe('descending');
    header('Summary').querySelector('button')!.click();
    expect(ids()[0]).toBe('#2400002');
    expect(header('Severity').hasAttribute('aria-sort')).toBe(false);
    header('Last change').querySelector('button')!.click();
    expect(ids()).toEqual(['#2300003', '#2400002', '#2400001']);
  });

  it('bugs: an empty list is "No open bugs"', () => {
    const env = clone(curlEnvelopes.bugs);
    env.data = { total: 0, byStatus: {}, bugs: [] };
    expect(text(render('bugs', env))).toContain('No open bugs.');
  });

  it('dependencies: per sub-package relations and linked reverse deps', () => {
    const el = render('dependencies');
    const subs = el.querySelectorAll('details.subpkg');
    expect(subs).toHaveLength(2);
    const curlRel = [...subs[0].querySelectorAll('details.relation > summary')].map(text);
    expect(curlRel).toEqual(['Requires (2)', 'Provides (2)', 'Obsoletes (1)']);
    expect(text(subs[0])).toContain('libcurl(x86-64) >= 0:8.11.1-1.fc44');
    const req = [...el.querySelectorAll('.tab-section')].find((s) => text(s).startsWith('Required by (3)'))!;
    expect([...req.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['/packages/cmake', '/packages/git-core', '/packages/rpm']);
    expect(el.querySelector('a[href="/packages/dnf5"]')).not.toBeNull();
    expect(formatDep({ name: 'x', flags: 'LT', version: '1' })).toBe('x < 1');
    expect(formatDep({ name: 'x', flags: null, version: null })).toBe('x');
  });

  it('dependencies: names of packages link to their pages, other capabilities stay text', () => {
    const el = render('dependencies');
    const curl = el.querySelector('details.subpkg')!;
    const requires = [...curl.querySelectorAll('details.relation')].find((d) => text(d.querySelector('summary')!).startsWith('Requires'))!;
    const items = [...requires.querySelectorAll('li')];
    // A soname is no package: its link searches for what provides it. "libcurl(x86-64)" is libcurl for this architecture.
    expect(items[0].querySelector('a')!.getAttribute('href')).toBe('/search?q=libc.so.6%28%29%2864bit%29');
    expect(text(items[0])).toBe('libc.so.6()(64bit)');
    const a = items[1].querySelector('a')!;
    expect(a.getAttribute('href')).toBe('/packages/libcurl');
    expect(a.textContent).toBe('libcurl(x86-64)');
    expect(text(items[1])).toBe('libcurl(x86-64) >= 0:8.11.1-1.fc44');
    // Obsoletes name packages too; Provides are the package's own capabilities.
    expect(curl.querySelector('a[href="/packages/curl-minimal"]')).not.toBeNull();
    const provides = [...curl.querySelectorAll('details.relation')].find((d) => text(d.querySelector('summary')!).startsWith('Provides'))!;
    expect(provides.querySelector('a')).toBeNull();
  });

  it('depHref: package names to their pages, other capabilities to a search for their provider', () => {
    expect(depHref('vim-common')).toBe('/packages/vim-common');
    expect(depHref('libcurl(x86-64)')).toBe('/packages/libcurl');
    expect(depHref('/usr/bin/sh')).toBe('/search?q=%2Fusr%2Fbin%2Fsh');
    expect(depHref('perl(File::Temp)')).toBe('/search?q=perl%28File%3A%3ATemp%29');
  });

  it('depPackage: which dependency names are package names', () => {
    const names = ['vim-common', 'libstdc++', 'libcurl(x86-64)', 'glibc(aarch-64)'];
    expect(names.map(depPackage)).toEqual(['vim-common', 'libstdc++', 'libcurl', 'glibc']);
    const capabilities = ['libc.so.6()(64bit)', 'perl(File::Temp)', '/usr/bin/sh', '(python3 if python3-libs)', ''];
    expect(capabilities.map(depPackage)).toEqual(capabilities.map(() => null));
  });

  it('files: a tree per sub-package with file counts', () => {
    const el = render('files');
    const subs = el.querySelectorAll('details.subpkg');
    expect(subs).toHaveLength(2);
    expect(text(subs[0].querySelector('summary')!)).toBe('curl (3 files)');
    const files = [...subs[0].querySelectorAll('li.file')].map(text);
    expect(files.sort()).toEqual(['_curl', 'curl', 'curl.1.gz']);
    const dirs = [...subs[0].querySelectorAll('li.dir > details > summary')].map(text);
    expect(dirs[0]).toBe('/usr/');
    expect(dirs).toContain('bin/');
    expect(dirs).toContain('share/');
  });

  it('files: tree building marks directories and compresses single chains', () => {
    const t = compress(buildTree(['/usr/share/doc/curl/', '/usr/share/doc/curl/README']));
    expect(t.name).toBe('/usr/share/doc/curl');
    expect([...t.children.values()].map((c) => [c.name, c.dir])).toEqual([['README', false]]);
  });

  it('changelog: newest first, preformatted text', () => {
    const el = render('changelog');
    const entries = el.querySelectorAll('.changelog-entry');
    expect(entries).toHaveLength(2);
    expect(text(entries[0].querySelector('.changelog-head')!)).toBe('2026-11-20 Jan Doe 8.11.1-1');
    expect(entries[0].querySelector('pre')!.textContent).toBe('- new upstream release\n- fix CVE-2026-0001');
    expect(text(el)).not.toContain('jdoe@example.com');
  });

  it('sources: branches, spec in <pre>, patches, sources, lookaside, last commits', () => {
    const el = render('sources');
    expect(el.querySelector('pre.spec-text')!.textContent).toContain('Name: curl\nVersion: 8.11.1');
    expect(el.querySelector('details.spec summary')!.textContent).toBe('curl.spec');
    expect(text(el)).toContain('Branches (4)');
    expect(el.querySelector('strong[title="default branch"]')!.textContent).toBe('rawhide');
    expect(text(el)).toContain('0001-curl-7.32.0-multilib.patch');
    expect(text(el)).toContain('Source0: https://curl.se/download/%{name}-%{version}.tar.xz');
    const commits = rows(el, 'table.commits tbody tr').map(cells);
    expect(commits[0]).toEqual(['rawhide', 'a1b2c3d4e5', 'new upstream release', 'Jan Doe', '2026-11-20']);
    expect(rows(el, 'table.lookaside tbody tr').map(cells)[0].slice(0, 2)).toEqual(['curl-8.11.1.tar.xz', 'SHA512']);
  });

  it('sources: a truncated spec says so, a whole one does not', () => {
    expect(text(render('sources'))).not.toContain('only its beginning');
    const env = curlEnvelopes.sources;
    const truncated = render('sources', { ...env, data: { ...env.data, specTruncated: true } });
    expect(text(truncated)).toContain('only its beginning is shown');
  });

  it('updates: an update without an alias is named by its title', () => {
    const env = curlEnvelopes.updates;
    const [first, ...rest] = env.data.updates;
    const el = render('updates', { ...env, data: { ...env.data, updates: [{ ...first, alias: null }, ...rest] } });
    expect(el.querySelector('.update-id a, .update-id span')!.textContent).toBe(first.title);
  });

  it('maintainers: point of contact, people and groups linked on the dist-git host', () => {
    const el = render('maintainers');
    const f = factsOf(el);
    expect(f['Point of contact']).toBe('jdoe');
    expect(f.Admins).toBe('asmith');
    expect(f.Committers).toBe('bwhite');
    expect(f.Commit).toBe('network-sig');
    expect(el.querySelector('a[href="https://src.fedoraproject.org/user/jdoe"]')).not.toBeNull();
    expect(el.querySelector('a[href="https://src.fedoraproject.org/group/network-sig"]')).not.toBeNull();
    expect(f.Collaborators).toBe('none');
    const env = clone(curlEnvelopes.maintainers);
    env.data.pointOfContact = null;
    expect(factsOf(render('maintainers', env))['Point of contact']).toBe('Orphaned');
  });

  it('upstream: versions and the outdated badge', () => {
    const el = render('upstream');
    expect(el.querySelector('.badge-bad')!.textContent).toBe('behind upstream');
    expect(text(el)).toContain("Rawhide has 8.11.1; upstream's latest stable is 8.12.0.");
    const env = clone(curlEnvelopes.upstream);
    env.data.outdated = false;
    expect(render('upstream', env).querySelector('.badge-ok')!.textContent).toBe('up to date');
  });

  it('upstream: an EPEL-only package (no Rawhide version, Anitya says "unknown") is compared with its releases', () => {
    const up = clone(curlEnvelopes.upstream);
    Object.assign(up.data, { rawhideVersion: null, outdated: null, latestVersion: '8.2.3', stableVersion: '8.2.3' });
    const versions = { releases: [{ release: 'EPEL-9', longName: 'Fedora EPEL 9', branch: 'epel9', state: 'current', stable: { nvr: 'redis-7.2.11-1.el9', version: '7.2.11', release: '1.el9', epoch: null, buildId: 1, buildUrl: null, updateUrl: null }, testing: null }] };
    const el = document.createElement('div');
    el.append(renderEnvelope(tabFor('upstream'), up, null, { pkg: 'redis', related: { versions } }, NOW));
    expect(el.querySelector('.badge-bad')!.textContent).toBe('behind upstream');
    expect(text(el)).toContain("Fedora EPEL 9 has 7.2.11; upstream's latest stable is 8.2.3.");
    // Without the versions: still unknown, and says so.
    expect(render('upstream', up).querySelector('.badge-neutral')!.textContent).toBe('unknown');
  });

  it('ci: Koschei state per collection', () => {
    const el = render('ci');
    const r = rows(el).map(cells);
    expect(r).toEqual([
      ['f44', 'ok', '2026-11-24', '#130000500'],
      ['epel9', 'failing', '—', '—'],
    ]);
    expect(el.querySelector('a[href="https://koschei.fedoraproject.org/package/curl"]')).not.toBeNull();
  });
});
