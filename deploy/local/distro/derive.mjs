#!/usr/bin/env node
// Derives the whole distribution of the local stand-in from the corpus (Debian 12's package index
// regrouped by source, ../shared/corpus/distro-corpus.jsonl.gz): deploy/local/distro/packages.jsonl.gz,
// committed, so that a fresh clone needs nothing under ../shared. repodata.mjs turns it into dnf
// repository metadata at start time.
//
//   node deploy/local/distro/derive.mjs [--corpus PATH]     (generate.mjs runs it too)
//
// One source package a line, sorted by name:
//   {"n": source name, "e": epoch (only when not 0), "v": version, "r": base release number,
//    "u": url, "l": license, "b": [{"n": binary name, "s": summary, "a": "x86_64"|"noarch",
//    "z": installed size in bytes, "q": [requires], "p": [provides]}]}
//
// Rules (see deploy/local/demo/README.md, "Repository metadata"):
// - Sources that a demo package owns (its name or its corpus source, packages.mjs) are left out: the
//   demo's own metadata (demo.json, from generate.mjs) stands for them. So is any corpus binary named
//   like a demo binary (gcc-defaults' gcc, cpp; ruby-defaults' ruby), and a source left with none.
// - Version: a Debian epoch "N:" becomes the epoch; '-' and any other character rpm does not allow in
//   a version (rpm allows letters, digits and . _ + ~ ^) becomes '.'; '~' and '+' stay. Release: the
//   leading number of Debian's revision ("1+b2" -> 1, "0.1~deb12u2" -> 1, at least 1), to which
//   repodata.mjs adds the dist tag (.fc44, .fc43, .el9, .el10_1).
// - Dependencies: the ':any' qualifier is dropped; Debian-only plumbing (dpkg, debconf, ...; DROP of
//   names.mjs) is left out; a dependency on a Debian binary that a demo package stands for takes the
//   demo's Fedora name (libc6 -> glibc, libcurl4 -> libcurl), as in the mdapi stubs; other names stay
//   Debian's. Provides: the ':any' qualifier is dropped.
// - Arch: Debian's "all" is noarch, anything else (amd64) x86_64.
// - License: Debian's index has none; one is picked per source from its section and name (perl
//   modules get Perl's, rust crates "MIT OR Apache-2.0", fonts OFL-1.1, ...), deterministically.
// Node 20, no dependencies; deterministic (the file is only rewritten when its content changes).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DEMO_BINARIES, DEMO_SOURCES, DROP, fedArch, fedName } from '../demo/names.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../../..');
import { PACKAGES_FILE } from './layout.mjs';

export function corpusPath(argv = process.argv) {
  const i = argv.indexOf('--corpus');
  if (i > 0) return resolve(argv[i + 1]);
  for (const p of [join(REPO, '../shared/corpus/distro-corpus.jsonl.gz'), '/work/shared/corpus/distro-corpus.jsonl.gz']) {
    if (existsSync(p)) return p;
  }
  throw new Error('distro-corpus.jsonl.gz not found; pass --corpus PATH');
}

/** The corpus as a Map source name -> row, in file order. */
export function loadCorpus(path) {
  const sources = new Map();
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const d = JSON.parse(line);
    sources.set(d.name, d);
  }
  return sources;
}

/** Debian version -> rpm epoch and version (the rule above). */
export function rpmVersion(deb) {
  const m = /^(\d+):(.*)$/.exec(deb);
  const version = (m ? m[2] : deb).replace(/[^A-Za-z0-9._+~^]/g, '.') || '0';
  return { epoch: m ? String(parseInt(m[1], 10)) : '0', version };
}

