#!/usr/bin/env node
// mdapi and dist-git (Pagure) answers for every corpus source package, in the demo packages' shapes
// (deploy/local/demo/generate.mjs), for WireMock. start.sh runs it beside repodata.mjs.
//
//   node deploy/local/distro/upstreams.mjs [--force]
//
// Output (git-ignored): wiremock/__files/corpus/{mdapi,pagure}/… (one small JSON file per answer) and
// wiremock/mappings/corpus-generated.json: a handful of stubs whose "corpus-file" transformer
// (deploy/local/wiremock-ext/CorpusFiles.java) picks the file named after the request path, or answers
// the upstream's 404 when there is none (WireMock alone answers 500 for a missing templated body file).
// Per corpus source, on every branch it ships in (plan.mjs, as its repodata): /mdapi/<b>/srcpkg/<source>
// and /mdapi/<b>/pkg/<binary>; on its first branch (rawhide, f43, f42, f41, epel10, epel9: where the
// worker's PackageLocator finds it) also files, changelog, whatrequires (= requires) and
// whatrecommends (= recommends; `[]` without a file when nobody does). Pagure: the project and
// git/branches. A stamp makes a second run a no-op. Node 20, no dependencies; deterministic.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { CORPUS_GENERATED, PACKAGES_FILE, WIREMOCK } from './layout.mjs';
import { planSource, REPO_BY_ID } from './plan.mjs';
import { PEOPLE } from '../demo/packages.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIR = CORPUS_GENERATED.files;
const FILES = join(WIREMOCK, '__files', DIR);
const MAPPING = join(WIREMOCK, 'mappings', CORPUS_GENERATED.mapping);
const STAMP = join(FILES, 'stamp.json');
const SEED = 'fedora-packages-corpus-upstreams-v1';
const BRANCHES = ['rawhide', 'f43', 'f42', 'f41', 'epel10', 'epel9']; // the worker's search order
const WHATREQUIRES_CAP = 200; // as generate.mjs
const json = (x) => JSON.stringify(x);
const h32 = (...parts) => createHash('sha256').update(`${SEED}\u0000${parts.join('\u0000')}`).digest().readUInt32BE(0);
const sha1 = (...parts) => createHash('sha1').update(`${SEED}\u0000${parts.join('\u0000')}`).digest('hex');
const dep = (name, flags = '', epoch = '', version = '', release = '') => ({ epoch, version, release, name, flags });

function inputsHash() {
  const h = createHash('sha256');
  for (const f of [PACKAGES_FILE, ...['upstreams.mjs', 'plan.mjs', 'layout.mjs', 'rpmver.mjs'].map((x) => join(HERE, x)), join(HERE, '../demo/packages.mjs')]) h.update(readFileSync(f));
  return h.digest('hex');
}

/** mdapi's view of one branch: the newest build across its repositories, and mdapi's "repo" for it. */
function branchView(builds, b) {
  const mine = builds.filter((x) => REPO_BY_ID[x.repo].branch === b);
  if (!mine.length) return null;
  const x = mine.at(-1); // planSource adds release, then updates / testing
  const role = REPO_BY_ID[x.repo].role;
  const epel = b.startsWith('epel');
  const repo = b === 'rawhide' ? 'release' : role === 'updates-testing' || role === 'testing' ? (epel ? 'testing' : 'updates-testing') : epel ? 'release' : 'updates';
  return { version: x.version, release: x.release, repo, buildtime: x.buildtime };
}

function description(summary, source, binaryName, count) { // as repodata.mjs
  const s = summary.trim();
  const first = /[.!?]$/.test(s) ? s : `${s}.`;
  return count > 1 ? `${first}\n\nThis package (${binaryName}) is built from the ${source} source package.` : first;
}

/** generate.mjs's mdapiPkg shape (same keys, same order). */
function pkgAnswer(row, b, nv) {
  const e = row.e || '0';
  const x86 = b.a === 'x86_64';
  const seen = new Set([b.n]);
  const requires = [];
  for (const q of b.q) if (!seen.has(q)) { seen.add(q); requires.push(dep(q)); }
  if (x86) requires.push(dep('rtld(GNU_HASH)'));
  const provides = [dep(b.n, 'EQ', e, nv.version, nv.release)];
  if (x86) provides.push(dep(`${b.n}(x86-64)`, 'EQ', e, nv.version, nv.release));
  for (const p of b.p) if (p !== b.n) provides.push(dep(p));
  return {
    epoch: e, version: nv.version, release: nv.release, repo: nv.repo, arch: b.a, summary: b.s,
    description: description(b.s, row.n, b.n, row.b.length), basename: row.n, url: row.u || '',
    supplements: [], recommends: [], conflicts: [], obsoletes: [], provides, requires, enhances: [], suggests: [],
    'co-packages': row.b.map((s) => s.n), 'package-size': String(Math.round(b.z * 0.38) + 1024), 'installed-size': String(b.z),
  };
}

