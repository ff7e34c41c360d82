#!/usr/bin/env node
// Checks the dnf repository metadata a running local WireMock serves (repodata.mjs' output) the way a
// client reads it: per mdapi branch, each repository's repodata/repomd.xml, then the primary file it
// points to, its sha256 checksums and sizes, its package count; then the deliberate cases and the
// agreement of the 30 demo packages with their mdapi answers. One PASS/FAIL line a check, like
// deploy/local/demo/smoke.sh (which runs this); exits non-zero on a failure. Node 20, no dependencies.
//
//   node deploy/local/distro/check.mjs [BASE_URL]        # default http://127.0.0.1:8089
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DEMO_REPODATA } from './layout.mjs';
import { DELIBERATE } from './plan.mjs';
import { evrcmp } from './rpmver.mjs';

const BASE = (process.argv[2] || 'http://127.0.0.1:8089').replace(/\/$/, '');
const DL = `${BASE}/dl`;

// The contract (README of deploy/local/demo, "Repository metadata"), written out here rather than
// taken from layout.mjs, so that a change of the layout shows up as a failure.
function reposOf(branch) {
  if (branch === 'rawhide') return [['rawhide', 'pub/fedora/linux/development/rawhide/Everything/x86_64/os']];
  let m = /^f(\d+)$/.exec(branch);
  if (m) return [[branch, `pub/fedora/linux/releases/${m[1]}/Everything/x86_64/os`], [`${branch}-updates`, `pub/fedora/linux/updates/${m[1]}/Everything/x86_64`], [`${branch}-updates-testing`, `pub/fedora/linux/updates/testing/${m[1]}/Everything/x86_64`]];
  m = /^epel(\d+)$/.exec(branch);
  if (m) return [[branch, `pub/epel/${m[1]}/Everything/x86_64`], [`${branch}-testing`, `pub/epel/testing/${m[1]}/Everything/x86_64`]];
  return [];
}
/** Binary packages per repository, as generated from the committed inputs (change them together). */
const EXPECTED = {
  rawhide: 63397, f43: 63397, 'f43-updates': 9330, 'f43-updates-testing': 1979,
  f42: 63405, 'f42-updates': 9337, 'f42-updates-testing': 1838, f41: 63397, 'f41-updates': 10101, 'f41-updates-testing': 1868,
  epel10: 10237, 'epel10-testing': 240, epel9: 12454, 'epel9-testing': 289,
};
const DIST = { rawhide: 'fc44', f43: 'fc43', f42: 'fc42', f41: 'fc41', epel10: 'el10_1', epel9: 'el9' };

