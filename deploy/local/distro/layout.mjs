// The dnf repositories of the local stand-in, laid out as on dl.fedoraproject.org under WireMock's
// /dl prefix (production https://dl.fedoraproject.org/<path> is http://127.0.0.1:8089/dl/<path>
// locally), and where their inputs and generated files live.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '../../..');
export const WIREMOCK = join(REPO_ROOT, 'deploy/local/wiremock');
/** Committed inputs: the corpus as derive.mjs left it, and the demo packages as generate.mjs wrote them. */
export const PACKAGES_FILE = join(HERE, 'packages.jsonl.gz');
export const DEMO_REPODATA = join(HERE, 'demo.json');
/** Generated at start time by repodata.mjs, git-ignored: bodies under __files/<files>/, one mapping file. */
export const GENERATED = { files: 'dl', mapping: 'dl-generated.json' };
/** Generated at start time by upstreams.mjs, git-ignored: the corpus packages' mdapi and dist-git answers. */
export const CORPUS_GENERATED = { files: 'corpus', mapping: 'corpus-generated.json' };
export const URL_PREFIX = '/dl';

export const NOW = Date.UTC(2026, 10, 20, 12, 0, 0); // the demo world's "now" (generate.mjs): 2026-11-20T12:00:00Z
const T = (s) => Math.floor(Date.parse(s) / 1000);

const fedora = (n, ga) => [
  { id: `f${n}`, branch: `f${n}`, role: 'release', path: `pub/fedora/linux/releases/${n}/Everything/x86_64/os`, dist: `fc${n}`, distro: `Fedora ${n}`, cpe: `cpe:/o:fedoraproject:fedora:${n}`, composed: T(ga) },
  { id: `f${n}-updates`, branch: `f${n}`, role: 'updates', path: `pub/fedora/linux/updates/${n}/Everything/x86_64`, dist: `fc${n}`, distro: `Fedora ${n}`, cpe: `cpe:/o:fedoraproject:fedora:${n}`, composed: T('2026-11-20T04:17:09Z') - n * 60 },
  { id: `f${n}-updates-testing`, branch: `f${n}`, role: 'updates-testing', path: `pub/fedora/linux/updates/testing/${n}/Everything/x86_64`, dist: `fc${n}`, distro: `Fedora ${n}`, cpe: `cpe:/o:fedoraproject:fedora:${n}`, composed: T('2026-11-20T05:03:51Z') - n * 60 },
];
const epel = (n, dist) => [
  { id: `epel${n}`, branch: `epel${n}`, role: 'release', path: `pub/epel/${n}/Everything/x86_64`, dist, distro: `Fedora EPEL ${n}`, cpe: `cpe:/o:fedoraproject:epel:${n}`, composed: T('2026-11-19T23:41:30Z') - n * 60 },
  { id: `epel${n}-testing`, branch: `epel${n}`, role: 'testing', path: `pub/epel/testing/${n}/Everything/x86_64`, dist, distro: `Fedora EPEL ${n}`, cpe: `cpe:/o:fedoraproject:epel:${n}`, composed: T('2026-11-20T00:12:02Z') - n * 60 },
];

/**
 * Every repository, per mdapi branch (rawhide = Fedora 44). `role`: release (as shipped; for rawhide and
 * EPEL the one repository), updates, updates-testing (Fedora), testing (EPEL). `composed`: the
 * compose's time (seconds), the repomd revision. Release dates of this fictional world: f41 2025-11-11,
 * f42 2026-04-21, f43 2026-10-27.
 */
export const REPOS = [
  { id: 'rawhide', branch: 'rawhide', role: 'release', path: 'pub/fedora/linux/development/rawhide/Everything/x86_64/os', dist: 'fc44', distro: 'Fedora Rawhide', cpe: 'cpe:/o:fedoraproject:fedora:44', composed: T('2026-11-20T06:38:44Z') },
  ...fedora(43, '2026-10-21T14:20:11Z'),
  ...fedora(42, '2026-04-15T10:02:37Z'),
  ...fedora(41, '2025-11-05T09:48:52Z'),
  ...epel(10, 'el10_1'),
  ...epel(9, 'el9'),
];
/** Fedora releases and their release dates (for build times before and after them). */
export const FEDORA_RELEASES = { f41: T('2025-11-11T00:00:00Z'), f42: T('2026-04-21T00:00:00Z'), f43: T('2026-10-27T00:00:00Z') };