/**
 * A made-up file list from the binary's name and arch (the corpus has none): libraries get a shared
 * object, -dev(el) packages a header, python3-*, perl and fonts their usual directories, -doc/-data and
 * other noarch packages /usr/share/<name>/, the rest a command /usr/bin/<name> and its man page; every
 * package its /usr/share/doc/<name>/README and the source's /usr/share/licenses/<source>/LICENSE.
 */
function filesAnswer(row, b, repo) {
  const n = b.n;
  const out = [];
  const lib = /^lib(.+?)(\d[\d.]*)?$/.exec(n);
  if (/-(dev|devel)$/.test(n)) out.push(`/usr/include/${n.replace(/^lib|-(dev|devel)$/g, '')}/${n.replace(/^lib|-(dev|devel)$/g, '')}.h`);
  else if (/^python3-/.test(n)) out.push(`/usr/lib/python3.14/site-packages/${n.slice(8).replace(/-/g, '_')}/__init__.py`);
  else if (/-perl$/.test(n)) out.push(`/usr/share/perl5/vendor_perl/${n.replace(/^lib|-perl$/g, '').split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('/')}.pm`);
  else if (/^fonts-/.test(n)) out.push(`/usr/share/fonts/${n.slice(6)}/${n.slice(6)}.ttf`);
  else if (lib && b.a === 'x86_64') out.push(`/usr/lib64/lib${lib[1]}.so.${lib[2] || '0'}`);
  else if (b.a === 'noarch' || /-(doc|data|common)$/.test(n)) out.push(`/usr/share/${n}/README.${n}`);
  else out.push(`/usr/bin/${n}`, `/usr/share/man/man1/${n}.1.gz`);
  out.push(`/usr/share/doc/${n}/README`, `/usr/share/licenses/${row.n}/LICENSE`);
  const groups = new Map([['/usr/share/doc', [[n, 'd']]]]);
  for (const p of out.sort()) {
    const i = p.lastIndexOf('/');
    const dn = p.slice(0, i);
    if (!groups.has(dn)) groups.set(dn, []);
    groups.get(dn).push([p.slice(i + 1), 'f']);
  }
  const files = [...groups.keys()].sort().map((dn) => ({ dirname: dn, filenames: groups.get(dn).map((x) => x[0]).join('/'), filetypes: groups.get(dn).map((x) => x[1]).join('') }));
  return { files, repo };
}

const person = (k) => PEOPLE[k % PEOPLE.length];
const email = (login) => `${login}@fedoraproject.org`;

/** A few changelog entries, newest first: the rawhide mass rebuild, the update to this version, the import. */
function changelogAnswer(row, nv, b) {
  const h = h32('people', row.n);
  const owner = person(h);
  const other = person(h >>> 8);
  const base = nv.release.replace(/\..*$/, '');
  const n = Number(base) || 1;
  const day = 86400;
  const t = nv.buildtime - (nv.buildtime % day);
  const entries = [];
  if (b === 'rawhide' && n > 1) entries.push({ author: `Fedora Release Engineering <releng@fedoraproject.org> - ${nv.version}-${n}`, changelog: '- Rebuilt for https://fedoraproject.org/wiki/Fedora_44_Mass_Rebuild', date: t });
  entries.push({ author: `${owner[1]} <${email(owner[0])}> - ${nv.version}-1`, changelog: `- Update to ${nv.version}`, date: t - (20 + (h % 200)) * day });
  entries.push({ author: `${other[1]} <${email(other[0])}> - ${nv.version.replace(/[^.]+$/, '0')}-1`, changelog: `- Initial import (${row.n})`, date: t - (400 + (h % 2000)) * day });
  return { repo: nv.repo, changelogs: entries };
}

