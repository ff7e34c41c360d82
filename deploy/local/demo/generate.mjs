#!/usr/bin/env node
// Generates the local demo data: WireMock mappings and bodies under deploy/local/wiremock/, the
// bus messages in deploy/local/demo/messages.jsonl, and the inputs of the dnf repository metadata
// (deploy/local/distro/demo.json, and packages.jsonl.gz through derive.mjs). Deterministic: fixed
// seed, fixed "now" (2026-11-20T12:00:00Z); running it twice writes identical files.
//
//   node deploy/local/demo/generate.mjs [--corpus PATH]
//
// Input: the Debian package index in ../shared/corpus/distro-corpus.jsonl.gz (sub-packages,
// summaries, dependencies), adapted to Fedora names and versions. Only needed to regenerate:
// the outputs are committed. Node 20, no dependencies.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BRANCHES, PACKAGES, PEOPLE } from './packages.mjs';
import { DROP, fedArch, fedName } from './names.mjs';
import { olderVersion, rpmvercmp } from '../distro/rpmver.mjs';
import { corpusPath, deriveCorpus, loadCorpus, writePackages } from '../distro/derive.mjs';
import { CORPUS_GENERATED, DEMO_REPODATA, GENERATED } from '../distro/layout.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../../..');
const WIREMOCK = join(REPO, 'deploy/local/wiremock');
const MESSAGES = join(HERE, 'messages.jsonl');
const SEED = 'fedora-packages-demo-v1';
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0); // 2026-11-20T12:00:00Z
const DAY = 86400000;
const WHATREQUIRES_CAP = 200;

// ---------------------------------------------------------------------------------------------
// Determinism helpers

function sha(alg, s) {
  return createHash(alg).update(s).digest('hex');
}
function sha1(...parts) {
  return sha('sha1', [SEED, ...parts].join('\u0000'));
}
function rng(...parts) {
  let a = parseInt(sha('sha256', [SEED, ...parts].join('\u0000')).slice(0, 8), 16) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  next.pick = (arr) => arr[Math.floor(next() * arr.length)];
  next.chance = (p) => next() < p;
  next.between = (t0, t1) => t0 + Math.floor(next() * (t1 - t0));
  return next;
}
const D = (s) => Date.parse(s); // 'YYYY-MM-DDTHH:MM:SSZ'

// ---------------------------------------------------------------------------------------------
// Time formats of each upstream