let pass = 0;
let fail = 0;
function t(name, ok, info = '') {
  if (ok) pass++; else fail++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name.padEnd(70)} ${info}`);
}
async function get(url) {
  const r = await fetch(url);
  return { status: r.status, type: r.headers.get('content-type') || '', body: Buffer.from(await r.arrayBuffer()) };
}
const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const tag = (xml, re) => (re.exec(xml) || [])[1];

/** The packages of a primary.xml: [{name, arch, epoch, ver, rel, summary, description, url, license, sourcerpm, pkgid}] */
function packagesOf(xml) {
  const out = [];
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  for (const m of xml.matchAll(/<package type="rpm">([\s\S]*?)<\/package>/g)) {
    const p = m[1];
    const v = /<version epoch="([^"]*)" ver="([^"]*)" rel="([^"]*)"\/>/.exec(p);
    const txt = (el) => { const x = new RegExp(`<${el}>([\\s\\S]*?)</${el}>`).exec(p); return x ? unescape(x[1]) : ''; };
    out.push({ name: txt('name'), arch: txt('arch'), epoch: v[1], ver: unescape(v[2]), rel: unescape(v[3]), summary: txt('summary'), description: txt('description'), url: txt('url'), license: txt('rpm:license'), sourcerpm: txt('rpm:sourcerpm'), pkgid: tag(p, /<checksum type="sha256" pkgid="YES">([0-9a-f]{64})</) });
  }
  return out;
}
const srcName = (p) => p.sourcerpm.slice(0, p.sourcerpm.length - `-${p.ver}-${p.rel}.src.rpm`.length);

async function main() {
  const branches = JSON.parse((await get(`${BASE}/mdapi/branches`)).body);
  t('mdapi /branches', Array.isArray(branches) && branches.length > 0, branches.join(' '));
  const byBranch = {}; // branch -> Map binary -> newest package of the branch's repositories
  const repoNames = {}; // repo id -> Set of source names
  for (const b of branches) {
    byBranch[b] = new Map();
    for (const [id, path] of reposOf(b)) {
      const md = await get(`${DL}/${path}/repodata/repomd.xml`);
      const xml = md.body.toString('utf8');
      t(`${id}: repomd.xml`, md.status === 200 && /xml/.test(md.type) && xml.includes('<repomd xmlns="http://linux.duke.edu/metadata/repo"'), `${md.status} ${md.type} revision ${tag(xml, /<revision>(\d+)</)}`);
      const primary = tag(xml, /(<data type="primary">[\s\S]*?<\/data>)/) || '';
      const href = tag(primary, /<location href="([^"]+)"/);
      const sum = tag(primary, /<checksum type="sha256">([0-9a-f]{64})</);
      const openSum = tag(primary, /<open-checksum type="sha256">([0-9a-f]{64})</);
      const size = +tag(primary, /<size>(\d+)</);
      const openSize = +tag(primary, /<open-size>(\d+)</);
      const f = await get(`${DL}/${path}/${href}`);
      t(`${id}: ${href ? href.slice(0, 21) : '(no primary)'}…: sha256 and size`, f.status === 200 && sha256(f.body) === sum && f.body.length === size, `${f.status} ${f.type} ${f.body.length} bytes`);
      const open = f.status === 200 && href.endsWith('.gz') ? gunzipSync(f.body) : Buffer.alloc(0);
      t(`${id}: primary.xml open-checksum and open-size`, sha256(open) === openSum && open.length === openSize, `${open.length} bytes`);
      const text = open.toString('utf8');
      const declared = +tag(text, /<metadata xmlns="http:\/\/linux\.duke\.edu\/metadata\/common" xmlns:rpm="http:\/\/linux\.duke\.edu\/metadata\/rpm" packages="(\d+)">/);
      const pkgs = packagesOf(text);
      const ids = new Set(pkgs.map((p) => p.pkgid));
      t(`${id}: package count`, declared === pkgs.length && pkgs.length === EXPECTED[id] && ids.size === pkgs.length, `packages="${declared}", ${pkgs.length} <package>, expected ${EXPECTED[id]}, ${ids.size} distinct pkgids`);
      const dist = pkgs.filter((p) => !p.rel.endsWith(`.${DIST[b]}`));
      t(`${id}: every release ends in .${DIST[b]}`, !dist.length, dist.slice(0, 3).map((p) => `${p.name}-${p.rel}`).join(' '));
      repoNames[id] = new Set(pkgs.map(srcName));
      for (const p of pkgs) {
        const had = byBranch[b].get(p.name);
        if (!had || evrcmp([p.epoch, p.ver, p.rel], [had.epoch, had.ver, had.rel]) > 0) byBranch[b].set(p.name, p);
      }
    }
  }
  const missing = await get(`${DL}/pub/fedora/linux/releases/40/Everything/x86_64/os/repodata/repomd.xml`);
  t('a repository that is not there (f40): 404', missing.status === 404, `${missing.status}`);

  // ---- deliberate cases
  const sources = (b) => new Set([...byBranch[b].values()].map(srcName));
  const S = Object.fromEntries(branches.map((b) => [b, sources(b)]));
  const fedora = branches.filter((b) => b === 'rawhide' || /^f\d+$/.test(b));
  const epel = branches.filter((b) => /^epel/.test(b));
  const where = (n) => branches.filter((b) => S[b].has(n)).join(' ') || 'nowhere';
  for (const [n, in_] of Object.entries(DELIBERATE.retired)) t(`retired ${n}: in ${in_.join(' ')}, not rawhide`, fedora.every((b) => S[b].has(n) === in_.includes(b)), where(n));
  for (const n of DELIBERATE.newInRawhide) t(`new ${n}: in rawhide only`, branches.every((b) => S[b].has(n) === (b === 'rawhide')), where(n));
  for (const [n, b] of Object.entries(DELIBERATE.addedAfterRelease)) t(`added after ${b}'s release: ${n} in ${b}-updates, not ${b}'s release repo`, repoNames[`${b}-updates`].has(n) && !repoNames[b].has(n) && S.rawhide.has(n), where(n));
  for (const [n, in_] of Object.entries(DELIBERATE.epelOnly)) t(`EPEL-only ${n}: in ${in_.join(' ')}, no Fedora branch`, fedora.every((b) => !S[b].has(n)) && epel.every((b) => S[b].has(n) === in_.includes(b)), where(n));
  t('EPEL-only demo package redis: epel10 epel9, no Fedora branch', fedora.every((b) => !S[b].has('redis')) && epel.every((b) => S[b].has('redis')), where('redis'));
  t('never built demo package btop: in no repository', branches.every((b) => !S[b].has('btop')), where('btop'));
  const vx = byBranch.rawhide.get('vim-X11');
  t('rawhide vim-X11 is built from vim', vx && vx.sourcerpm === `vim-${vx.ver}-${vx.rel}.src.rpm`, vx ? `${vx.name}-${vx.epoch}:${vx.ver}-${vx.rel} <- ${vx.sourcerpm}` : 'absent');
  for (const bin of ['finch', 'libpurple0']) {
    const p = byBranch.f42.get(bin);
    t(`f42 ${bin} is built from pidgin (a binary named unlike its source)`, p && srcName(p) === 'pidgin', p ? p.sourcerpm : 'absent');
  }

  // ---- the demo packages agree with their mdapi answers, in every branch
  const demo = JSON.parse(readFileSync(DEMO_REPODATA, 'utf8')).packages.map((P) => P.name);
  for (const b of branches) {
    let ok = 0;
    const bad = [];
    for (const P of [...demo, 'btop']) {
      const src = await get(`${BASE}/mdapi/${b}/srcpkg/${encodeURIComponent(P)}`);
      const bins = [...byBranch[b].values()].filter((p) => srcName(p) === P);
      if (src.status === 404) { if (bins.length) bad.push(`${P}: in the repos, not in mdapi`); else ok++; continue; }
      const s = JSON.parse(src.body);
      const want = [...s['co-packages']].sort();
      const have = bins.map((p) => p.name).sort();
      if (want.join() !== have.join()) { bad.push(`${P}: mdapi ${want.join(',')} vs repos ${have.join(',')}`); continue; }
      let good = true;
      for (const p of bins) {
        const k = JSON.parse((await get(`${BASE}/mdapi/${b}/pkg/${encodeURIComponent(p.name)}`)).body);
        const diffs = ['epoch', 'version', 'release', 'summary', 'description', 'url', 'arch'].filter((f) => String(k[f]) !== String({ version: p.ver, release: p.rel }[f] ?? p[f]));
        if (diffs.length) { good = false; bad.push(`${p.name}: ${diffs.map((f) => `${f} ${JSON.stringify(k[f])}`).join(', ')}`); }
      }
      if (good) ok++;
    }
    t(`${b}: demo packages as mdapi has them (sub-packages, EVR, texts)`, !bad.length, `${ok}/${demo.length + 1} ${bad.slice(0, 3).join('; ')}`);
  }

  // ---- upgrade path of the corpus packages: rawhide's build is the newest of every Fedora branch
  const demoSet = new Set(demo);
  let behind = [];
  for (const b of fedora.filter((x) => x !== 'rawhide')) {
    for (const [n, p] of byBranch[b]) {
      const r = byBranch.rawhide.get(n);
      if (r && !demoSet.has(srcName(p)) && evrcmp([r.epoch, r.ver, r.rel], [p.epoch, p.ver, p.rel]) <= 0) behind.push(`${n} ${b}`);
    }
  }
  t('corpus packages: rawhide newer than every Fedora release and update', !behind.length, `${behind.length} behind ${behind.slice(0, 3).join(', ')}`);
  const total = Object.values(byBranch).reduce((a, m) => a + m.size, 0);
  console.log(`repository metadata: ${pass} passed, ${fail} failed (${branches.length} branches, ${total} binary packages across them)`);
  process.exit(fail ? 1 : 0);
}

main().catch((e) => {
  console.log(`FAIL repository metadata check: ${e.stack || e}`);
  process.exit(1);
});