function pagureProject(row) { // generate.mjs's pagureProject shape
  const h = h32('project', row.n);
  const owner = person(h);
  const admins = [...new Set([person(h >>> 5), person(h >>> 10)].map((p) => p[0]))].filter((l) => l !== owner[0]).sort();
  const commit = [...new Set([person(h >>> 15), person(h >>> 20)].map((p) => p[0]))].filter((l) => l !== owner[0] && !admins.includes(l)).sort();
  const created = 1262304000 + (h % (14 * 365)) * 86400;
  return {
    access_groups: { admin: [], collaborator: [], commit: [], ticket: [] },
    access_users: { admin: admins, collaborator: [], commit, owner: [owner[0]], ticket: [] },
    close_status: [], custom_keys: [], date_created: String(created), date_modified: String(created + ((h >>> 3) % (5 * 365)) * 86400),
    description: `The ${row.n} package`, full_url: `https://src.fedoraproject.org/rpms/${row.n}`, fullname: `rpms/${row.n}`,
    id: 100000 + (h % 900000), milestones: {}, name: row.n, namespace: 'rpms', parent: null, priorities: {}, tags: [], url_path: `rpms/${row.n}`,
    user: { full_url: `https://src.fedoraproject.org/user/${owner[0]}`, fullname: owner[1], name: owner[0], url_path: `user/${owner[0]}` },
  };
}

function pagureBranches(row, present) {
  const names = [...new Set(['rawhide', ...present])].sort();
  const heads = Object.fromEntries(names.map((b) => [b, sha1('head', row.n, b)]));
  return { branches: heads, default: { rawhide: heads.rawhide }, total_branches: names.length };
}

function stubs() {
  const mdapi404 = { status: 404, bodyFileName: 'mdapi/404.txt', contentType: 'text/plain; charset=utf-8', headers: { 'X-Content-Type-Options': 'nosniff' } };
  const pagure404 = { status: 404, bodyFileName: 'pagure/not-found.json', contentType: 'application/json' };
  const br = BRANCHES.join('|');
  const stub = (name, urlPathPattern, contentType, params) => ({
    name, priority: 8, request: { method: 'GET', urlPathPattern },
    response: { status: 200, headers: { 'Content-Type': contentType }, transformers: ['corpus-file'], transformerParameters: params },
  });
  const mj = 'application/json; charset=utf-8';
  return [
    stub('corpus mdapi srcpkg/pkg/files/changelog', `/mdapi/(?:${br})/(?:srcpkg|pkg|files|changelog)/[^/]+`, mj, { file: `${DIR}/mdapi/{1}/{2}/{3}.json`, notFound: mdapi404 }),
    stub('corpus mdapi (what)requires/(what)recommends: [] for a known package nobody requires', `/mdapi/(?:${br})/(?:what)?(?:requires|recommends)/[^/]+`, mj,
      { file: `${DIR}/mdapi/{1}/{2}/{3}.json`, aliases: { requires: 'whatrequires', recommends: 'whatrecommends' }, known: `${DIR}/mdapi/{1}/files/{3}.json`, fallbackFile: `${DIR}/empty-list.json`, notFound: mdapi404 }),
    stub('corpus pagure project', '/pagure/api/0/rpms/[^/]+', 'application/json', { file: `${DIR}/pagure/project/{4}.json`, notFound: pagure404 }),
    stub('corpus pagure git/branches', '/pagure/api/0/rpms/[^/]+/git/branches', 'application/json', { file: `${DIR}/pagure/branches/{4}.json`, notFound: pagure404 }),
  ];
}

/** Removing 670,000 files takes over a minute: a detached rm does it while the stack starts. */
function removeLater(dir) {
  spawn('rm', ['-rf', '--', dir], { detached: true, stdio: 'ignore' }).unref();
}

