#!/usr/bin/env node
// Writes the dnf repository metadata of the whole local distribution for WireMock: per repository of
// layout.mjs a repodata/repomd.xml and the gzip-compressed primary.xml it points to (createrepo_c's
// shapes), from the committed packages.jsonl.gz (the corpus, derive.mjs) and demo.json (the 30 demo
// packages, generate.mjs). start.sh runs it before WireMock starts.
//
//   node deploy/local/distro/repodata.mjs [--force]
//
// Output (git-ignored): deploy/local/wiremock/__files/dl/<path>/repodata/{<sha256>-primary.xml.gz,
// repomd-<sha256 prefix>.xml} and deploy/local/wiremock/mappings/dl-generated.json (one stub per file
// and a 404 for anything else under /dl/). Bodies are content-addressed, so a WireMock that runs on
// the previous generation keeps serving a consistent set (the previous generation's files are kept).
// A stamp (the hash of every input and of these scripts) makes a second run a no-op.
// Node 20, no dependencies; deterministic.
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip, gunzipSync } from 'node:zlib';
import { DEMO_REPODATA, GENERATED, PACKAGES_FILE, REPOS, URL_PREFIX, WIREMOCK } from './layout.mjs';
import { checkDeliberate, planSource } from './plan.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const FILES = join(WIREMOCK, '__files', GENERATED.files);
const MAPPING = join(WIREMOCK, 'mappings', GENERATED.mapping);
const STAMP = join(FILES, 'stamp.json');
const SEED = 'fedora-packages-repodata-v1';
const GZIP_LEVEL = 4;

// ---------------------------------------------------------------------------------------------
// XML

const BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g; // not allowed in XML 1.0
const SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const text = (s) => (SPECIAL.test(s) ? String(s).replace(BAD, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s);
const attr = (s) => (SPECIAL.test(s) ? text(s).replace(/"/g, '&quot;') : s);
const sha256 = (b) => createHash('sha256').update(b).digest('hex');

/** 8 hex digits of an FNV-1a hash: cheap where a sha256 per package would cost seconds. */
function fnv(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) h = Math.imul(h ^ str.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

const DEP_KINDS = ['provides', 'conflicts', 'obsoletes', 'requires', 'suggests', 'recommends']; // createrepo_c's order

const hasMacro = (d) => d.some((x) => typeof x === 'string' && x.includes('%{'));

function entry(d, self) {
  if (d.length === 1) return `      <rpm:entry name="${attr(d[0])}"/>\n`;
  const [name, flags, epoch, ver, rel] = hasMacro(d) ? d.map((x) => (typeof x === 'string' ? x.replace('%{version}', self.version).replace('%{baserelease}', self.base).replace('%{dist}', self.dist) : x)) : d;
  return `      <rpm:entry name="${attr(name)}" flags="${flags}" epoch="${epoch || '0'}" ver="${attr(ver)}"${rel ? ` rel="${attr(rel)}"` : ''}/>\n`;
}

/** What the packages of one build share (a source's build in one repository), worked out once. */
function buildParts(b) {
  if (!b.x) {
    const dot = b.release.indexOf('.');
    b.x = { version: b.version, base: b.release.slice(0, dot), dist: b.release.slice(dot + 1), v: attr(b.version), r: attr(b.release), id: fnv(`${b.version}-${b.release}`) };
  }
  return b.x;
}

/**
 * One binary package: its fixed parts rendered once; `render(build)` adds what depends on the build.
 * p: {name, arch, summary, description, url, license, epoch, source, size: {package, installed}, deps, selfProvides}
 */
function binary(p) {
  const h = createHash('sha256').update(`${SEED}\u0000${p.name}`).digest();
  const idBase = h.toString('hex').slice(0, 56); // + the build's hash: a fake but stable package checksum
  const host = `buildhw-x86-${String(1 + (h[0] % 16)).padStart(2, '0')}.rdu3.fedoraproject.org`;
  const name = text(p.name);
  const selfNames = p.selfProvides ? [name, ...(p.arch === 'x86_64' ? [`${name}(x86-64)`] : [])] : [];
  // rpm:provides, rpm:requires...: rendered once, except the package's own "= version-release" (and a
  // demo package's dependency on its siblings' "= %{version}-%{release}")
  const section = (k, x) => {
    const own = k === 'provides' ? selfNames.map((n) => `      <rpm:entry name="${n}" flags="EQ" epoch="${p.epoch}" ver="${x.v}" rel="${x.r}"/>\n`).join('') : '';
    const list = (p.deps[k] || []).map((d) => entry(d, x)).join('');
    return own || list ? `    <rpm:${k}>\n${own}${list}    </rpm:${k}>\n` : '';
  };
  let depsXml;
  if (DEP_KINDS.some((k) => (p.deps[k] || []).some(hasMacro))) {
    depsXml = (x) => DEP_KINDS.map((k) => section(k, x)).join('');
  } else {
    const provList = (p.deps.provides || []).map((d) => entry(d, null)).join('');
    const rest = DEP_KINDS.slice(1).map((k) => section(k, null)).join('');
    const own = selfNames.map((n) => `      <rpm:entry name="${n}" flags="EQ" epoch="${p.epoch}" ver="`);
    depsXml = own.length || provList
      ? (x) => `    <rpm:provides>\n${own.map((o) => `${o}${x.v}" rel="${x.r}"/>\n`).join('')}${provList}    </rpm:provides>\n${rest}`
      : () => rest;
  }
  const archive = p.size.installed + 1024 + (h[1] << 4);
  const headerEnd = 4504 + 1400 + p.description.length + 56 * DEP_KINDS.reduce((a, k) => a + (p.deps[k] || []).length, 2) + (h[2] << 2);
  const fileDelay = 2400 + (h[3] << 2);
  const part1 = `<package type="rpm">\n  <name>${name}</name>\n  <arch>${p.arch}</arch>\n  <version epoch="${p.epoch}" ver="`;
  const part2 = `  <summary>${text(p.summary)}</summary>\n  <description>${text(p.description)}</description>\n  <packager>Fedora Project</packager>\n  ${p.url ? `<url>${text(p.url)}</url>` : '<url/>'}\n  <time file="`;
  const part3 = `"/>\n  <size package="${p.size.package}" installed="${p.size.installed}" archive="${archive}"/>\n  <location href="Packages/${attr(p.name[0].toLowerCase())}/${name}-`;
  const part4 = `.${p.arch}.rpm"/>\n  <format>\n    <rpm:license>${text(p.license)}</rpm:license>\n    <rpm:vendor>Fedora Project</rpm:vendor>\n    <rpm:group>Unspecified</rpm:group>\n    <rpm:buildhost>${host}</rpm:buildhost>\n    <rpm:sourcerpm>${text(p.source)}-`;
  const part5 = `.src.rpm</rpm:sourcerpm>\n    <rpm:header-range start="4504" end="${headerEnd}"/>\n`;
  return (b) => {
    const x = buildParts(b);
    return `${part1}${x.v}" rel="${x.r}"/>\n  <checksum type="sha256" pkgid="YES">${idBase}${x.id}</checksum>\n${part2}${b.buildtime + fileDelay}" build="${b.buildtime}${part3}${x.v}-${x.r}${part4}${x.v}-${x.r}${part5}${depsXml(x)}  </format>\n</package>\n`;
  };
}

function description(summary, source, binaryName, count) {
  const s = summary.trim();
  const first = /[.!?]$/.test(s) ? s : `${s}.`;
  return count > 1 ? `${first}\n\nThis package (${binaryName}) is built from the ${source} source package.` : first;
}

// ---------------------------------------------------------------------------------------------
// The packages of every repository

function collect() {
  const rows = gunzipSync(readFileSync(PACKAGES_FILE)).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  checkDeliberate(rows);
  const demo = JSON.parse(readFileSync(DEMO_REPODATA, 'utf8'));
  const repos = new Map(REPOS.map((r) => [r.id, []])); // id -> [[name, arch, render, build]]
  for (const row of rows) {
    const builds = planSource(row);
    if (!builds.length) continue;
    const epoch = row.e || '0';
    for (const b of row.b) {
      const render = binary({
        name: b.n, arch: b.a, summary: b.s, description: description(b.s, row.n, b.n, row.b.length), url: row.u, license: row.l, epoch, source: row.n,
        size: { package: Math.round(b.z * 0.38) + 1024, installed: b.z }, deps: { provides: b.p.map((x) => [x]), requires: b.q.map((x) => [x]) }, selfProvides: true,
      });
      for (const x of builds) repos.get(x.repo).push([b.n, b.a, render, x]);
    }
  }
  for (const P of demo.packages) {
    for (const s of P.subs) {
      const deps = {};
      for (const k of DEP_KINDS) if (s[k]) deps[k] = s[k];
      const render = binary({ name: s.name, arch: s.arch, summary: s.summary, description: s.description, url: P.url, license: P.license, epoch: P.epoch, source: P.name, size: s.size, deps, selfProvides: false });
      for (const x of P.builds) {
        if (!repos.has(x.repo)) throw new Error(`demo.json: ${P.name} in unknown repository ${x.repo}`);
        repos.get(x.repo).push([s.name, s.arch, render, x]);
      }
    }
  }
  for (const list of repos.values()) list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return repos;
}

/** Streams the primary XML of `list` through gzip into `path`; its checksums and sizes. */
async function writePrimary(path, repo, list) {
  const openHash = createHash('sha256');
  const packedHash = createHash('sha256');
  let openSize = 0;
  let size = 0;
  const z = createGzip({ level: GZIP_LEVEL, chunkSize: 1 << 18 });
  z.on('data', (c) => { packedHash.update(c); size += c.length; });
  const done = pipeline(z, createWriteStream(path));
  // each package's text is encoded straight into a 1 MiB buffer (no long strings to flatten)
  const CHUNK = 1 << 20;
  let buf = Buffer.allocUnsafe(CHUNK);
  let off = 0;
  const flush = async () => {
    const full = buf.subarray(0, off);
    openHash.update(full);
    openSize += off;
    buf = Buffer.allocUnsafe(CHUNK); // the compressor keeps the old one until it is done with it
    off = 0;
    if (!z.write(full)) await once(z, 'drain');
  };
  const put = (str) => { // false: flush first
    if (off + str.length * 3 > CHUNK) return false;
    off += buf.write(str, off, 'utf8');
    return true;
  };
  const xml = [`<?xml version="1.0" encoding="UTF-8"?>\n<metadata xmlns="http://linux.duke.edu/metadata/common" xmlns:rpm="http://linux.duke.edu/metadata/rpm" packages="${list.length}">\n`, ...list, '</metadata>\n'];
  for (const item of xml) {
    const str = typeof item === 'string' ? item : item[2](item[3]);
    if (str.length * 3 > CHUNK) throw new Error(`a package's metadata is over ${CHUNK} bytes`);
    if (!put(str)) { await flush(); put(str); }
  }
  await flush();
  z.end();
  await done;
  return { primary: { sha: packedHash.digest('hex'), openSha: openHash.digest('hex'), size, openSize, timestamp: repo.composed } };
}

/**
 * createrepo_c's repomd.xml. It lists primary only: filelists and other are not generated (the product
 * reads primary), and a real client (dnf 4) fails on a listed file that is not there.
 */
function repomd(repo, primary) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<repomd xmlns="http://linux.duke.edu/metadata/repo" xmlns:rpm="http://linux.duke.edu/metadata/rpm">\n` +
    `  <revision>${repo.composed}</revision>\n  <tags>\n    <distro cpeid="${repo.cpe}">${repo.distro}</distro>\n  </tags>\n` +
    `  <data type="primary">\n    <checksum type="sha256">${primary.sha}</checksum>\n    <open-checksum type="sha256">${primary.openSha}</open-checksum>\n` +
    `    <location href="repodata/${primary.sha}-primary.xml.gz"/>\n    <timestamp>${primary.timestamp}</timestamp>\n    <size>${primary.size}</size>\n    <open-size>${primary.openSize}</open-size>\n  </data>\n</repomd>\n`;
}

// ---------------------------------------------------------------------------------------------
// Files, stamp, mapping

function inputsHash() {
  const files = [PACKAGES_FILE, DEMO_REPODATA, ...readdirSync(HERE).filter((f) => f.endsWith('.mjs') && f !== 'check.mjs' && f !== 'derive.mjs' && f !== 'upstreams.mjs').sort().map((f) => join(HERE, f))];
  const h = createHash('sha256');
  for (const f of files) h.update(`${relative(HERE, f)}\u0000`).update(readFileSync(f)).update('\u0000');
  return h.digest('hex');
}

function readStamp() {
  try { return JSON.parse(readFileSync(STAMP, 'utf8')); } catch { return null; }
}

function upToDate(stamp, hash) {
  return stamp && stamp.inputs === hash && existsSync(MAPPING) && stamp.files.every((f) => existsSync(join(FILES, f)));
}

function writeAtomic(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/** Removes files under FILES that neither this generation nor the previous one uses (and no one's fresh temporary file). */
function prune(keep) {
  const busy = (p) => /\.tmp-\d+$/.test(p) && Date.now() - statSync(p).mtimeMs < 3600e3; // another run's, in progress
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        walk(p);
        if (!readdirSync(p).length) rmSync(p, { recursive: true });
      } else if (!keep.has(relative(FILES, p)) && p !== STAMP && !busy(p)) rmSync(p);
    }
  };
  if (existsSync(FILES)) walk(FILES);
}

const httpDate = (sec) => new Date(sec * 1000).toUTCString();
const NOT_FOUND = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

async function main() {
  const force = process.argv.includes('--force');
  const t0 = Date.now();
  const hash = inputsHash();
  const stamp = readStamp();
  if (!force && upToDate(stamp, hash)) {
    console.log(`repository metadata: up to date (${stamp.repos} repositories, ${stamp.packages} packages; ${Date.now() - t0} ms)`);
    return;
  }
  const repos = collect();
  const stubs = [{ name: 'dl: anything else is 404', priority: 10, request: { method: 'ANY', urlPathPattern: `${URL_PREFIX}/.*` }, response: { status: 404, headers: { 'Content-Type': 'text/html; charset=iso-8859-1' }, body: NOT_FOUND } }];
  const files = [];
  let total = 0;
  let bytes = 0;
  const one = async (repo) => {
    const list = repos.get(repo.id);
    total += list.length;
    const dir = join(repo.path, 'repodata');
    const tmp = join(FILES, dir, `primary.xml.gz.tmp-${process.pid}`);
    mkdirSync(dirname(tmp), { recursive: true });
    const { primary } = await writePrimary(tmp, repo, list);
    const primaryFile = join(dir, `${primary.sha}-primary.xml.gz`);
    renameSync(tmp, join(FILES, primaryFile));
    const md = repomd(repo, primary);
    const mdFile = join(dir, `repomd-${sha256(md).slice(0, 16)}.xml`);
    writeAtomic(join(FILES, mdFile), md);
    bytes += primary.size + md.length;
    files.push(primaryFile, mdFile);
    const lastModified = httpDate(repo.composed);
    stubs.push(
      { name: `dl ${repo.id} repomd.xml (${list.length} packages)`, request: { method: 'GET', urlPath: `${URL_PREFIX}/${dir}/repomd.xml` }, response: { status: 200, headers: { 'Content-Type': 'application/xml', 'Last-Modified': lastModified }, bodyFileName: `${GENERATED.files}/${mdFile}` } },
      { name: `dl ${repo.id} primary`, request: { method: 'GET', urlPath: `${URL_PREFIX}/${primaryFile}` }, response: { status: 200, headers: { 'Content-Type': 'application/x-gzip', 'Last-Modified': lastModified }, bodyFileName: `${GENERATED.files}/${primaryFile}` } },
    );
  };
  // two at a time: while one waits for its compressor (libuv's threads), the other builds its XML
  const queue = [...REPOS].sort((x, y) => repos.get(y.id).length - repos.get(x.id).length);
  await Promise.all([0, 1].map(async () => { while (queue.length) await one(queue.shift()); }));
  stubs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  writeAtomic(MAPPING, JSON.stringify({ mappings: stubs }, null, 2) + '\n');
  files.sort();
  const previous = stamp && stamp.inputs !== hash ? stamp.files : stamp?.previous || [];
  prune(new Set([...files, ...previous]));
  writeAtomic(STAMP, JSON.stringify({ inputs: hash, repos: REPOS.length, packages: total, files, previous }, null, 1) + '\n');
  console.log(`repository metadata: wrote ${REPOS.length} repositories, ${total} packages, ${(bytes / 1048576).toFixed(1)} MiB under ${relative(WIREMOCK, FILES)}/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(`repodata.mjs: ${e.stack || e}`);
  process.exit(1);
});