/** Debian revision -> the base release number. */
export function baseRelease(revision) {
  const n = parseInt(revision, 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

const h32 = (...parts) => parseInt(createHash('sha256').update(['fedora-packages-distro-v1', ...parts].join('\u0000')).digest('hex').slice(0, 8), 16);
const pick = (list, ...parts) => list[h32(...parts) % list.length];

const GENERAL = ['GPL-2.0-or-later', 'GPL-2.0-or-later', 'GPL-3.0-or-later', 'GPL-3.0-or-later', 'LGPL-2.1-or-later', 'MIT', 'MIT', 'BSD-3-Clause', 'Apache-2.0', 'GPL-2.0-only', 'MPL-2.0', 'ISC', 'LGPL-3.0-or-later', 'BSD-2-Clause'];
export function licenseOf(src) {
  const n = src.name;
  const s = src.section || '';
  if (s === 'perl' || /^lib.*-perl$/.test(n)) return 'GPL-1.0-or-later OR Artistic-1.0-Perl';
  if (s === 'rust' || n.startsWith('rust-')) return pick(['MIT OR Apache-2.0', 'MIT OR Apache-2.0', 'MIT', 'Apache-2.0 OR MIT OR Zlib'], n);
  if (s === 'golang' || n.startsWith('golang-')) return pick(['BSD-3-Clause', 'MIT', 'Apache-2.0', 'MPL-2.0'], n);
  if (s === 'haskell' || n.startsWith('haskell-')) return pick(['BSD-3-Clause', 'BSD-3-Clause', 'MIT', 'GPL-2.0-or-later'], n);
  if (s === 'gnu-r' || n.startsWith('r-')) return pick(['GPL-2.0-or-later', 'GPL-2.0-only OR GPL-3.0-only', 'GPL-3.0-only', 'MIT'], n);
  if (s === 'javascript' || n.startsWith('node-')) return pick(['MIT', 'MIT', 'ISC', 'BSD-2-Clause', 'Apache-2.0'], n);
  if (s === 'ruby' || n.startsWith('ruby-')) return pick(['MIT', 'MIT', 'Ruby OR BSD-2-Clause', 'Apache-2.0'], n);
  if (s === 'python' || n.startsWith('python-')) return pick(['MIT', 'BSD-3-Clause', 'Apache-2.0', 'PSF-2.0', 'LGPL-2.1-or-later', 'GPL-3.0-or-later'], n);
  if (s === 'java' || s === 'ocaml' || s === 'php') return pick(['Apache-2.0', 'LGPL-2.1-or-later', 'BSD-3-Clause', 'MIT', 'EPL-2.0'], n);
  if (s === 'fonts' || n.startsWith('fonts-')) return pick(['OFL-1.1', 'OFL-1.1', 'GPL-2.0-or-later WITH Font-exception-2.0', 'Apache-2.0'], n);
  if (s === 'tex' || n.startsWith('texlive')) return 'LPPL-1.3c';
  if (s === 'doc') return pick(['GFDL-1.3-or-later', 'CC-BY-SA-4.0', 'GPL-2.0-or-later'], n);
  return pick(GENERAL, n);
}

function depName(dep) {
  const bare = dep.replace(/:any$/, '');
  if (DROP.has(dep) || DROP.has(bare)) return null;
  const fed = fedName(bare);
  return DEMO_BINARIES.has(fed) ? fed : bare;
}
function names(list, fn, self) {
  const out = [];
  const seen = new Set([self]);
  for (const d of list || []) {
    const n = fn(d);
    if (n && !seen.has(n)) { seen.add(n); out.push(n); }
  }
  return out;
}

/** The corpus without what the demo packages stand for, in the compact form above, sorted by name. */
export function deriveCorpus(corpus) {
  const rows = [];
  for (const src of [...corpus.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (DEMO_SOURCES.has(src.name)) continue;
    const bins = src.subpackages.filter((b) => !DEMO_BINARIES.has(b.name));
    if (!bins.length) continue;
    const { epoch, version } = rpmVersion(src.version);
    const row = { n: src.name };
    if (epoch !== '0') row.e = epoch;
    Object.assign(row, { v: version, r: baseRelease(src.release), u: src.url || '', l: licenseOf(src) });
    row.b = bins.map((b) => ({
      n: b.name, s: b.summary || src.summary || b.name, a: fedArch(b.arch), z: b.size || 0,
      q: names(b.requires, depName, b.name),
      p: names(b.provides, (p) => p.replace(/:any$/, ''), b.name),
    }));
    rows.push(row);
  }
  return rows;
}

/** Writes the rows gzip-compressed unless the file already holds that content; returns whether it wrote. */
export function writePackages(rows, path = PACKAGES_FILE) {
  const text = rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  if (existsSync(path)) {
    try {
      if (gunzipSync(readFileSync(path)).toString('utf8') === text) return false;
    } catch { /* unreadable: rewrite */ }
  }
  writeFileSync(path, gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = deriveCorpus(loadCorpus(corpusPath()));
  const wrote = writePackages(rows);
  const bins = rows.reduce((a, r) => a + r.b.length, 0);
  console.log(`${wrote ? 'wrote' : 'unchanged:'} ${PACKAGES_FILE.slice(REPO.length + 1)}: ${rows.length} sources, ${bins} binaries (${(readFileSync(PACKAGES_FILE).length / 1048576).toFixed(2)} MiB)`);
}