function main() {
  const force = process.argv.includes('--force');
  const t0 = Date.now();
  const hash = inputsHash();
  let stamp = null;
  try { stamp = JSON.parse(readFileSync(STAMP, 'utf8')); } catch { /* none */ }
  if (!force && stamp && stamp.inputs === hash && existsSync(MAPPING)) {
    console.log(`corpus mdapi/dist-git answers: up to date (${stamp.sources} sources, ${stamp.files} files; ${Date.now() - t0} ms)`);
    return;
  }
  // what an interrupted run left behind
  for (const e of readdirSync(dirname(FILES))) if (/^corpus\.(tmp|old)-\d+$/.test(e)) removeLater(join(dirname(FILES), e));
  const rows = gunzipSync(readFileSync(PACKAGES_FILE)).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  // a fresh directory beside the old one, then swapped in: a running WireMock sees one generation or the other
  const tmp = `${FILES}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const made = new Set();
  let files = 0;
  let bytes = 0;
  const put = (rel, body) => {
    const p = join(tmp, rel);
    const d = dirname(p);
    if (!made.has(d)) { mkdirSync(d, { recursive: true }); made.add(d); }
    writeFileSync(p, body);
    files++;
    bytes += body.length;
  };
  const link = (from, rel) => {
    const p = join(tmp, rel);
    const d = dirname(p);
    if (!made.has(d)) { mkdirSync(d, { recursive: true }); made.add(d); }
    linkSync(join(tmp, from), p);
    files++;
  };
  put('empty-list.json', '[]');
  // per source: its branches and mdapi view; per branch: who requires each binary
  const plans = [];
  const viewsOf = new Map();
  const rev = new Map(BRANCHES.map((b) => [b, new Map()])); // branch -> required name -> [requirer row, binary]
  for (const row of rows) {
    const builds = planSource(row);
    const views = BRANCHES.map((b) => [b, branchView(builds, b)]).filter(([, v]) => v);
    plans.push([row, views]);
    viewsOf.set(row, new Map(views));
    for (const [b] of views) {
      const idx = rev.get(b);
      for (const bin of row.b) for (const q of new Set(bin.q)) { if (!idx.has(q)) idx.set(q, []); idx.get(q).push([row, bin]); }
    }
  }
  let sources = 0;
  for (const [row, views] of plans) {
    if (!views.length) continue;
    sources++;
    const first = row.b.find((s) => s.n === row.n) || [...row.b].sort((a, c) => (a.n < c.n ? -1 : 1))[0];
    for (const [b, nv] of views) {
      for (const bin of row.b) put(`mdapi/${b}/pkg/${bin.n}.json`, json(pkgAnswer(row, bin, nv)));
      link(`mdapi/${b}/pkg/${first.n}.json`, `mdapi/${b}/srcpkg/${row.n}.json`); // srcpkg = the pkg answer of that binary
    }
    // Only on the first branch: the worker keeps these tabs per branch, but serving them on every branch the
    // corpus ships in doubles the files (1.28 M, 121 s in CI instead of ~50 s). Corpus packages are there
    // for scale; the demo packages (demo/generate.mjs) serve them on every branch for the branch picker.
    const [b, nv] = views[0];
    const cl = `mdapi/${b}/changelog/${row.n}.changelog`;
    put(cl, json(changelogAnswer(row, nv, b)));
    for (const bin of row.b) {
      link(cl, `mdapi/${b}/changelog/${bin.n}.json`);
      put(`mdapi/${b}/files/${bin.n}.json`, json(filesAnswer(row, bin, nv.repo)));
      const who = (rev.get(b).get(bin.n) || []).filter(([r]) => r !== row);
      if (who.length) {
        const list = who.map(([r, x]) => [x.n, r, x]).sort((x, y) => (x[0] < y[0] ? -1 : 1)).slice(0, WHATREQUIRES_CAP).map(([n, r, x]) => {
          const rv = viewsOf.get(r).get(b); // the requirer's own build on this branch
          return { name: n, basename: r.n, summary: x.s, epoch: r.e || '0', version: rv.version, release: rv.release, arch: x.a, repo: rv.repo };
        });
        put(`mdapi/${b}/whatrequires/${bin.n}.json`, json(list));
      }
    }
    put(`pagure/project/${row.n}.json`, JSON.stringify(pagureProject(row), null, 2) + '\n');
    put(`pagure/branches/${row.n}.json`, JSON.stringify(pagureBranches(row, views.map(([x]) => x)), null, 2) + '\n');
  }
  writeFileSync(join(tmp, 'stamp.json'), JSON.stringify({ inputs: hash, sources, files }, null, 1) + '\n');
  const old = `${FILES}.old-${process.pid}`;
  if (existsSync(FILES)) renameSync(FILES, old);
  renameSync(tmp, FILES);
  mkdirSync(dirname(MAPPING), { recursive: true });
  writeFileSync(`${MAPPING}.tmp-${process.pid}`, JSON.stringify({ mappings: stubs() }, null, 2) + '\n');
  renameSync(`${MAPPING}.tmp-${process.pid}`, MAPPING);
  if (existsSync(old)) removeLater(old);
  console.log(`corpus mdapi/dist-git answers: wrote ${files} files (${(bytes / 1048576).toFixed(0)} MiB) for ${sources} sources under ${relative(WIREMOCK, FILES)}/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

try { main(); } catch (e) { console.error(`upstreams.mjs: ${e.stack || e}`); process.exit(1); }
