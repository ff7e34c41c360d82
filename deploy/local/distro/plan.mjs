// Which source package of the corpus is in which repository, with which version and release:
// deterministic (each source's choices come from a hash of its name), with the deliberate cases below
// named. The 30 demo packages are not planned here: demo.json says which builds each repository has.
import { createHash } from 'node:crypto';
import { FEDORA_RELEASES, NOW, REPOS } from './layout.mjs';
import { olderVersion } from './rpmver.mjs';

const SEED = 'fedora-packages-repodata-v1';
const DAY = 86400;

/** The deliberate cases (listed in deploy/local/demo/README.md). Keys are source names of the corpus. */
export const DELIBERATE = {
  /** retired: in these Fedora releases only, not in rawhide */
  retired: { cvs: ['f41', 'f42'], pidgin: ['f41', 'f42'], hexchat: ['f41', 'f42', 'f43'], elinks: ['f41', 'f42', 'f43'], nagios4: ['f41', 'f42', 'f43'] },
  /** new: in rawhide only */
  newInRawhide: ['fzf', 'nnn', 'zabbix'],
  /** added to fN after its release: in fN's updates (not its release repo), later releases and rawhide */
  addedAfterRelease: { cowsay: 'f41', sl: 'f42', figlet: 'f43', lolcat: 'f43' },
  /** EPEL-only: in these EPEL branches, in no Fedora branch */
  epelOnly: { monit: ['epel9', 'epel10'], munin: ['epel9'], cacti: ['epel10'] },
};
const SPECIAL = new Set([...Object.keys(DELIBERATE.retired), ...DELIBERATE.newInRawhide, ...Object.keys(DELIBERATE.addedAfterRelease), ...Object.keys(DELIBERATE.epelOnly)]);

/** Shares of the ordinary packages. */
export const SHARES = {
  updates: 0.15, // of a Fedora release's packages: a newer build in its updates repository
  updatesTesting: 0.03, // of the others: a newer build only in updates-testing
  older: { f41: 0.3, f42: 0.2, f43: 0.1 }, // shipped with an older version (the last number lowered)
  epel9: [0, 0.2], // EPEL membership: a hash in this range
  epel10: [0.04, 0.21],
  epelTesting: 0.03,
};

function draws(name) {
  const h = createHash('sha256').update(`${SEED}\u0000${name}`).digest();
  return Array.from({ length: 8 }, (_, i) => h.readUInt32BE(i * 4) / 4294967296);
}
const between = (u, t0, t1) => t0 + Math.floor(u * (t1 - t0));

/** Throws unless every deliberate case names a source of `rows`. */
export function checkDeliberate(rows) {
  const have = new Set(rows.map((r) => r.n));
  const missing = [...SPECIAL].filter((n) => !have.has(n));
  if (missing.length) throw new Error(`deliberate cases not in the corpus: ${missing.join(', ')}`);
}

/**
 * The builds of one corpus source: [{repo, version, release, buildtime}], release with its dist tag.
 * rawhide: base release + 1 (the mass rebuild), fN: base release (or the version before, see SHARES.older),
 * fN-updates / -updates-testing: base release + 1 (or release 1 of the newer version), epelN: base release.
 */
export function planSource(row) {
  const name = row.n;
  const u = draws(name);
  const n = row.r;
  const V = row.v;
  const out = [];
  const add = (repo, version, rel, buildtime) => out.push({ repo, version, release: `${rel}.${REPO_BY_ID[repo].dist}`, buildtime });
  const retired = DELIBERATE.retired[name];
  const added = DELIBERATE.addedAfterRelease[name];
  const epelOnly = DELIBERATE.epelOnly[name];
  const inFedora = (b) => {
    if (epelOnly) return false;
    if (retired) return retired.includes(b);
    if (DELIBERATE.newInRawhide.includes(name)) return b === 'rawhide';
    if (added && b !== 'rawhide') return b >= added; // 'f41' < 'f42' < 'f43'
    return true;
  };
  if (inFedora('rawhide')) add('rawhide', V, n + 1, between(u[6], Date.UTC(2026, 6, 23) / 1000, Date.UTC(2026, 6, 26) / 1000));
  for (const [k, b] of ['f43', 'f42', 'f41'].entries()) {
    if (!inFedora(b)) continue;
    const ga = FEDORA_RELEASES[b];
    const older = u[0] < SHARES.older[b] && !SPECIAL.has(name) ? olderVersion(V, 1) : V;
    const next = older === V ? [V, n + 1] : [V, 1];
    const after = (x) => between(x, ga + DAY, NOW / 1000 - 2 * DAY);
    if (added === b) { add(`${b}-updates`, V, n, after(u[7])); continue; }
    add(b, older, n, between(u[6], ga - 300 * DAY, ga - 7 * DAY));
    if (SPECIAL.has(name)) continue;
    const x = u[1 + k];
    if (x < SHARES.updates) add(`${b}-updates`, ...next, after(x / SHARES.updates));
    else if (x < SHARES.updates + SHARES.updatesTesting) add(`${b}-updates-testing`, ...next, between((x - SHARES.updates) / SHARES.updatesTesting, NOW / 1000 - 10 * DAY, NOW / 1000 - DAY));
  }
  for (const b of ['epel10', 'epel9']) {
    const [lo, hi] = SHARES[b];
    if (epelOnly ? !epelOnly.includes(b) : SPECIAL.has(name) || !(u[4] >= lo && u[4] < hi)) continue;
    add(b, V, n, between(u[6], Date.UTC(2025, 2, 1) / 1000, NOW / 1000 - 14 * DAY));
    if (u[5] < SHARES.epelTesting) add(`${b}-testing`, V, n + 1, between(u[5] / SHARES.epelTesting, NOW / 1000 - 10 * DAY, NOW / 1000 - DAY));
  }
  return out;
}

export const REPO_BY_ID = Object.fromEntries(REPOS.map((r) => [r.id, r]));
