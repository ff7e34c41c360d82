#!/usr/bin/env node
// Checks the corpus packages' mdapi and dist-git answers a running local WireMock serves
// (upstreams.mjs' files through the "corpus-file" extension): for a few corpus sources, chosen among
// the deliberate cases and by their names, srcpkg / pkg / files / changelog / whatrequires (and mdapi's
// own /requires/ spelling) on the branch the worker finds them on, srcpkg on their other branches, the
// Pagure project and git/branches; unknown names and branches where a package does not ship are 404;
// a '+'-named binary answers both as '+' and '%2B'; the demo packages' answers are still the committed
// files. One PASS/FAIL line a check (run by deploy/local/demo/smoke.sh). Node 20, no dependencies.
//
//   node deploy/local/distro/check-upstreams.mjs [BASE_URL]        # default http://127.0.0.1:8089
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PACKAGES_FILE, WIREMOCK } from './layout.mjs';

const BASE = (process.argv[2] || 'http://127.0.0.1:8089').replace(/\/$/, '');
let pass = 0;
let fail = 0;
function t(name, ok, info = '') {
  if (ok) pass++; else fail++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name.padEnd(70)} ${info}`);
}
async function get(path) {
  const r = await fetch(BASE + path);
  const text = await r.text();
  let body = null;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, text, body };
}

async function main() {
  const rows = new Map(gunzipSync(readFileSync(PACKAGES_FILE)).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r) => [r.n, r]));
  // [source, branch the worker finds it on, other branches it ships in, branches it does not]
  const cases = [['acsccid', 'rawhide', [], []], ['cvs', 'f42', ['f41'], ['rawhide', 'f43']], ['zabbix', 'rawhide', [], ['f43', 'f41']], ['monit', 'epel10', ['epel9'], ['rawhide']], ['pidgin', 'f42', ['f41'], ['rawhide']]];
  for (const [src, b, others, absent] of cases) {
    const row = rows.get(src);
    const s = await get(`/mdapi/${b}/srcpkg/${encodeURIComponent(src)}`);
    t(`mdapi ${b} srcpkg ${src}`, s.status === 200 && s.body?.basename === src && s.body['co-packages'].length === row.b.length, `${s.status} ${s.body?.version}-${s.body?.release} ${s.body?.repo}`);
    for (const o of others) {
      const x = await get(`/mdapi/${o}/srcpkg/${src}`);
      t(`mdapi ${o} srcpkg ${src}`, x.status === 200 && x.body?.basename === src && x.body.release.includes(o === 'f41' ? 'fc41' : o === 'epel9' ? 'el9' : o), `${x.status} ${x.body?.release}`);
    }
    for (const o of absent) {
      const x = await get(`/mdapi/${o}/srcpkg/${src}`);
      t(`mdapi ${o} srcpkg ${src}: not there (404)`, x.status === 404 && x.text === '404: Not Found\n', String(x.status));
    }
    const bin = row.b[0];
    const p = await get(`/mdapi/${b}/pkg/${encodeURIComponent(bin.n)}`);
    t(`mdapi ${b} pkg ${bin.n}`, p.status === 200 && p.body?.basename === src && p.body.provides[0]?.name === bin.n && p.body.requires.every((r) => 'flags' in r), `${p.status} ${p.body?.requires?.length} requires`);
    const f = await get(`/mdapi/${b}/files/${encodeURIComponent(bin.n)}`);
    t(`mdapi ${b} files ${bin.n}`, f.status === 200 && f.body?.files?.some((x) => x.dirname === `/usr/share/doc/${bin.n}` && x.filenames === 'README') && f.body.repo === p.body?.repo, `${f.status} ${f.body?.files?.length} dirs`);
    const c = await get(`/mdapi/${b}/changelog/${encodeURIComponent(bin.n)}`);
    t(`mdapi ${b} changelog ${bin.n}`, c.status === 200 && c.body?.changelogs?.length >= 2 && c.body.changelogs.every((e) => e.author && e.changelog && e.date), `${c.status} ${c.body?.changelogs?.length} entries`);
    const pr = await get(`/pagure/api/0/rpms/${src}`);
    t(`pagure project ${src}`, pr.status === 200 && pr.body?.name === src && pr.body.access_users.owner.length === 1, `${pr.status} owner ${pr.body?.access_users?.owner}`);
    const br = await get(`/pagure/api/0/rpms/${src}/git/branches?with_commits=true`);
    const names = Object.keys(br.body?.branches || {});
    t(`pagure git/branches ${src}`, br.status === 200 && names.includes(b) && names.includes('rawhide') && absent.every((a) => a === 'rawhide' || !names.includes(a)), `${br.status} ${names.join(',')}`);
  }
  // reverse lookups: libusb-1.0-0 is required by many corpus packages; a binary nobody requires answers []
  for (const route of ['whatrequires', 'requires']) {
    const r = await get(`/mdapi/rawhide/${route}/libusb-1.0-0`);
    t(`mdapi rawhide ${route} libusb-1.0-0`, r.status === 200 && r.body?.length > 10 && r.body.some((x) => x.name === 'libacsccid1' && x.basename === 'acsccid'), `${r.status} ${r.body?.length} packages`);
  }
  for (const route of ['whatrecommends', 'recommends', 'whatrequires']) {
    const r = await get(`/mdapi/rawhide/${route}/libacsccid1`);
    t(`mdapi rawhide ${route} libacsccid1: []`, r.status === 200 && Array.isArray(r.body) && !r.body.length, `${r.status} ${r.text.trim()}`);
  }
  // '+' in a name: as sent and percent-encoded
  const plus = [...rows.values()].find((r) => r.n.includes('+') && r.b.some((x) => x.n.includes('+')));
  const pb = plus.b.find((x) => x.n.includes('+')).n;
  for (const form of [pb, pb.replace(/\+/g, '%2B'), pb.replace(/\+/g, '%2b')]) {
    const r = await get(`/mdapi/rawhide/pkg/${form}`);
    t(`mdapi rawhide pkg ${form}`, r.status === 200 && r.body?.provides?.[0]?.name === pb, String(r.status));
  }
  const ps = await get(`/mdapi/rawhide/srcpkg/${plus.n.replace(/\+/g, '%2B')}`);
  t(`mdapi rawhide srcpkg ${plus.n} (%2B)`, ps.status === 200 && ps.body?.basename === plus.n, String(ps.status));
  // unknown names and paths
  for (const path of ['/mdapi/rawhide/pkg/no-such-package-xyz', '/mdapi/rawhide/srcpkg/no-such-package-xyz', '/mdapi/rawhide/files/no-such-package-xyz', '/mdapi/rawhide/whatrequires/no-such-package-xyz', '/mdapi/f40/pkg/acsccid', '/mdapi/rawhide/pkg/..%2Fsrcpkg%2Facsccid']) {
    const r = await get(path);
    t(`mdapi ${path.slice(7)}: 404`, r.status === 404 && r.text === '404: Not Found\n', String(r.status));
  }
  const up = await get('/pagure/api/0/rpms/no-such-package-xyz');
  t('pagure unknown project: 404 ENOPROJECT', up.status === 404 && up.body?.error_code === 'ENOPROJECT', String(up.status));
  // the demo packages' answers are still their committed files
  for (const [path, file] of [['/mdapi/rawhide/pkg/jq', 'mdapi/rawhide/pkg/jq.json'], ['/mdapi/rawhide/srcpkg/curl', 'mdapi/rawhide/srcpkg/curl.json'], ['/mdapi/rawhide/whatrequires/glibc', 'mdapi/rawhide/whatrequires/glibc.json'], ['/pagure/api/0/rpms/jq', 'pagure/project/jq.json']]) {
    const r = await get(path);
    t(`demo ${path}: the committed file`, r.status === 200 && r.text === readFileSync(join(WIREMOCK, '__files', file), 'utf8'), String(r.status));
  }
  const btop = await get('/mdapi/rawhide/srcpkg/btop');
  t('demo btop (never built): mdapi 404', btop.status === 404, String(btop.status));
  console.log(`corpus mdapi/dist-git answers: ${pass} passed, ${fail} failed`);
  process.exit(fail ? 1 : 0);
}

main().catch((e) => {
  console.log(`FAIL corpus mdapi/dist-git check: ${e.stack || e}`);
  process.exit(1);
});