const pad = (n, w = 2) => String(n).padStart(w, '0');
function parts(ms) {
  const d = new Date(ms);
  return { Y: d.getUTCFullYear(), M: pad(d.getUTCMonth() + 1), Dd: pad(d.getUTCDate()), h: pad(d.getUTCHours()), m: pad(d.getUTCMinutes()), s: pad(d.getUTCSeconds()), d };
}
const isoZ = (ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z'); // 2026-10-01T09:12:44Z
const bodhiTime = (ms) => { const p = parts(ms); return `${p.Y}-${p.M}-${p.Dd} ${p.h}:${p.m}:${p.s}`; };
const kojiTime = (ms, micro) => { const p = parts(ms); return `${p.Y}-${p.M}-${p.Dd} ${p.h}:${p.m}:${p.s}.${pad(micro, 6)}+00:00`; };
const kojiTs = (ms, micro) => { // Python repr of a float timestamp
  const sec = Math.floor(ms / 1000);
  const frac = pad(micro, 6).replace(/0+$/, '');
  return `${sec}.${frac || '0'}`;
};
const naiveIso = (ms, micro) => { const p = parts(ms); return `${p.Y}-${p.M}-${p.Dd}T${p.h}:${p.m}:${p.s}.${pad(micro, 6)}`; };
const epochSec = (ms) => Math.floor(ms / 1000);
const WD = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const rpmDate = (ms) => { const d = new Date(ms); return `${WD[d.getUTCDay()]} ${MON[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${d.getUTCFullYear()}`; };
const noonOf = (ms) => Math.floor(ms / DAY) * DAY + DAY / 2;

// ---------------------------------------------------------------------------------------------
// Output helpers

const written = new Map(); // relative path -> content
function put(rel, content) {
  if (written.has(rel) && written.get(rel) !== content) throw new Error(`conflicting content for ${rel}`);
  written.set(rel, content);
}
const compact = (o) => JSON.stringify(o) + '\n';
const pretty = (o) => JSON.stringify(o, null, 2) + '\n';
function body(rel, content) {
  put(`__files/${rel}`, content);
  return rel;
}
function regexEscape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function jsonResponse(file, status = 200, contentType = 'application/json') {
  return { status, headers: { 'Content-Type': contentType }, bodyFileName: file };
}

// ---------------------------------------------------------------------------------------------
// Corpus -> Fedora names: names.mjs (shared with deploy/local/distro/derive.mjs)

const cleanDebVersion = (v) => v.replace(/^\d+:/, '').replace(/[+~].*$/, '') || '0';
const debRelease = (r) => { const n = parseInt(r, 10); return Number.isFinite(n) && n > 0 ? n : 1; };

// ---------------------------------------------------------------------------------------------
// The demo world: releases, tags, dist tags

const BR = {
  rawhide: { dist: 'fc44', target: 'rawhide', bodhi: 'F44', stable: 'f44', testing: 'f44-updates-testing', kind: 'fedora', mdapiRepoStable: 'release' },
  f43: { dist: 'fc43', target: 'f43', bodhi: 'F43', stable: 'f43-updates', testing: 'f43-updates-testing', kind: 'fedora' },
  f42: { dist: 'fc42', target: 'f42', bodhi: 'F42', stable: 'f42-updates', testing: 'f42-updates-testing', kind: 'fedora' },
  f41: { dist: 'fc41', target: 'f41', bodhi: 'F41', stable: 'f41-updates', testing: 'f41-updates-testing', kind: 'fedora' },
  epel10: { dist: 'el10_1', target: 'epel10.1', bodhi: 'EPEL-10.1', stable: 'epel10.1', testing: 'epel10.1-testing', kind: 'epel' },
  epel9: { dist: 'el9', target: 'epel9', bodhi: 'EPEL-9', stable: 'epel9', testing: 'epel9-testing', kind: 'epel' },
};
const TAG_IDS = { f44: 10001, 'f44-updates-testing': 10006, 'f43-updates': 9411, 'f43-updates-testing': 9412, 'f42-updates': 8851, 'f42-updates-testing': 8852, 'f41-updates': 8312, 'f41-updates-testing': 8313, 'epel10.1': 9720, 'epel10.1-testing': 9721, epel9: 6633, 'epel9-testing': 6634 };
const RELEASE_IDS = { F44: 84, F43: 80, F42: 76, F41: 72, 'EPEL-10.1': 82, 'EPEL-9': 61 };

function bodhiRelease(name, full) {
  const defs = {
    'EPEL-10.1': { branch: 'epel10', candidate_tag: 'epel10.1-testing-candidate', composed_by_bodhi: true, create_automatic_updates: false, dist_tag: 'epel10.1', eol: null, id_prefix: 'FEDORA-EPEL', long_name: 'Fedora EPEL 10.1', mail_template: 'fedora_epel_legacy_errata_template', override_tag: 'epel10.1-override', package_manager: 'unspecified', pending_signing_tag: 'epel10.1-signing-pending', pending_stable_tag: 'epel10.1-pending', pending_testing_tag: 'epel10.1-testing-pending', setting_status: null, stable_tag: 'epel10.1', state: 'current', testing_repository: null, testing_tag: 'epel10.1-testing', version: '10' },
    'EPEL-9': { branch: 'epel9', candidate_tag: 'epel9-testing-candidate', composed_by_bodhi: true, create_automatic_updates: false, dist_tag: 'epel9', eol: null, id_prefix: 'FEDORA-EPEL', long_name: 'Fedora EPEL 9', mail_template: 'fedora_epel_legacy_errata_template', override_tag: 'epel9-override', package_manager: 'unspecified', pending_signing_tag: 'epel9-signing-pending', pending_stable_tag: 'epel9-pending', pending_testing_tag: 'epel9-testing-pending', setting_status: null, stable_tag: 'epel9', state: 'current', testing_repository: null, testing_tag: 'epel9-testing', version: '9' },
    'EPEL-9N': { branch: 'epel9-next', candidate_tag: 'epel9-next-testing-candidate', composed_by_bodhi: true, create_automatic_updates: false, dist_tag: 'epel9-next', eol: null, id_prefix: 'FEDORA-EPEL-NEXT', long_name: 'Fedora EPEL 9 Next', mail_template: 'fedora_errata_template', override_tag: 'epel9-next-override', package_manager: 'unspecified', pending_signing_tag: 'epel9-next-signing-pending', pending_stable_tag: 'epel9-next-pending', pending_testing_tag: 'epel9-next-testing-pending', setting_status: null, stable_tag: 'epel9-next', state: 'current', testing_repository: null, testing_tag: 'epel9-next-testing', version: '9' },
  };
  const fedora = (n, state, eol) => ({ branch: `f${n}`, candidate_tag: `f${n}-updates-candidate`, composed_by_bodhi: true, create_automatic_updates: false, dist_tag: `f${n}`, eol, id_prefix: 'FEDORA', long_name: `Fedora ${n}`, mail_template: 'fedora_errata_template', override_tag: `f${n}-override`, package_manager: 'dnf', pending_signing_tag: `f${n}-signing-pending`, pending_stable_tag: `f${n}-updates-pending`, pending_testing_tag: `f${n}-updates-testing-pending`, setting_status: null, stable_tag: `f${n}-updates`, state, testing_repository: 'updates-testing', testing_tag: `f${n}-updates-testing`, version: `${n}` });
  const kind = (n, k, state, eol) => { const K = k === 'C' ? 'container' : 'flatpak'; const KK = k === 'C' ? 'Containers' : 'Flatpaks'; return { branch: n === 44 ? 'rawhide' : `f${n}`, candidate_tag: `f${n}-${K}-updates-candidate`, composed_by_bodhi: true, create_automatic_updates: false, dist_tag: `f${n}-${K}`, eol, id_prefix: `FEDORA-${K.toUpperCase()}`, long_name: `Fedora ${n} ${KK}`, mail_template: 'fedora_errata_template', override_tag: `f${n}-${K}-override`, package_manager: 'unspecified', pending_signing_tag: '', pending_stable_tag: `f${n}-${K}-updates-pending`, pending_testing_tag: `f${n}-${K}-updates-testing-pending`, setting_status: null, stable_tag: `f${n}-${K}-updates`, state, testing_repository: null, testing_tag: `f${n}-${K}-updates-testing`, version: `${n}` }; };
  defs.F41 = fedora(41, 'current', '2026-12-08');
  defs.F42 = fedora(42, 'current', '2027-05-12');
  defs.F43 = fedora(43, 'current', '2027-12-01');
  defs.F44 = { branch: 'rawhide', candidate_tag: 'f44-updates-candidate', composed_by_bodhi: false, create_automatic_updates: true, dist_tag: 'f44', eol: null, id_prefix: 'FEDORA', long_name: 'Fedora 44', mail_template: 'fedora_errata_template', override_tag: 'f44-override', package_manager: 'unspecified', pending_signing_tag: 'f44-signing-pending', pending_stable_tag: 'f44-updates-pending', pending_testing_tag: 'f44-updates-testing-pending', setting_status: 'pre_beta', stable_tag: 'f44', state: 'pending', testing_repository: null, testing_tag: 'f44-updates-testing', version: '44' };
  defs.F41F = kind(41, 'F', 'current', '2026-12-08');
  defs.F42C = kind(42, 'C', 'current', '2027-05-12');
  defs.F42F = kind(42, 'F', 'current', '2027-05-12');
  defs.F43C = kind(43, 'C', 'current', '2027-12-01');
  defs.F43F = kind(43, 'F', 'current', '2027-12-01');
  defs.F44C = kind(44, 'C', 'pending', null);
  defs.F44F = kind(44, 'F', 'pending', null);
  const r = defs[name];
  if (!r) throw new Error(`no release ${name}`);
  const base = { ...r, name };
  const crit = name.startsWith('EPEL') ? { critpath_mandatory_days_in_testing: 14, critpath_min_karma: 2, mandatory_days_in_testing: 7, min_karma: 1 } : name === 'F44' || name.startsWith('F44') ? { critpath_mandatory_days_in_testing: 0, critpath_min_karma: 0, mandatory_days_in_testing: 0, min_karma: 0 } : { critpath_mandatory_days_in_testing: 14, critpath_min_karma: 2, mandatory_days_in_testing: 7, min_karma: 1 };
  if (full) {
    const o = { ...base, ...crit, released_on: null };
    return sortKeys(o);
  }
  // the subset embedded in an update (as in the recorded updates page)
  const keep = ['branch', 'candidate_tag', 'composed_by_bodhi', 'create_automatic_updates', 'dist_tag', 'id_prefix', 'long_name', 'mail_template', 'name', 'override_tag', 'package_manager', 'pending_signing_tag', 'pending_stable_tag', 'pending_testing_tag', 'stable_tag', 'state', 'testing_repository', 'testing_tag', 'version'];
  const o = { composes: [] };
  for (const k of keep) o[k] = base[k];
  return sortKeys(o);
}
function sortKeys(o) {
  const r = {};
  for (const k of Object.keys(o).sort()) r[k] = o[k];
  return r;
}

// ---------------------------------------------------------------------------------------------
// Model building

const people = PEOPLE.map(([login, fullname], i) => ({ login, fullname, id: 1000 + i * 37, email: `${login}@fedoraproject.org` }));
const RELENG = { login: 'releng', fullname: 'Fedora Release Engineering', id: 3, email: 'releng@fedoraproject.org' };

function buildModel(corpus) {
  const model = [];
  for (const P of PACKAGES) {
    const src = corpus.get(P.src);
    if (!src) throw new Error(`corpus has no source ${P.src}`);
    const debSubs = new Map(src.subpackages.map((s) => [s.name, s]));
    const r = rng('pkg', P.name);
    const ren = (s) => (P.rename ? s.split(P.rename[0]).join(P.rename[1]) : s);
    const subs = P.subs.map(([fed, deb, override], i) => {
      const d = debSubs.get(deb);
      if (!d) throw new Error(`${P.name}: corpus source ${P.src} has no binary ${deb}`);
      const sum = i === 0 && fed === P.name ? P.summary : override || ren(d.summary);
      return { name: fed, deb, arch: fedArch(d.arch), summary: sum.charAt(0).toUpperCase() + sum.slice(1), d, size: d.size || 100000 };
    });
    // maintainers
    const pr = rng('people', P.name);
    const pool = [...people];
    const take = () => pool.splice(pr.int(0, pool.length - 1), 1)[0];
    const owner = take();
    const nAdmins = P.name === 'glibc' || P.name === 'systemd' || P.name === 'gcc' ? 4 : pr.int(0, 2);
    const admins = Array.from({ length: nAdmins }, take);
    const committers = Array.from({ length: pr.int(0, 3) }, take);
    const collaborators = pr.chance(0.25) ? [take()] : [];
    const maintainers = [owner, ...admins, ...committers];
    model.push({ P, src, subs, owner, admins, committers, collaborators, maintainers, r, packageId: P.newPackage ? null : 100 + (parseInt(sha1('pkgid', P.name).slice(0, 6), 16) % 49000) });
  }
  return model;
}

// --- Koji builds -----------------------------------------------------------------------------

function planBuilds(m) {
  const { P } = m;
  const r = rng('builds', P.name);
  const list = [];
  const who = () => (r.chance(0.7) ? m.owner : r.pick(m.maintainers));
  const add = (branch, version, rel, t, state, extra = {}) => list.push({ branch, version, rel, t, state, owner: extra.owner || who(), note: extra.note || null, pkg: P.name });
  const branches = BRANCHES.filter((b) => P.v[b]);
  const massRebuild = D('2026-07-23T04:00:00Z');
  for (const b of branches) {
    const v = P.v[b];
    if (b === 'rawhide') {
      const prev = P.v.f43 && P.v.f43 !== v ? P.v.f43 : null;
      if (prev) {
        add(b, prev, 1, r.between(D('2026-04-01T00:00:00Z'), D('2026-07-10T00:00:00Z')), 1, { note: `Update to ${prev}` });
        add(b, prev, 2, massRebuild + r.int(0, 40 * 3600) * 1000, 1, { owner: RELENG, note: 'mass' });
        add(b, v, 1, r.between(D('2026-09-01T00:00:00Z'), D('2026-11-17T00:00:00Z')), 1, { note: `Update to ${v}` });
      } else {
        add(b, v, 1, r.between(D('2026-03-01T00:00:00Z'), D('2026-07-10T00:00:00Z')), 1, { note: `Update to ${v}` });
        add(b, v, 2, massRebuild + r.int(0, 40 * 3600) * 1000, 1, { owner: RELENG, note: 'mass' });
        if (r.chance(0.6)) add(b, v, 3, r.between(D('2026-08-20T00:00:00Z'), D('2026-11-17T00:00:00Z')), 1, { note: 'fix' });
      }
      const last = list.filter((x) => x.branch === b).at(-1);
      const f0 = Math.max(last.t + 2 * DAY, D('2026-10-01T00:00:00Z'));
      if (f0 < NOW - 2 * DAY && r.chance(0.35)) add(b, v, last.rel + 1, r.between(f0, NOW - DAY), 1, { note: 'fix' });
      if (P.building) {
        const l2 = list.filter((x) => x.branch === b).at(-1);
        add(b, v, l2.rel + 1, NOW - r.int(25, 110) * 60000, 0, { note: 'fix' });
      }
    } else {
      const windows = { f43: ['2026-05-20', '2026-10-20'], f42: ['2026-03-01', '2026-10-01'], f41: ['2026-01-10', '2026-09-01'], epel10: ['2026-04-01', '2026-10-15'], epel9: ['2026-02-01', '2026-10-15'] }[b];
      const t1 = r.between(D(`${windows[0]}T00:00:00Z`), D(`${windows[1]}T00:00:00Z`));
      add(b, v, 1, t1, 1, { note: `Update to ${v}` });
      const t2 = Math.min(t1 + 50 * DAY, NOW - DAY);
      if (t1 + 3 * DAY < t2 && r.chance(0.5)) add(b, v, 2, r.between(t1 + 3 * DAY, t2), 1, { note: 'fix' });
      // a fresh update still in updates-testing
      const lastB = list.filter((x) => x.branch === b).at(-1);
      if (lastB.t < NOW - 14 * DAY && r.chance(0.4)) add(b, v, lastB.rel + 1, r.between(NOW - 10 * DAY, NOW - DAY), 1, { note: 'fix' });
    }
  }
  // noise: failed attempts and cancellations just before successful builds
  const noise = [];
  for (const x of list) {
    if (x.state !== 1) continue;
    if (r.chance(0.2)) noise.push({ ...x, t: x.t - r.int(20, 300) * 60000, state: 3, owner: x.owner });
    else if (r.chance(0.08)) noise.push({ ...x, t: x.t - r.int(5, 60) * 60000, state: 4, owner: x.owner });
  }
  const all = [...list, ...noise].sort((a, b) => a.t - b.t);
  // durations
  for (const x of all) {
    const base = P.buildMinutes * 60000;
    x.start = x.t;
    const micro1 = r.int(0, 999999);
    x.micro = micro1;
    if (x.state === 1) x.end = x.t + Math.round(base * (0.75 + r() * 0.5));
    else if (x.state === 3) x.end = x.t + Math.round(base * (0.1 + r() * 0.6));
    else if (x.state === 4) x.end = x.t + r.int(1, 20) * 60000;
    else x.end = null;
    if (x.end !== null && x.end > NOW - 60000) x.end = NOW - 60000 - r.int(0, 600) * 1000;
    x.endMicro = r.int(0, 999999);
    x.nvr = `${P.name}-${x.version}-${x.rel}.${BR[x.branch].dist}`;
    x.release = `${x.rel}.${BR[x.branch].dist}`;
    x.commit = sha1('commit', P.name, x.branch, x.nvr);
  }
  return all;
}

function assignIds(model) {
  const all = model.flatMap((m) => m.builds);
  all.sort((a, b) => a.start - b.start || (a.pkg < b.pkg ? -1 : a.pkg > b.pkg ? 1 : 0));
  const r = rng('ids');
  let bid = 2871000;
  let tid = 139400000;
  for (const x of all) {
    bid += r.int(3, 60);
    tid += r.int(40, 900);
    x.buildId = bid;
    x.taskId = tid;
    x.eventId = 141000000 + Math.floor((x.start - D('2026-01-01T00:00:00Z')) / 1000);
  }
}

// --- Bodhi updates ---------------------------------------------------------------------------

function planUpdates(m) {
  const { P } = m;
  const r = rng('updates', P.name);
  const ups = [];
  for (const b of BRANCHES) {
    const builds = m.builds.filter((x) => x.branch === b && x.state === 1 && x.note !== 'mass');
    builds.forEach((x, i) => {
      const latest = i === builds.length - 1;
      const isRawhide = b === 'rawhide';
      let status = 'stable';
      if (!isRawhide && latest && builds.length > 1 && x.end > NOW - 7 * DAY) status = 'testing';
      if (!isRawhide && latest && builds.length > 1 && x.end > NOW - 14 * DAY && r.chance(0.5)) status = 'testing';
      const submitted = x.end + r.int(2, 90) * 60000;
      const dTesting = isRawhide ? submitted + r.int(1, 5) * 60000 : submitted + r.int(6, 30) * 3600000;
      const dStable = status === 'stable' ? (isRawhide ? dTesting + r.int(10, 50) * 60000 : dTesting + r.int(7, 14) * DAY) : null;
      const upd = { build: x, branch: b, status, submitted, dTesting: Math.min(dTesting, NOW - 3600000), dStable: dStable === null ? null : Math.min(dStable, NOW - 1800000), r };
      upd.alias = `${BR[b].kind === 'epel' ? 'FEDORA-EPEL' : 'FEDORA'}-${new Date(submitted).getUTCFullYear()}-${sha1('alias', x.nvr).slice(0, 10)}`;
      upd.type = isRawhide ? 'unspecified' : x.note && x.note.startsWith('Update') ? r.pick(['enhancement', 'enhancement', 'bugfix']) : r.pick(['bugfix', 'bugfix', 'security']);
      upd.severity = isRawhide ? 'unspecified' : upd.type === 'security' ? r.pick(['medium', 'high']) : r.pick(['unspecified', 'low', 'medium']);
      upd.karma = isRawhide ? 0 : status === 'stable' ? r.int(0, 3) : r.int(0, 1);
      ups.push(upd);
    });
  }
  ups.sort((a, b) => b.submitted - a.submitted);
  return ups;
}

// mdapi/Koji view per branch: stable = newest build whose update is stable; testing = newest build
function branchState(m, b) {
  const builds = m.builds.filter((x) => x.branch === b && x.state === 1);
  if (!builds.length) return null;
  const latest = builds.at(-1);
  const up = m.updates.find((u) => u.build === latest);
  const latestTesting = up && up.status === 'testing';
  const stable = latestTesting ? builds.at(-2) || null : latest;
  return { latest, stable, testing: latest, latestTesting };
}

// ---------------------------------------------------------------------------------------------
// mdapi

function depObj(name, flags, epoch, version, release) {
  return { epoch: epoch ?? '', version: version ?? '', release: release ?? '', name, flags: flags ?? '' };
}

function mdapiPkg(m, sub, b, nv) {
  const { P } = m;
  const e = String(P.epoch || 0);
  const names = new Set(m.subs.map((s) => s.name));
  const archOf = new Map(m.subs.map((s) => [s.name, s.arch]));
  const d = sub.d;
  const x86 = sub.arch === 'x86_64';
  const seen = new Set([sub.name]);
  const requires = [];
  for (const dep of d.requires || []) {
    if (DROP.has(dep)) continue;
    const n = fedName(dep);
    if (seen.has(n) || DROP.has(n)) continue;
    seen.add(n);
    if (names.has(n)) {
      const depName = archOf.get(n) === 'x86_64' ? `${n}(x86-64)` : n;
      requires.push(depObj(depName, x86 && archOf.get(n) === 'x86_64' ? 'EQ' : 'GE', e, nv.version, nv.release));
    } else requires.push(depObj(n));
  }
  if (x86) requires.push(depObj('rtld(GNU_HASH)'));
  const simple = (arr) => {
    const out = [];
    const s = new Set();
    for (const dep of arr || []) {
      if (DROP.has(dep)) continue;
      const n = fedName(dep);
      if (s.has(n) || n === sub.name || DROP.has(n)) continue;
      s.add(n);
      out.push(depObj(n));
    }
    return out;
  };
  const provides = [depObj(sub.name, 'EQ', e, nv.version, nv.release)];
  if (x86) provides.push(depObj(`${sub.name}(x86-64)`, 'EQ', e, nv.version, nv.release));
  for (const p of simple(d.provides)) provides.push(p);
  const obsoletes = simple(d.obsoletes).map((o) => depObj(o.name, 'LT', '0', nv.version, nv.release.replace(/\..*$/, '')));
  return {
    epoch: e,
    version: nv.version,
    release: nv.release,
    repo: nv.repo,
    arch: sub.arch,
    summary: sub.summary,
    description: sub.name === P.name || sub === m.subs[0] ? P.description : `${P.description}\n\nThis package contains: ${sub.summary.replace(/\.$/, '')}.`,
    basename: P.name,
    url: P.url,
    supplements: [],
    recommends: simple(d.recommends),
    conflicts: simple(d.conflicts),
    obsoletes,
    provides,
    requires,
    enhances: [],
    suggests: simple(d.suggests),
    'co-packages': m.subs.map((s) => s.name),
    'package-size': String(Math.round(sub.size * 0.38) + 1024),
    'installed-size': String(sub.size),
  };
}

function mdapiNv(m, b) {
  const st = branchState(m, b);
  if (!st) return null;
  const x = st.latest;
  const epel = BR[b].kind === 'epel';
  let repo;
  if (b === 'rawhide') repo = 'release';
  else if (st.latestTesting) repo = epel ? 'testing' : 'updates-testing';
  else repo = epel ? 'release' : 'updates';
  return { version: x.version, release: x.release, repo, build: x };
}

// ---------------------------------------------------------------------------------------------
// The demo packages in the dnf repositories (deploy/local/distro/demo.json, read by repodata.mjs):
// the same sub-packages, texts and dependencies as their mdapi answers, and per branch the Koji builds
// each repository holds. The newest build of a branch is always what mdapi serves for it.
//   rawhide: the newest build.  fN: release = the branch's first build (as shipped), updates = its
//   stable build when that is a later one, updates-testing = a newer build still in testing.
//   epelN: the stable build; epelN-testing: a newer build still in testing.

const SELF = { version: '%{version}', release: '%{baserelease}.%{dist}' }; // repodata.mjs puts each build's in

function demoRepos(m, b) {
  const st = branchState(m, b);
  if (!st) return [];
  if (b === 'rawhide') return [['rawhide', st.latest]];
  const out = [];
  if (BR[b].kind === 'fedora') {
    const first = m.builds.find((x) => x.branch === b && x.state === 1);
    out.push([b, first]);
    if (st.stable && st.stable !== first) out.push([`${b}-updates`, st.stable]);
    if (st.latestTesting) out.push([`${b}-updates-testing`, st.latest]);
  } else {
    if (st.stable) out.push([b, st.stable]);
    if (st.latestTesting) out.push([`${b}-testing`, st.latest]);
  }
  return out;
}

function demoRepodata(model) {
  const dep = (d) => (d.flags ? [d.name, d.flags, d.epoch, d.version, d.release] : [d.name]);
  const packages = [];
  for (const m of model) {
    const { P } = m;
    const builds = BRANCHES.flatMap((b) => demoRepos(m, b).map(([repo, x]) => ({ repo, nvr: x.nvr, version: x.version, release: x.release, buildtime: epochSec(x.end) })));
    if (!builds.length) continue; // btop: never built
    const subs = m.subs.map((s) => {
      const k = mdapiPkg(m, s, 'rawhide', SELF);
      const o = { name: s.name, arch: k.arch, summary: k.summary, description: k.description, size: { package: +k['package-size'], installed: +k['installed-size'] } };
      for (const kind of ['provides', 'requires', 'obsoletes', 'conflicts', 'recommends', 'suggests']) if (k[kind].length) o[kind] = k[kind].map(dep);
      return o;
    });
    packages.push({ name: P.name, epoch: String(P.epoch || 0), license: P.license, url: P.url, subs, builds });
  }
  const about = 'Written by deploy/local/demo/generate.mjs: the demo packages as the dnf repositories of deploy/local/distro/repodata.mjs list them. ' +
    'Dependencies are [name] or [name, flags, epoch, version, release]; %{version}, %{baserelease} and %{dist} stand for the version, the release without its dist tag, and the dist tag of each build.';
  return { about, packages };
}
// one sub-package or build a line
function demoRepodataJson({ about, packages }) {
  const pkg = ({ subs, builds, ...rest }) => `  {${JSON.stringify(rest).slice(1, -1)},\n   "subs": [\n${subs.map((s) => `    ${JSON.stringify(s)}`).join(',\n')}\n   ],\n   "builds": [\n${builds.map((b) => `    ${JSON.stringify(b)}`).join(',\n')}\n   ]}`;
  return `{"about": ${JSON.stringify(about)},\n "packages": [\n${packages.map(pkg).join(',\n')}\n ]}\n`;
}

function filesFor(m, sub) {
  const { P } = m;
  const n = sub.name;
  const r = rng('files', n);
  const out = []; // [path, type]
  const f = (p) => out.push([p, 'f']);
  const dirp = (p) => out.push([p, 'd']);
  const buildId = () => { const h = sha1('bid', n, String(out.length)); f(`/usr/lib/.build-id/${h.slice(0, 2)}/${h.slice(2, 40)}`); };
  const isDoc = /-(doc|docs|manual|html)$/.test(n);
  const isDevel = /-devel$/.test(n);
  const isLang = /langpack/.test(n);
  const isLib = !isDevel && (/^lib/.test(n) || /-libs$/.test(n));
  const lic = `/usr/share/licenses/${n}/${P.license.startsWith('MIT') ? 'LICENSE' : 'COPYING'}`;
  if (isDoc) {
    dirp(`/usr/share/doc/${n}`);
    for (const page of ['index.html', 'README', 'NEWS', 'CHANGES', 'tutorial.html', 'reference.html', 'faq.html']) f(`/usr/share/doc/${n}/${page}`);
    for (let i = 0; i < 12; i++) f(`/usr/share/doc/${n}/html/${['intro', 'install', 'usage', 'config', 'api', 'examples', 'faq', 'changes', 'license', 'search', 'genindex', 'modules'][i]}.html`);
  } else if (isLang) {
    const l = n.split('-').at(-1);
    for (const loc of [`${l}_${l.toUpperCase()}.utf8`, `${l}_${l.toUpperCase()}`]) {
      dirp(`/usr/lib/locale/${loc}`);
      for (const c of ['LC_ADDRESS', 'LC_COLLATE', 'LC_CTYPE', 'LC_IDENTIFICATION', 'LC_MEASUREMENT', 'LC_MONETARY', 'LC_NAME', 'LC_NUMERIC', 'LC_PAPER', 'LC_TELEPHONE', 'LC_TIME']) f(`/usr/lib/locale/${loc}/${c}`);
    }
    f(`/usr/share/locale/${l}/LC_MESSAGES/libc.mo`);
  } else if (isDevel) {
    const base = n.replace(/-devel$/, '').replace(/^lib/, '');
    dirp(`/usr/include/${base}`);
    for (const h of ['config.h', `${base}.h`, 'types.h', 'version.h', 'options.h', 'system.h']) f(`/usr/include/${base}/${h}`);
    f(`/usr/lib64/lib${base}.so`);
    f(`/usr/lib64/pkgconfig/${base}.pc`);
    f(`/usr/share/aclocal/${base}.m4`);
    f(`/usr/share/man/man3/${base}_init.3.gz`);
  } else if (isLib) {
    const base = n.replace(/-libs$/, '').replace(/^lib/, '');
    const so = `lib${base}.so.${r.int(0, 6)}`;
    f(`/usr/lib64/${so}`);
    f(`/usr/lib64/${so}.${r.int(0, 40)}.${r.int(0, 9)}`);
    buildId();
    f(lic);
  } else {
    const cmds = sub === m.subs[0] || n === P.name || (P.cmds && n === `${P.name}-core`) ? P.cmds || [n] : [n.replace(/^(nginx-mod-|mod_)/, '')];
    const isModule = /^(nginx-mod-|mod_)/.test(n) || /-(filesystem|data|common)$/.test(n);
    if (isModule) {
      dirp(`/usr/share/${P.name}`);
      if (/-filesystem$/.test(n)) { dirp(`/etc/${P.name}`); dirp(`/etc/${P.name}/conf.d`); dirp(`/var/log/${P.name}`); dirp(`/usr/share/${P.name}/html`); }
      else if (/^(nginx-mod-|mod_)/.test(n)) { f(`/usr/lib64/${P.name}/modules/${n.replace(/-/g, '_')}.so`); f(`/usr/share/${P.name}/modules/mod-${n}.conf`); buildId(); }
      else for (let i = 0; i < 14; i++) f(`/usr/share/${P.name}/${['syntax', 'colors', 'ftplugin', 'indent', 'plugin', 'autoload', 'doc', 'macros', 'modules', 'templates', 'tools', 'keymap', 'lang', 'spell'][i]}/${n}-${i}.dat`);
    } else {
      for (const c of cmds.slice(0, 120)) { f(`/usr/bin/${c}`); buildId(); }
      for (const c of cmds.slice(0, 40)) f(`/usr/share/man/man1/${c}.1.gz`);
      dirp(`/usr/share/doc/${n}`);
      f(`/usr/share/doc/${n}/README`);
      f(lic);
      if (/-(daemon|server)$/.test(n) || n === 'nscd' || n === 'httpd' || n === 'nginx' || n === 'redis') f(`/usr/lib/systemd/system/${n.replace(/-daemon$/, 'd')}.service`);
    }
  }
  // group by dirname (mdapi filelists rows)
  const groups = new Map();
  for (const [p, t] of out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const i = p.lastIndexOf('/');
    const dn = p.slice(0, i) || '/';
    const fn = p.slice(i + 1);
    if (!groups.has(dn)) groups.set(dn, []);
    if (!groups.get(dn).some(([x]) => x === fn)) groups.get(dn).push([fn, t]);
  }
  return [...groups.entries()].map(([dn, fns]) => ({ dirname: dn, filenames: fns.map((x) => x[0]).join('/'), filetypes: fns.map((x) => x[1]).join('') }));
}

const CHANGE_TEXTS = [
  'Backport upstream fix for a crash on exit', 'Fix FTBFS with GCC 16', 'Drop obsolete patches', 'Enable the test suite again',
  'Use %%autosetup and %%make_build', 'Convert License tag to SPDX', 'Fix build with -Werror=implicit-function-declaration',
  'Add missing BuildRequires: make', 'Move documentation into the -doc subpackage', 'Rebuild against the new libxml2 soname',
];

/** The %changelog text of a build (also its dist-git commit message, first line without "- "). */
function buildChangeText(x) {
  const h = parseInt(sha1('change', x.nvr).slice(0, 8), 16);
  const fix = (k) => CHANGE_TEXTS[k % CHANGE_TEXTS.length].replace(/%%/g, '%');
  if (x.note === 'mass') return '- Rebuilt for https://fedoraproject.org/wiki/Fedora_44_Mass_Rebuild';
  if (x.note && x.note.startsWith('Update')) {
    const t = `- ${x.note} (rhbz#${2380000 + (h % 60000)})`;
    return h % 5 < 2 ? `${t}\n- ${fix(h >>> 8)}` : t;
  }
  return `- ${fix(h)}`;
}

function changelogEntries(m, b) {
  const { P } = m;
  const r = rng('changelog', P.name, b);
  const builds = m.builds.filter((x) => x.branch === b && x.state === 1);
  const entries = [];
  const e = P.epoch ? `${P.epoch}:` : '';
  for (const x of builds.slice().reverse()) {
    const text = buildChangeText(x);
    entries.push({ who: x.owner, date: noonOf(x.start), evr: `${e}${x.version}-${x.rel}`, text });
  }
  // older history, before the builds we show
  let t = (builds[0] ? builds[0].start : NOW) - r.int(20, 60) * DAY;
  const base = builds[0] ? builds[0].version : P.v[b] || P.newPackage.version;
  const older = [];
  for (let k = 1; k <= 3; k++) {
    const ver = olderVersion(base, k);
    if (r.chance(0.6)) older.push([ver, 3, `- ${r.pick(CHANGE_TEXTS).replace(/%%/g, '%')}`]);
    older.push([ver, 2, `- Rebuilt for https://fedoraproject.org/wiki/Fedora_${44 - k}_Mass_Rebuild`]);
    older.push([ver, 1, `- Update to ${ver}`]);
  }
  for (const [ver, rel, text] of older) {
    entries.push({ who: r.pick(m.maintainers), date: noonOf(t), evr: `${e}${ver}-${rel}`, text });
    t -= r.int(25, 110) * DAY;
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// Koji XML-RPC encoding (as Python's xmlrpc.client marshals Koji's answers)

function xv(v) {
  if (v === null || v === undefined) return '<value><nil/></value>';
  if (typeof v === 'boolean') return `<value><boolean>${v ? 1 : 0}</boolean></value>\n`;
  if (typeof v === 'number') return `<value><int>${v}</int></value>\n`;
  if (v && v.$double !== undefined) return `<value><double>${v.$double}</double></value>\n`;
  if (typeof v === 'string') return `<value><string>${v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</string></value>\n`;
  if (Array.isArray(v)) return `<value><array><data>\n${v.map(xv).join('')}</data></array></value>\n`;
  const members = Object.keys(v).sort().map((k) => `<member>\n<name>${k}</name>\n${xv(v[k])}</member>\n`).join('');
  return `<value><struct>\n${members}</struct></value>\n`;
}
const xmlResponse = (v) => `<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n${xv(v)}</param>\n</params>\n</methodResponse>\n`;

// system.multicall answers are WireMock response templates: the worker orders its calls by Bodhi's
// release list, so the stub answers each call of the request in turn, picked by its tag (the first
// parameter), rather than in an order fixed here. A call whose tag has no answer: nothing tagged.
const MULTICALL_TAGS = '/methodCall/params/param/value/array/data/value/struct/member[name="params"]/value/array/data/value[1]/string';
function multicallTemplate(byTag) { // [[tag, <value> element: [result] or a fault struct]]
  const nothing = xv([[]]);
  let t = `<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value><array><data>\n{{#each (xPath request.body '${MULTICALL_TAGS}') as |tag|}}`;
  byTag.forEach(([tag, element], i) => {
    if (!/^[A-Za-z0-9._+-]+$/.test(tag) || element.includes('{{')) throw new Error(`cannot template the answer for ${tag}`);
    t += `${i ? '{{else eq' : '{{#eq'} tag.text '${tag}'}}${element}`;
  });
  t += byTag.length ? `{{else}}${nothing}{{/eq}}` : nothing;
  return `${t}{{/each}}</data></array></value>\n</param>\n</params>\n</methodResponse>\n`;
}

function kojiBuild(m, x, tag) {
  const { P } = m;
  const src = `git+https://src.fedoraproject.org/rpms/${P.name}.git#${x.commit}`;
  const o = {
    build_id: x.buildId,
    cg_id: null,
    cg_name: null,
    completion_time: x.end === null ? null : kojiTime(x.end, x.endMicro),
    completion_ts: x.end === null ? null : { $double: kojiTs(x.end, x.endMicro) },
    creation_event_id: x.eventId,
    creation_time: kojiTime(x.start, Math.min(999999, x.micro + 7591)),
    creation_ts: { $double: kojiTs(x.start, Math.min(999999, x.micro + 7591)) },
    draft: false,
    epoch: P.epoch ? P.epoch : null,
    extra: { source: { original_url: src } },
    name: P.name,
    nvr: x.nvr,
    owner_id: x.owner.id,
    owner_name: x.owner.login,
    package_id: m.packageId,
    package_name: P.name,
    promoter_id: null,
    promoter_name: null,
    promotion_time: null,
    promotion_ts: null,
    release: x.release,
    source: src,
    start_time: kojiTime(x.start, x.micro),
    start_ts: { $double: kojiTs(x.start, x.micro) },
    state: x.state,
    task_id: x.taskId,
    version: x.version,
    volume_id: 0,
    volume_name: 'DEFAULT',
  };
  if (tag) {
    o.id = x.buildId;
    o.tag_id = TAG_IDS[tag];
    o.tag_name = tag;
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Bugzilla

const BUG_TEMPLATES = [
  (n, s) => [`${n}: FTBFS in Fedora rawhide/f44`, ['FTBFS'], 'unspecified'],
  (n, s) => [`CVE-2026-${s.int(21000, 48999)} ${n}: ${s.pick(['heap-based buffer overflow in the parser', 'use-after-free when handling malformed input', 'denial of service via crafted request', 'out-of-bounds read in a decoding routine', 'integer overflow leading to memory corruption'])} [fedora-all]`, ['Security', 'SecurityTracking'], s.pick(['low', 'medium', 'high'])],
  (n, s) => [`${n} crashes with SIGSEGV on start when the configuration file is empty`, [], 'medium'],
  (n, s) => [`${n}: man page documents an option that no longer exists`, ['Triaged'], 'low'],
  (n, s) => [`Please build ${n} for EPEL 10`, ['FutureFeature'], 'unspecified'],
  (n, s) => [`${n}: fails to install in rawhide: nothing provides a required soname`, [], 'high'],
  (n, s) => [`[abrt] ${n}: raise(): killed by SIGABRT`, [], 'unspecified'],
  (n, s) => [`${n}: regression after the last update: output is truncated`, ['Regression'], 'medium'],
  (n, s) => [`${n}: drop the legacy compat subpackage`, [], 'low'],
  (n, s) => [`${n}: enable the upstream test suite in %check`, ['Triaged'], 'unspecified'],
  (n, s) => [`${n}: spec file uses a deprecated macro`, [], 'low'],
  (n, s) => [`${n}: SELinux denial when the service writes its PID file`, [], 'medium'],
];

function planBugs(m) {
  const { P } = m;
  const r = rng('bugs', P.name);
  const bugs = [];
  const epel = !P.v.rawhide && (P.v.epel10 || P.v.epel9);
  const outdated = P.upstream && P.v.rawhide && rpmvercmp(P.upstream.stable, P.v.rawhide) > 0;
  for (let i = 0; i < P.bugs; i++) {
    let summary, keywords, severity;
    if (i === 0 && outdated) { summary = `${P.name}-${P.upstream.stable} is available`; keywords = ['FutureFeature', 'Triaged']; severity = 'unspecified'; }
    else [summary, keywords, severity] = r.pick(BUG_TEMPLATES)(P.name, r);
    const created = r.between(D('2025-06-01T00:00:00Z'), NOW - 2 * DAY);
    const changed = Math.min(NOW - 3600000, created + r.int(0, 120) * DAY + r.int(0, 86399) * 1000);
    const versions = epel ? [P.v.epel10 ? 'epel10' : 'epel9'] : [r.pick(['rawhide', 'rawhide', '43', '42', '41'])];
    const status = r.pick(['NEW', 'NEW', 'NEW', 'ASSIGNED', 'ASSIGNED', 'POST', 'MODIFIED', 'ON_QA']);
    bugs.push({
      id: 2300000 + (parseInt(sha1('bug', P.name, String(i)).slice(0, 6), 16) % 140000),
      summary,
      status,
      severity,
      priority: severity === 'high' ? 'high' : severity === 'medium' ? r.pick(['medium', 'unspecified']) : 'unspecified',
      assigned_to: status === 'NEW' && r.chance(0.5) ? m.owner.email : r.pick(m.maintainers).email,
      product: epel ? 'Fedora EPEL' : 'Fedora',
      version: versions,
      component: [P.name],
      last_change_time: isoZ(changed),
      creation_time: isoZ(created),
      keywords,
    });
  }
  bugs.sort((a, b) => a.id - b.id);
  return bugs;
}

// ---------------------------------------------------------------------------------------------
// dist-git

function pagureProject(m) {
  const { P } = m;
  const created = P.newPackage ? D('2026-11-10T14:03:11Z') : D('2014-03-01T00:00:00Z') + (parseInt(sha1('created', P.name).slice(0, 6), 16) % (3 * 365)) * DAY;
  const modified = P.newPackage ? D('2026-11-10T14:05:40Z') : NOW - rng('mod', P.name).int(2, 200) * DAY;
  const groups = P.group ? [P.group] : [];
  const u = m.owner;
  return {
    access_groups: { admin: [], collaborator: [], commit: groups, ticket: [] },
    access_users: {
      admin: m.admins.map((p) => p.login).sort(),
      collaborator: m.collaborators.map((p) => p.login).sort(),
      commit: m.committers.map((p) => p.login).sort(),
      owner: [u.login],
      ticket: [],
    },
    close_status: [],
    custom_keys: [],
    date_created: String(epochSec(created)),
    date_modified: String(epochSec(modified)),
    description: `The ${P.name} package`,
    full_url: `https://src.fedoraproject.org/rpms/${P.name}`,
    fullname: `rpms/${P.name}`,
    id: 1000 + (parseInt(sha1('projid', P.name).slice(0, 5), 16) % 90000),
    milestones: {},
    name: P.name,
    namespace: 'rpms',
    parent: null,
    priorities: {},
    tags: [],
    url_path: `rpms/${P.name}`,
    user: { full_url: `https://src.fedoraproject.org/user/${u.login}`, fullname: u.fullname, name: u.login, url_path: `user/${u.login}` },
  };
}

function distgitBranches(m) {
  const { P } = m;
  const r = rng('branches', P.name);
  const heads = new Map(); // branch -> {sha, time, author, message}
  const fromBuild = (b) => {
    const x = m.builds.filter((y) => y.branch === b && y.state !== 3 && y.state !== 4).at(-1);
    return x ? { sha: x.commit, time: x.start - r.int(5, 90) * 60000, author: x.owner, message: buildChangeText(x).split('\n').map((l) => l.replace(/^- /, '')).join('\n') } : null;
  };
  if (P.retiredInFedora) {
    heads.set('rawhide', { sha: sha1('retire', P.name), time: D('2026-04-14T10:21:07Z'), author: m.owner, message: 'Retired: replaced by valkey in Fedora; see https://fedoraproject.org/wiki/Changes' });
  } else if (P.newPackage) {
    heads.set('rawhide', { sha: sha1('import', P.name), time: D('2026-11-10T15:12:48Z'), author: m.owner, message: `Initial import (fedora#${2410000 + r.int(0, 9999)})` });
  }
  for (const b of BRANCHES) {
    const h = fromBuild(b);
    if (h) heads.set(b, h);
  }
  if (!P.newPackage) {
    const oldest = P.retiredInFedora ? 39 : 35 + r.int(0, 3);
    for (let n = 40; n >= oldest; n--) heads.set(`f${n}`, { sha: sha1('old', P.name, String(n)), time: D('2024-04-01T00:00:00Z') - (40 - n) * 180 * DAY + r.int(0, 60) * DAY, author: r.pick(m.maintainers), message: r.pick(CHANGE_TEXTS).replace(/%%/g, '%') });
    if (P.retiredInFedora) for (const n of [41, 42, 43]) heads.set(`f${n}`, { sha: sha1('retire-br', P.name, String(n)), time: D('2026-04-14T10:21:07Z') + n * 60000, author: m.owner, message: 'Retired: replaced by valkey in Fedora' });
  }
  // dist-git lists branches in no particular order; keep a stable one
  const order = [...heads.keys()].sort();
  return { heads, order };
}

function specFile(m, lastEntries) {
  const { P } = m;
  const version = P.v.rawhide || P.newPackage.version;
  const st = P.newPackage ? null : branchState(m, 'rawhide');
  const release = st ? st.latest.rel : 1;
  const lines = [];
  lines.push(`Name:           ${P.name}`);
  if (P.epoch) lines.push(`Epoch:          ${P.epoch}`);
  lines.push(`Version:        ${version}`);
  lines.push(`Release:        ${release}%{?dist}`);
  lines.push(`Summary:        ${P.summary}`);
  lines.push(`License:        ${P.license}`);
  lines.push(`URL:            ${P.url}`);
  lines.push(`Source0:        ${P.source0}`);
  if (/\.tar\.(xz|gz|bz2)$/.test(P.source0) && /^https:/.test(P.source0) && rng('asc', P.name).chance(0.5)) {
    lines.push(`Source1:        ${P.source0}.asc`);
    lines.push(`Source2:        gpgkey-${sha1('gpg', P.name).slice(0, 16).toUpperCase()}.gpg`);
  }
  P.patches.forEach((p, i) => lines.push(`Patch${i}:         ${p}`));
  lines.push('');
  lines.push('BuildRequires:  gcc');
  lines.push('BuildRequires:  make');
  const own = new Set(m.subs.map((s) => s.name));
  const brs = [];
  for (const dep of m.subs.flatMap((s) => s.d.requires || [])) {
    const n = fedName(dep);
    if (DROP.has(dep) || own.has(n) || n === 'glibc' || n.startsWith('glibc-') || /[():]/.test(n)) continue;
    if (n === 'libgcc' || n === 'libstdc++') continue;
    const bare = n.replace(/^(lib[a-z]+?)-?\d+(\.\d+)*$/, '$1');
    const br = bare.endsWith('-devel') ? bare : bare.endsWith('-libs') ? bare.replace(/-libs$/, '-devel') : `${bare}-devel`;
    if (!brs.includes(br) && brs.length < 6) brs.push(br);
  }
  for (const br of brs) lines.push(`BuildRequires:  ${br}`);
  for (const s of m.subs.slice(1).filter((x) => /(^lib|-libs$|-common$|-filesystem$|-data$|-core$)/.test(x.name)).slice(0, 2)) lines.push(`Requires:       ${s.name}${s.arch === 'noarch' ? '' : '%{?_isa}'} = %{?epoch:%{epoch}:}%{version}-%{release}`);
  lines.push('');
  lines.push('%description');
  lines.push(wrap(P.description));
  for (const s of m.subs.slice(1)) {
    lines.push('');
    lines.push(s.name.startsWith(`${P.name}-`) ? `%package ${s.name.slice(P.name.length + 1)}` : `%package -n ${s.name}`);
    lines.push(`Summary:        ${s.summary}`);
    if (s.arch === 'noarch') lines.push('BuildArch:      noarch');
    lines.push('');
    lines.push(s.name.startsWith(`${P.name}-`) ? `%description ${s.name.slice(P.name.length + 1)}` : `%description -n ${s.name}`);
    lines.push(wrap(`${s.summary.replace(/\.$/, '')}.`));
  }
  lines.push('');
  lines.push('%prep');
  lines.push('%autosetup -p1');
  lines.push('');
  lines.push('%build');
  lines.push('%configure');
  lines.push('%make_build');
  lines.push('');
  lines.push('%install');
  lines.push('%make_install');
  lines.push('');
  lines.push('%check');
  lines.push('%make_build check');
  lines.push('');
  lines.push('%files');
  lines.push(`%license ${P.license.startsWith('MIT') ? 'LICENSE' : 'COPYING'}`);
  lines.push('%doc README NEWS');
  for (const c of (P.cmds || [P.name]).slice(0, 6)) lines.push(`%{_bindir}/${c}`);
  for (const c of (P.cmds || [P.name]).slice(0, 3)) lines.push(`%{_mandir}/man1/${c}.1*`);
  lines.push('');
  lines.push('%changelog');
  for (const en of lastEntries.slice(0, 8)) {
    lines.push(`* ${rpmDate(en.date)} ${en.who.fullname} <${en.who.email}> - ${en.evr}`);
    lines.push(en.text);
    lines.push('');
  }
  return lines.join('\n');
}
function wrap(s, w = 72) {
  const out = [];
  let line = '';
  for (const word of s.split(/\s+/)) {
    if (line && (line + ' ' + word).length > w) { out.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.join('\n');
}
function sourcesFile(m) {
  const { P } = m;
  const version = P.v.rawhide || P.newPackage.version;
  const tarball = P.source0.replace(/^.*\//, '').replace(/%\{name\}/g, P.name).replace(/%\{version\}/g, version).replace('%{glibcsrcdir}', `glibc-${version}-${sha1('snap', P.name).slice(0, 10)}`);
  const files = [tarball];
  if (P.name === 'firefox') files.push(`firefox-langpacks-${version}-20261118.tar.xz`);
  if (P.name === 'systemd' || P.name === 'gcc') files.push(`${P.name}-${version}-extra.tar.xz`);
  return files.map((f) => `SHA512 (${f}) = ${sha('sha512', `${SEED}:${P.name}:${f}`)}`).join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Generation

function main() {
  const corpus = loadCorpus(corpusPath());
  const model = buildModel(corpus);
  for (const m of model) m.builds = m.P.newPackage ? [] : planBuilds(m);
  assignIds(model);
  for (const m of model) {
    m.updates = planUpdates(m);
    m.bugs = planBugs(m);
  }

  // reverse dependency index over the whole corpus (Fedora names)
  const demoBinary = new Map(); // fedora binary name -> model
  for (const m of model) for (const s of m.subs) if (!demoBinary.has(s.name)) demoBinary.set(s.name, m);
  const revReq = new Map();
  const revRec = new Map();
  const binInfo = new Map(); // fedora binary name -> {source, summary, version, release, arch}
  for (const src of corpus.values()) {
    for (const sub of src.subpackages) {
      const bn = fedName(sub.name);
      if (!binInfo.has(bn)) binInfo.set(bn, { source: src.name, summary: sub.summary, version: cleanDebVersion(src.version), rel: debRelease(src.release), arch: fedArch(sub.arch) });
      for (const [list, index] of [[sub.requires, revReq], [sub.recommends, revRec]]) {
        for (const dep of list || []) {
          const dn = fedName(dep);
          if (!index.has(dn)) index.set(dn, new Set());
          index.get(dn).add(bn);
        }
      }
    }
  }

  const mappings = {}; // file -> [mapping]
  const addMapping = (file, mp) => { (mappings[file] ||= []).push(mp); };

  // ---- mdapi -------------------------------------------------------------------------------
  const mdapiBranches = ['epel10', 'epel9', 'f41', 'f42', 'f43', 'rawhide']; // as mdapi lists them (directory order)
  addMapping('mdapi-common.json', { name: 'mdapi branches', request: { method: 'GET', urlPath: '/mdapi/branches' }, response: jsonResponse(body('mdapi/branches.json', compact(mdapiBranches)), 200, 'application/json; charset=utf-8') });
  addMapping('mdapi-common.json', { name: 'mdapi: anything else is 404 (mdapi answers "404: Not Found")', priority: 10, request: { method: 'GET', urlPathPattern: '/mdapi/.*' }, response: { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, bodyFileName: body('mdapi/404.txt', '404: Not Found\n') } });
  // One stub per branch and route, its names listed in the path pattern and the body file named after
  // the path, rather than one stub per name: WireMock tries its stubs in turn on every request, and
  // 1,476 mdapi stubs cost it more CPU than the worker spends (bench/). Names with '+' (which a client
  // may send as %2B) and answers shared by several names (a changelog) get a group of their own.
  const mdapiGroups = new Map(); // key -> { pattern, names, bodyFileName, templated }
  const mdapiServe = (b, route, name, file, routePattern = regexEscape(route)) => {
    const templated = file === `mdapi/${b}/${route}/${name}.json` && !/[+]/.test(name);
    const key = templated ? `${b} ${route}` : `${b} ${route} ${file}`;
    if (!mdapiGroups.has(key)) {
      mdapiGroups.set(key, { prefix: regexEscape(`/mdapi/${b}/`) + routePattern + '/', names: [], templated,
        bodyFileName: templated ? `mdapi/${b}/${route}/{{request.pathSegments.[3]}}.json` : file });
    }
    mdapiGroups.get(key).names.push(name);
  };
  const repoPackages = Object.fromEntries(BRANCHES.map((b) => [b, []]));
  for (const m of model) {
    const { P } = m;
    const present = BRANCHES.filter((b) => P.v[b] && mdapiNv(m, b));
    const primary = present[0];
    for (const b of present) {
      const nv = mdapiNv(m, b);
      const first = m.subs.find((s) => s.name === P.name) || [...m.subs].sort((a, c) => (a.name < c.name ? -1 : 1))[0];
      const srcBody = body(`mdapi/${b}/srcpkg/${P.name}.json`, compact(mdapiPkg(m, first, b, nv)));
      mdapiServe(b, 'srcpkg', P.name, srcBody);
      for (const s of m.subs) {
        repoPackages[b].push(s.name);
        const pk = body(`mdapi/${b}/pkg/${s.name}.json`, compact(mdapiPkg(m, s, b, nv)));
        mdapiServe(b, 'pkg', s.name, pk);
      }
      // file lists, changelogs and reverse lookups on every branch: the per-branch tabs show each one
      const entries = changelogEntries(m, b);
      const cl = { repo: nv.repo, changelogs: entries.slice(0, 40).map((en) => ({ author: `${en.who.fullname} <${en.who.email}> - ${en.evr}`, changelog: en.text, date: epochSec(en.date) })) };
      const clBody = body(`mdapi/${b}/changelog/${P.name}.json`, compact(cl));
      for (const s of m.subs) {
        mdapiServe(b, 'changelog', s.name, clBody);
        const fl = body(`mdapi/${b}/files/${s.name}.json`, compact({ files: filesFor(m, s), repo: nv.repo }));
        mdapiServe(b, 'files', s.name, fl);
        for (const [kind, index] of [['requires', revReq], ['recommends', revRec]]) {
          const names = [...(index.get(s.name) || [])].sort().slice(0, WHATREQUIRES_CAP);
          const arr = names.map((bn) => {
            const dm = demoBinary.get(bn);
            if (dm) {
              const dnv = mdapiNv(dm, b) || mdapiNv(dm, BRANCHES.find((x) => dm.P.v[x] && mdapiNv(dm, x)) || 'rawhide');
              const ds = dm.subs.find((x) => x.name === bn);
              if (dnv) return { name: bn, basename: dm.P.name, summary: ds.summary, epoch: String(dm.P.epoch || 0), version: dnv.version, release: dnv.release, arch: ds.arch, repo: dnv.repo };
            }
            const info = binInfo.get(bn);
            return { name: bn, basename: info.source, summary: info.summary, epoch: '0', version: info.version, release: `${info.rel}.${BR[b].dist}`, arch: info.arch, repo: nv.repo === 'release' ? 'release' : 'updates' };
          });
          const rb = body(`mdapi/${b}/what${kind}/${s.name}.json`, compact(arr));
          // mdapi's own route for these lookups is /{branch}/{requires|recommends}/{name}; the contract uses whatrequires/whatrecommends: serve both
          mdapiServe(b, `what${kind}`, s.name, rb, `(?:what)?${kind}`);
        }
      }
    }
  }

  for (const [key, g] of [...mdapiGroups].sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0))) {
    const names = g.names.map((n) => regexEscape(n).replace(/\\\+/g, '(?:\\+|%2B)')).join('|');
    addMapping(`mdapi-${key.split(' ')[0]}.json`, {
      name: `mdapi ${key.split(' ').slice(0, 2).join(' ')} (${g.names.length === 1 ? g.names[0] : g.names.length + ' names'})`,
      request: { method: 'GET', urlPathPattern: `${g.prefix}(?:${names})` },
      response: { ...jsonResponse(g.bodyFileName, 200, 'application/json; charset=utf-8'), ...(g.templated ? { transformers: ['response-template'] } : {}) },
    });
  }

  // ---- Koji --------------------------------------------------------------------------------
  const xmlHeaders = { 'Content-Type': 'text/xml' };
  // Text matchers, not XPath: WireMock tries the Koji stubs in turn on every request to the hub, and an
  // XPath matcher parses the body each time; with ~100 stubs that cost WireMock more CPU than the worker
  // spends (bench/). The patterns follow the XML-RPC grammar (whitespace allowed between elements), so
  // they hold for any client's encoding, not only ours.
  const method = (name) => ({ contains: `<methodName>${name}</methodName>` });
  const param = (...parts) => ({ matches: `(?s).*${parts.join('\\s*')}.*` });
  addMapping('koji-common.json', { name: 'koji getPackageID: unknown package -> nil', priority: 10, request: { method: 'POST', urlPath: '/koji/kojihub', bodyPatterns: [method('getPackageID')] }, response: { status: 200, headers: xmlHeaders, bodyFileName: body('koji/getPackageID/nil.xml', xmlResponse(null)) } });
  addMapping('koji-common.json', { name: 'koji system.multicall listTagged: nothing tagged', priority: 10, request: { method: 'POST', urlPath: '/koji/kojihub', bodyPatterns: [method('system.multicall')] }, response: { status: 200, headers: xmlHeaders, bodyFileName: body('koji/multicall/nothing-tagged.xml', multicallTemplate([])), transformers: ['response-template'] } });
  addMapping('koji-common.json', { name: 'koji listBuilds: unknown package id', priority: 10, request: { method: 'POST', urlPath: '/koji/kojihub', bodyPatterns: [method('listBuilds')] }, response: { status: 200, headers: xmlHeaders, bodyFileName: body('koji/empty-array.xml', xmlResponse([])) } });
  for (const m of model) {
    const { P } = m;
    const file = `koji-${P.name}.json`;
    const idBody = body(`koji/getPackageID/${P.name}.xml`, xmlResponse(m.packageId));
    addMapping(file, { name: `koji getPackageID ${P.name}`, request: { method: 'POST', urlPath: '/koji/kojihub', bodyPatterns: [method('getPackageID'), param('<params>', '<param>', '<value>', `<string>${regexEscape(P.name)}</string>`)] }, response: { status: 200, headers: xmlHeaders, bodyFileName: idBody } });
    if (m.packageId === null) continue;
    const newest = [...m.builds].sort((a, b) => b.buildId - a.buildId).slice(0, 30);
    const lb = body(`koji/listBuilds/${P.name}.xml`, xmlResponse(newest.map((x) => kojiBuild(m, x))));
    addMapping(file, { name: `koji listBuilds ${P.name}`, request: { method: 'POST', urlPath: '/koji/kojihub', bodyPatterns: [method('listBuilds'), param('<name>packageID</name>', '<value>', `<(?:int|i4)>${m.packageId}</(?:int|i4)>`)] }, response: { status: 200, headers: xmlHeaders, bodyFileName: lb } });
    const tagged = [];
    for (const b of BRANCHES) {
      const st = branchState(m, b);
      if (!st) continue;
      for (const [tag, x] of [[BR[b].stable, st.stable], [BR[b].testing, st.testing]]) {
        if (x) tagged.push([tag, xv([[kojiBuild(m, x, x === st.stable && tag === BR[b].testing ? BR[b].stable : tag)]])]);
      }
    }
    const mc = body(`koji/multicall/${P.name}.xml`, multicallTemplate(tagged));
    addMapping(file, { name: `koji system.multicall listTagged ${P.name} (${tagged.map(([tag]) => tag).join(' ')})`, request: { method: 'POST', urlPath: '/koji/kojihub', bodyPatterns: [method('system.multicall'), param('<name>package</name>', '<value>', `<string>${regexEscape(P.name)}</string>`)] }, response: { status: 200, headers: xmlHeaders, bodyFileName: mc, transformers: ['response-template'] } });
  }

  // ---- Bodhi -------------------------------------------------------------------------------
  const releaseNames = ['EPEL-10.1', 'EPEL-9', 'EPEL-9N', 'F41', 'F41F', 'F42', 'F42C', 'F42F', 'F43', 'F43C', 'F43F', 'F44', 'F44C', 'F44F'];
  const releasesPage = { page: 1, pages: 1, releases: releaseNames.map((n) => bodhiRelease(n, true)), rows_per_page: 100, total: releaseNames.length };
  addMapping('bodhi-common.json', {
    name: 'bodhi releases current+pending+frozen',
    request: { method: 'GET', urlPath: '/bodhi/releases/', queryParameters: { state: { hasExactly: [{ equalTo: 'current' }, { equalTo: 'pending' }, { equalTo: 'frozen' }] }, rows_per_page: { equalTo: '100' }, page: { equalTo: '1' } } },
    response: jsonResponse(body('bodhi/releases.json', compact(releasesPage))),
  });
  addMapping('bodhi-common.json', {
    name: 'bodhi updates: unknown package (Bodhi rejects package names it has never seen)', priority: 10,
    request: { method: 'GET', urlPath: '/bodhi/updates/' },
    response: jsonResponse(body('bodhi/updates-unknown-package.json', compact({ status: 'error', errors: [{ location: 'querystring', name: 'packages', description: 'Invalid packages specified: (the requested name)' }] })), 400),
  });
  const bodhiUser = { avatar: 'https://apps.fedoraproject.org/img/icons/bodhi-24.png', email: null, groups: [], id: 91, name: 'bodhi', openid: 'bodhi.id.fedoraproject.org' };
  const fasUser = (p) => ({ avatar: `https://seccdn.libravatar.org/avatar/${sha('sha256', p.email)}?s=24&d=retro`, email: p.email, groups: [{ name: 'packager' }], id: p.id, name: p.login, openid: `${p.login}.id.fedoraproject.org` });
  const bodhiUpdate = (m, u, idx) => {
    const x = u.build;
    const rel = BR[u.branch].bodhi;
    const user = u.branch === 'rawhide' ? x.owner : x.owner;
    let cid = 3100000 + (parseInt(sha1('cid', x.nvr).slice(0, 5), 16) % 800000);
    const comment = (text, t, who, karma = 0) => ({ bug_feedback: [], id: cid++, karma, karma_critpath: 0, testcase_feedback: [], text, timestamp: bodhiTime(t), update_id: 400000 + idx, user: who, user_id: who.id });
    const comments = [comment(`This update has been submitted for testing by ${user.login}. `, u.submitted, bodhiUser)];
    comments.push(comment('This update has been pushed to testing.', u.dTesting, bodhiUser));
    if (u.karma > 0 && u.branch !== 'rawhide') comments.push(comment('works for me', u.dTesting + 2 * DAY, fasUser(u.r.pick(people)), 1));
    if (u.status === 'stable') comments.push(comment('This update has been pushed to stable.', u.dStable, bodhiUser));
    const o = {
      alias: u.alias,
      autokarma: true,
      autotime: true,
      bugs: [],
      builds: [{ epoch: m.P.epoch || 0, nvr: x.nvr, release_id: RELEASE_IDS[rel], signed: true, type: 'rpm' }],
      close_bugs: true,
      comments,
      compose: null,
      content_type: 'rpm',
      critpath: ['glibc', 'systemd', 'bash', 'coreutils', 'openssl', 'curl', 'python3.14', 'gcc', 'perl'].includes(m.P.name),
      date_approved: null,
      date_modified: null,
      date_pushed: bodhiTime(u.dStable || u.dTesting),
      date_stable: u.dStable ? bodhiTime(u.dStable) : null,
      date_submitted: bodhiTime(u.submitted),
      date_testing: bodhiTime(u.dTesting),
      display_name: '',
      from_tag: null,
      karma: u.karma,
      locked: false,
      meets_testing_requirements: u.status === 'stable' || u.branch === 'rawhide',
      notes: u.branch === 'rawhide' ? `Automatic update for ${x.nvr}.` : x.note && x.note.startsWith('Update') ? `${x.note}.` : 'Bug fix release.',
      pushed: true,
      release: bodhiRelease(rel, false),
      request: null,
      require_bugs: true,
      require_testcases: true,
      requirements: '',
      severity: u.severity,
      stable_days: u.branch === 'rawhide' ? 0 : BR[u.branch].kind === 'epel' ? 14 : 7,
      stable_karma: u.branch === 'rawhide' ? 0 : 3,
      status: u.status,
      suggest: 'unspecified',
      test_cases: [],
      test_gating_status: u.branch === 'rawhide' ? 'ignored' : 'passed',
      title: x.nvr,
      type: u.type,
      unstable_karma: u.branch === 'rawhide' ? 0 : -3,
      updateid: u.alias,
      url: `https://bodhi.fedoraproject.org/updates/${u.alias}`,
      user: fasUser(user),
      version_hash: sha1('vh', x.nvr),
    };
    if (u.type === 'security' || (x.note && x.note.startsWith('Update') && u.r.chance(0.3))) {
      o.bugs = [{ bug_id: 2300000 + (parseInt(sha1('fixedbug', x.nvr).slice(0, 6), 16) % 140000), feedback: [], parent: false, private: false, security: u.type === 'security', title: u.type === 'security' ? `CVE-2026-${20000 + (parseInt(sha1('cve', x.nvr).slice(0, 4), 16) % 20000)} ${m.P.name}: security flaw fixed upstream [fedora-all]` : `${m.P.name}-${x.version} is available` }];
    }
    return o;
  };
  for (const m of model) {
    const { P } = m;
    const all = m.updates;
    const page = {
      chrome: true,
      display_request: true,
      display_user: true,
      package: P.name,
      page: 1,
      pages: Math.max(1, Math.ceil(all.length / 50)),
      rows_per_page: 50,
      total: all.length,
      updates: all.slice(0, 50).map((u, i) => bodhiUpdate(m, u, parseInt(sha1('uid', u.build.nvr).slice(0, 4), 16) + i)),
    };
    addMapping(`bodhi-${P.name}.json`, { name: `bodhi updates ${P.name}`, request: { method: 'GET', urlPath: '/bodhi/updates/', queryParameters: { packages: { equalTo: P.name } } }, response: jsonResponse(body(`bodhi/updates/${P.name}.json`, compact(page))) });
    m.bodhiPage = page;
  }

  // ---- Bugzilla ----------------------------------------------------------------------------
  addMapping('bugzilla-common.json', { name: 'bugzilla search: no bugs for this component', priority: 10, request: { method: 'GET', urlPath: '/bugzilla/rest/bug' }, response: jsonResponse(body('bugzilla/empty.json', compact({ bugs: [], faults: [], limit: 500, offset: 0, total_matches: 0 })), 200, 'application/json; charset=UTF-8') });
  for (const m of model) {
    const { P } = m;
    const res = { bugs: m.bugs, faults: [], limit: 500, offset: 0, total_matches: m.bugs.length };
    addMapping(`bugzilla-${P.name}.json`, { name: `bugzilla open bugs ${P.name}`, request: { method: 'GET', urlPath: '/bugzilla/rest/bug', queryParameters: { component: { equalTo: P.name } } }, response: jsonResponse(body(`bugzilla/${P.name}.json`, compact(res)), 200, 'application/json; charset=UTF-8') });
  }

  // ---- dist-git (Pagure) -------------------------------------------------------------------
  addMapping('pagure-common.json', { name: 'pagure: unknown project', priority: 10, request: { method: 'GET', urlPathPattern: '/pagure/api/0/.*' }, response: jsonResponse(body('pagure/not-found.json', pretty({ error: 'Project not found', error_code: 'ENOPROJECT' })), 404) });
  addMapping('pagure-common.json', { name: 'pagure: raw file not found', priority: 10, request: { method: 'GET', urlPathPattern: '/pagure/rpms/.*/raw/.*' }, response: { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8' }, bodyFileName: body('pagure/raw-not-found.html', '<!DOCTYPE html>\n<html lang="en">\n<head><title>Page not found :'+'( - Pagure</title></head>\n<body><h2>Page not found (404)</h2><p>No such file in this repository</p></body>\n</html>\n') } });
  for (const m of model) {
    const { P } = m;
    const file = `pagure-${P.name}.json`;
    const proj = pagureProject(m);
    m.project = proj;
    addMapping(file, { name: `pagure project ${P.name}`, request: { method: 'GET', urlPath: `/pagure/api/0/rpms/${P.name}` }, response: jsonResponse(body(`pagure/project/${P.name}.json`, pretty(proj))) });
    const { heads, order } = distgitBranches(m);
    m.heads = heads;
    // Pagure's api_git_branches with with_commits=true: both branches and default map name -> head commit
    const br = { branches: Object.fromEntries(order.map((b) => [b, heads.get(b).sha])), default: { rawhide: heads.get('rawhide').sha }, total_branches: order.length };
    addMapping(file, { name: `pagure branches ${P.name}`, request: { method: 'GET', urlPath: `/pagure/api/0/rpms/${P.name}/git/branches` }, response: jsonResponse(body(`pagure/branches/${P.name}.json`, pretty(br))) });
    const seenSha = new Set();
    for (const b of order) {
      const h = heads.get(b);
      if (seenSha.has(h.sha)) continue;
      seenSha.add(h.sha);
      const info = { author: h.author.fullname, commit_time: epochSec(h.time), commit_time_offset: 0, committer: h.author.fullname, hash: h.sha, message: `${h.message}\n`, parent_ids: [sha1('parent', h.sha)], tree_id: sha1('tree', h.sha) };
      addMapping(file, { name: `pagure commit ${P.name} ${b}`, request: { method: 'GET', urlPath: `/pagure/api/0/rpms/${P.name}/c/${h.sha}/info` }, response: jsonResponse(body(`pagure/commits/${P.name}/${h.sha}.json`, pretty(info))) });
    }
    if (!P.retiredInFedora) {
      const entries = P.newPackage ? [{ who: m.owner, date: D('2026-11-10T12:00:00Z'), evr: `${P.newPackage.version}-1`, text: '- Initial package' }] : changelogEntries(m, 'rawhide');
      addMapping(file, { name: `pagure spec ${P.name}`, request: { method: 'GET', urlPath: `/pagure/rpms/${P.name}/raw/rawhide/f/${P.name}.spec` }, response: { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, bodyFileName: body(`pagure/raw/${P.name}/${P.name}.spec`, specFile(m, entries)) } });
      addMapping(file, { name: `pagure sources ${P.name}`, request: { method: 'GET', urlPath: `/pagure/rpms/${P.name}/raw/rawhide/f/sources` }, response: { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, bodyFileName: body(`pagure/raw/${P.name}/sources`, sourcesFile(m)) } });
    } else {
      addMapping(file, { name: `pagure dead.package ${P.name}`, request: { method: 'GET', urlPath: `/pagure/rpms/${P.name}/raw/rawhide/f/dead.package` }, response: { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, bodyFileName: body(`pagure/raw/${P.name}/dead.package`, 'Retired in Fedora: replaced by valkey after the license change. Still maintained in EPEL.\n') } });
    }
  }

  // ---- Anitya ------------------------------------------------------------------------------
  addMapping('anitya-common.json', { name: 'anitya: no Fedora mapping', priority: 10, request: { method: 'GET', urlPath: '/anitya/api/v2/packages/' }, response: jsonResponse(body('anitya/empty.json', compact({ items: [], items_per_page: 25, page: 1, total_items: 0 }))) });
  for (const m of model) {
    const { P } = m;
    if (!P.upstream) continue;
    const U = P.upstream;
    const eco = U.ecosystem || P.url;
    const res = { items: [{ distribution: 'Fedora', ecosystem: eco, name: P.name, project: U.project, stable_version: U.stable, version: U.latest }], items_per_page: 25, page: 1, total_items: 1 };
    addMapping(`anitya-${P.name}.json`, { name: `anitya package ${P.name}`, request: { method: 'GET', urlPath: '/anitya/api/v2/packages/', queryParameters: { name: { equalTo: P.name }, distribution: { equalTo: 'Fedora' } } }, response: jsonResponse(body(`anitya/${P.name}.json`, compact(res))) });
  }

  // ---- Koschei -----------------------------------------------------------------------------
  addMapping('koschei-common.json', { name: 'koschei: package not tracked', priority: 10, request: { method: 'GET', urlPath: '/koschei/api/v1/packages' }, response: jsonResponse(body('koschei/empty.json', '[]\n')) });
  for (const m of model) {
    const { P } = m;
    if (!P.koschei) continue;
    const r = rng('koschei', P.name);
    m.koschei = [];
    for (const coll of ['f44', 'f43']) {
      const state = P.koschei[coll];
      const b = coll === 'f44' ? 'rawhide' : 'f43';
      const st = branchState(m, b);
      const started = NOW - r.int(3, 96) * 3600000 - r.int(0, 3599) * 1000;
      const minutes = P.buildMinutes * (state === 'failing' ? 0.4 : 1);
      const finished = started + Math.round(minutes * 60000 * (0.8 + r() * 0.4));
      const lcb = { task_id: 139900000 + r.int(0, 99999), time_started: naiveIso(started, r.int(0, 999999)), time_finished: naiveIso(finished, r.int(0, 999999)), epoch: P.epoch ? P.epoch : null, version: st.latest.version, release: st.latest.release };
      m.koschei.push({ name: P.name, collection: coll, state, last_complete_build: lcb });
    }
    addMapping(`koschei-${P.name}.json`, { name: `koschei ${P.name}`, request: { method: 'GET', urlPath: '/koschei/api/v1/packages', queryParameters: { name: { equalTo: P.name } } }, response: jsonResponse(body(`koschei/${P.name}.json`, compact(m.koschei))) });
  }

  // ---- write WireMock tree -----------------------------------------------------------------
  for (const [file, list] of Object.entries(mappings)) {
    put(`mappings/${file}`, pretty({ mappings: list }));
  }
  // everything but what repodata.mjs and upstreams.mjs generate at start time (git-ignored)
  for (const [dir, keep] of [['mappings', [GENERATED.mapping, CORPUS_GENERATED.mapping]], ['__files', [GENERATED.files, CORPUS_GENERATED.files]]]) {
    for (const e of existsSync(join(WIREMOCK, dir)) ? readdirSync(join(WIREMOCK, dir)) : []) if (!keep.includes(e)) rmSync(join(WIREMOCK, dir, e), { recursive: true, force: true });
  }
  for (const rel of [...written.keys()].sort()) {
    const p = join(WIREMOCK, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, written.get(rel));
  }

  // ---- the whole distribution's repository metadata: the demo packages and the rest of the corpus
  writeFileSync(DEMO_REPODATA, demoRepodataJson(demoRepodata(model)));
  const distro = deriveCorpus(corpus);
  const distroWritten = writePackages(distro);

  // ---- bus messages ------------------------------------------------------------------------
  writeFileSync(MESSAGES, messages(model, repoPackages).map((x) => JSON.stringify(x)).join('\n') + '\n');

  const total = [...written.values()].reduce((a, c) => a + Buffer.byteLength(c), 0);
  console.log(`wrote ${written.size} files under deploy/local/wiremock (${(total / 1048576).toFixed(2)} MiB), ${Object.keys(mappings).length} mapping files, ${Object.values(mappings).reduce((a, l) => a + l.length, 0)} stubs`);
  console.log(`wrote deploy/local/distro/demo.json; ${distroWritten ? 'wrote' : 'unchanged:'} deploy/local/distro/packages.jsonl.gz (${distro.length} more sources)`);
}

// ---------------------------------------------------------------------------------------------
// Bus messages (today's fedora-messaging bodies), in the order they would have been published

function messages(model, repoPackages) {
  const out = [];
  const r = rng('messages');
  let t = D('2026-11-19T06:00:00Z');
  const tick = () => { t += r.int(20, 400) * 1000; return t; };
  const headers = (schema, extra = {}) => ({ fedora_messaging_schema: schema, fedora_messaging_severity: 20, priority: 0, 'sent-at': new Date(tick()).toISOString().replace('.000Z', '+00:00'), ...extra });
  const rpmH = (name, user) => ({ [`fedora_messaging_rpm_${name}`]: true, ...(user ? { [`fedora_messaging_user_${user}`]: true } : {}) });
  const mdapiUrl = {
    rawhide: 'fedora/linux/development/rawhide/Everything/x86_64/os/repodata',
    f43: 'fedora/linux/updates/43/Everything/x86_64/repodata', f42: 'fedora/linux/updates/42/Everything/x86_64/repodata', f41: 'fedora/linux/updates/41/Everything/x86_64/repodata',
    epel10: 'epel/10.1/Everything/x86_64/repodata', epel9: 'epel/9/Everything/x86_64/repodata',
  };
  for (const b of BRANCHES) {
    out.push({ topic: 'org.fedoraproject.prod.mdapi.repo.update', headers: headers('base.message'), body: { name: b, packages: [...new Set(repoPackages[b])].sort(), url: `${mdapiUrl[b]}/${sha('sha256', `${SEED}:repo:${b}`)}-primary.sqlite.zst` } });
  }
  for (const m of model) {
    const { P } = m;
    const proj = m.project;
    // Koji: the newest completed build
    const done = m.builds.filter((x) => x.state === 1).sort((a, b) => b.buildId - a.buildId)[0];
    if (done) {
      out.push({
        topic: 'org.fedoraproject.prod.buildsys.build.state.change',
        headers: headers('koji_fedoramessaging.build.BuildStateChangeV1', { fedora_messaging_schema_package: 'koji_fedoramessaging_messages', ...rpmH(P.name, done.owner.login) }),
        body: {
          attribute: 'state', base_url: 'https://koji.fedoraproject.org', build_id: done.buildId,
          completion_time: kojiTime(done.end, done.endMicro).replace(' ', 'T'),
          creation_time: kojiTime(done.start, Math.min(999999, done.micro + 7591)).replace(' ', 'T'),
          epoch: P.epoch ? P.epoch : null, files_base_url: 'https://kojipkgs.fedoraproject.org/work', instance: 'primary', name: P.name, new: 1, old: 0, owner: done.owner.login,
          release: done.release, request: [`git+https://src.fedoraproject.org/rpms/${P.name}.git#${done.commit}`, BR[done.branch].target, {}], task: null, task_id: done.taskId,
          url: `https://koji.fedoraproject.org/koji/buildinfo?buildID=${done.buildId}`, version: done.version,
        },
      });
    }
    // Bodhi: the newest update
    const testingIdx = m.updates.findIndex((x) => x.status === 'testing');
    const ui = testingIdx >= 0 && testingIdx < 50 ? testingIdx : 0;
    const u = m.updates[ui];
    if (u) {
      const upd = m.bodhiPage.updates[ui];
      if (u.status !== 'testing') {
        out.push({
          topic: 'org.fedoraproject.prod.bodhi.update.status.testing.koji-build-group.build.complete',
          headers: headers('bodhi.messages.schemas.update.UpdateReadyForTestingV3', rpmH(P.name, u.build.owner.login)),
          body: {
            're-trigger': false,
            artifact: { release: BR[u.branch].stable.replace(/-updates$/, ''), type: 'koji-build-group', builds: [{ component: P.name, id: u.build.buildId, issuer: u.build.owner.login, nvr: u.build.nvr, scratch: false, task_id: u.build.taskId, type: 'koji-build' }], repository: upd.url, id: `${upd.alias}-${upd.version_hash}` },
            contact: { docs: 'https://docs.fedoraproject.org/en-US/ci/', team: 'Fedora CI', email: 'admin@fp.o', name: 'Bodhi' },
            version: '0.2.2', agent: 'bodhi', generated_at: new Date(tick()).toISOString().replace('Z', '') + '000Z',
            update: { alias: upd.alias, builds: upd.builds.map((x) => ({ nvr: x.nvr })), critpath: upd.critpath, release: { branch: upd.release.branch, dist_tag: upd.release.dist_tag, id_prefix: upd.release.id_prefix, long_name: upd.release.long_name, name: upd.release.name, version: upd.release.version }, title: upd.title },
          },
        });
      } else {
        out.push({
          topic: 'org.fedoraproject.prod.bodhi.update.request.stable',
          headers: headers('bodhi.messages.schemas.update.UpdateRequestStableV1', rpmH(P.name, u.build.owner.login)),
          body: { agent: u.build.owner.login, update: (({ comments, ...rest }) => ({ ...rest, request: 'stable' }))(upd) },
        });
      }
    }
    // Bugzilla: a change on an open bug, or the closing of the last one
    const bug = m.bugs[0];
    const bz = bug || { id: 2300000 + (parseInt(sha1('closed', P.name).slice(0, 6), 16) % 140000), summary: `${P.name}: ${P.upstream ? `${P.name}-${P.upstream.stable} is available` : 'minor packaging issue'}`, status: 'CLOSED', severity: 'unspecified', priority: 'unspecified', assigned_to: m.owner.email, product: 'Fedora', version: ['rawhide'], component: [P.name], creation_time: '2026-09-02T08:11:09Z', last_change_time: isoZ(t), keywords: ['FutureFeature', 'Triaged'] };
    const who = r.pick(m.maintainers);
    const statusIds = { NEW: 1, ASSIGNED: 3, POST: 8, MODIFIED: 9, ON_QA: 10, ON_DEV: 7, VERIFIED: 11, RELEASE_PENDING: 12, CLOSED: 6 };
    out.push({
      topic: 'org.fedoraproject.prod.bugzilla.bug.update',
      headers: headers('bugzilla2fedmsg.messages.bug.BugUpdateV1', rpmH(P.name, who.login)),
      body: {
        bug: {
          alias: [], assigned_to: bz.assigned_to, blocks: [], cc: [], classification: 'Fedora', component: P.name, creation_time: bz.creation_time.replace('Z', ''), creator: / is available$/.test(bz.summary) ? { login: 'upstream-release-monitoring@fedoraproject.org', id: 282165, real_name: 'Upstream Release Monitoring' } : { login: r.pick(people).email, id: 400000 + r.int(0, 99999), real_name: '' },
          depends_on: [], flags: [], id: bz.id, is_open: bz.status !== 'CLOSED', keywords: bz.keywords, last_change_time: isoZ(t).replace('Z', ''), op_sys: 'Unspecified', platform: 'Unspecified', priority: bz.priority,
          product: { id: bz.product === 'Fedora EPEL' ? 585 : 49, name: bz.product }, qa_contact: { login: 'extras-qa@fedoraproject.org', id: 171387, real_name: 'Fedora Extras Quality Assurance' },
          resolution: bz.status === 'CLOSED' ? 'ERRATA' : '', severity: bz.severity, status: { id: statusIds[bz.status], name: bz.status }, summary: bz.summary, url: '', version: { id: 5800, name: bz.version[0] }, whiteboard: '',
        },
        event: {
          action: 'modify', bug_id: bz.id, change_set: `${r.int(10000, 99999)}.${epochSec(t)}.${r.int(10000, 99999)}`, routing_key: 'bug.modify', target: 'bug', time: isoZ(t).replace('Z', ''),
          user: { login: who.email, id: who.id * 3, real_name: who.fullname },
          changes: bz.status === 'CLOSED' ? [{ field: 'bug_status', field_name: 'bug_status', removed: 'ON_QA', added: 'CLOSED' }, { field: 'resolution', field_name: 'resolution', removed: '', added: 'ERRATA' }] : bz.status === 'NEW' ? [{ field: 'cc', field_name: 'cc', removed: '', added: who.email }] : [{ field: 'bug_status', field_name: 'bug_status', removed: 'NEW', added: bz.status }],
        },
        comment: null,
      },
    });
    // dist-git: a push to rawhide
    const head = m.heads.get('rawhide');
    out.push({
      topic: 'org.fedoraproject.prod.pagure.git.receive',
      headers: headers('pagure_messages.git_schema.GitReceiveV1', rpmH(P.name, head.author.login)),
      body: { agent: head.author.login, authors: [{ fullname: head.author.fullname, name: head.author.login, url_path: `user/${head.author.login}` }], branch: 'rawhide', end_commit: head.sha, forced: false, old_commit: sha1('parent', head.sha), repo: proj, start_commit: head.sha, total_commits: 1 },
    });
    // dist-git: an access change
    const newUser = m.committers[0] || m.admins[0] || m.owner;
    out.push({
      topic: 'org.fedoraproject.prod.pagure.project.user.access.updated',
      headers: headers('pagure_messages.project_schema.ProjectUserAccessUpdatedV1', rpmH(P.name, m.owner.login)),
      body: { agent: m.owner.login, new_access: m.committers.includes(newUser) ? 'commit' : 'admin', new_user: newUser.login, project: proj },
    });
    // Anitya: a new upstream version (the unmapped package has no Fedora mapping in the message either)
    if (P.upstream || P.name === 'inkscape') {
      const U = P.upstream || { project: 'inkscape', latest: '1.4.3', stable: '1.4.3' };
      const versions = [U.latest, U.stable, ...(P.v.rawhide ? [P.v.rawhide] : []), ...(P.v.f43 ? [P.v.f43] : []), ...(P.v.f42 ? [P.v.f42] : [])].filter((v, i, a) => a.indexOf(v) === i);
      const stableVersions = versions.filter((v) => !/a\d|b\d|rc/.test(v));
      const project = { backend: P.url.includes('github.com') ? 'GitHub' : 'custom', created_on: 1412174943.0 + (parseInt(sha1('anitya', P.name).slice(0, 5), 16) % 5000000), ecosystem: U.ecosystem || P.url, homepage: P.url, id: 1000 + (parseInt(sha1('anityaid', P.name).slice(0, 5), 16) % 380000), name: U.project, regex: null, stable_versions: stableVersions, updated_on: epochSec(t) + 0.0, version: U.latest, version_url: P.url.includes('github.com') ? P.url.replace('https://github.com/', '') : null, versions };
      out.push({
        topic: 'org.release-monitoring.prod.anitya.project.version.update.v2',
        headers: headers('anitya_schema.project_messages.ProjectVersionUpdatedV2', P.upstream ? rpmH(P.name) : {}),
        body: { distro: null, message: { agent: 'anitya', ecosystem: project.ecosystem, old_version: versions[1] === U.latest ? versions[2] || '' : versions[1], packages: P.upstream ? [{ distro: 'Fedora', package_name: P.name }] : [], project, stable_versions: stableVersions, upstream_versions: [U.latest], versions }, project },
      });
    }
    // Koschei: a state change (tracked packages only)
    if (m.koschei) {
      const k = m.koschei.find((x) => x.state !== 'ok') || m.koschei[0];
      const old = k.state === 'ok' ? 'failing' : 'ok';
      out.push({
        topic: 'org.fedoraproject.prod.koschei.package.state.change',
        headers: headers('koschei_messages.package.PackageStateChange', rpmH(P.name)),
        body: { collection: k.collection, collection_name: k.collection === 'f44' ? 'Fedora Rawhide' : 'Fedora 43', groups: P.group ? [P.group.replace(/-sig$/, '').replace(/-packagers$/, '')] : [], koji_instance: 'primary', name: P.name, new: k.state, old, repo: k.collection },
      });
    }
  }
  return out;
}

main();
