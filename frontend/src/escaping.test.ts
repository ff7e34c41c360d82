// Text from the API must never become markup or a script URL.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';
import { tabFor } from './tabs';
import { renderEnvelope } from './tabs/common';
import { pointDepLinks } from './tabs/dep-links';
import { clone, curlEnvelopes, curlMeta } from './test-fixtures';
import { binaryOf, json, mockFetch } from './test-fixtures/mock-fetch';
import type { ConnectorName } from './types';

const EVIL = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>&amp;';
const EVIL_URL = 'javascript:window.__pwned=1';

afterEach(() => vi.unstubAllGlobals());

function noMarkup(el: Element) {
  expect(el.querySelector('img, script, iframe, [onerror]')).toBeNull();
  for (const a of el.querySelectorAll('a')) expect(a.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
  expect((window as any).__pwned).toBeUndefined();
}

describe('escaping', () => {
  it('overview: hostile summary, description, license and URL stay text', () => {
    const env = clone(curlEnvelopes.overview);
    Object.assign(env.data, { description: EVIL, license: EVIL, url: EVIL_URL });
    env.data.subpackages[0].summary = EVIL;
    env.source = EVIL_URL;
    const el = document.createElement('div');
    el.append(renderEnvelope(tabFor('overview'), env, null, { pkg: 'curl' }));
    noMarkup(el);
    expect(el.querySelector('.description p')!.textContent).toBe(EVIL);
    expect(el.textContent).toContain(EVIL_URL); // shown, not linked
  });

  it('every tab keeps hostile strings as text', () => {
    const tabs: [ConnectorName, (d: any) => void][] = [
      ['versions', (d) => { d.releases[0].longName = EVIL; d.releases[0].stable.buildUrl = EVIL_URL; }],
      ['builds', (d) => { d.builds[0].nvr = EVIL; d.builds[0].owner = EVIL; d.builds[0].buildUrl = EVIL_URL; }],
      ['updates', (d) => { d.updates[0].alias = EVIL; d.updates[0].title = EVIL; d.updates[0].url = EVIL_URL; }],
      ['bugs', (d) => { d.bugs[0].summary = EVIL; d.byStatus[EVIL] = 1; d.bugs[0].url = EVIL_URL; }],
      ['dependencies', (d) => { d.subpackages[0].requires[0].name = EVIL; d.requiredBy = [EVIL]; }],
      // No "/" here: in a path it would (rightly) split the name into directories.
      ['files', (d) => { d.subpackages[0].files = ['/usr/bin/<img src=x onerror="window.__pwned=1">']; }],
      ['changelog', (d) => { d.entries[0].text = EVIL; d.entries[0].author = EVIL; }],
      ['sources', (d) => { d.spec = EVIL; d.patches = [EVIL]; d.lastCommits[0].message = EVIL; d.url = EVIL_URL; }],
      ['maintainers', (d) => { d.pointOfContact = EVIL; d.url = EVIL_URL; }],
      ['upstream', (d) => { d.project = EVIL; d.projectUrl = EVIL_URL; }],
      ['ci', (d) => { d.collections[0].collection = EVIL; d.collections[0].taskUrl = EVIL_URL; }],
    ];
    for (const [tab, spoil] of tabs) {
      const env = clone(curlEnvelopes[tab]);
      spoil(env.data);
      const el = document.createElement('div');
      el.append(renderEnvelope(tabFor(tab), env, null, { pkg: 'curl' }));
      noMarkup(el);
      expect(el.textContent, tab).toContain(tab === 'files' ? '<img src=x onerror="window.__pwned=1">' : EVIL);
    }
  });

  it('reverse-dependency links encode hostile names into the path', () => {
    const env = clone(curlEnvelopes.dependencies);
    env.data.requiredBy = ['../../api/x?y=<b>'];
    const el = document.createElement('div');
    el.append(renderEnvelope(tabFor('dependencies'), env, null, { pkg: 'curl' }));
    const a = [...el.querySelectorAll('a')].find((x) => x.textContent === '../../api/x?y=<b>')!;
    expect(a.getAttribute('href')).toBe('/packages/..%2F..%2Fapi%2Fx%3Fy%3D%3Cb%3E');
  });

  it('a hostile package from /api/v1/resolve is encoded into the path and kept out of markup', async () => {
    const env = clone(curlEnvelopes.dependencies);
    const el = document.createElement('div');
    el.append(renderEnvelope(tabFor('dependencies'), env, null, { pkg: 'curl' }));
    const items = [{ name: 'libc.so.6()(64bit)', binary: EVIL, package: `../../api/${EVIL}` }, { name: 'cmake', binary: 'x', package: EVIL_URL }];
    await pointDepLinks(el, undefined, async () => ({ kind: 'ok', value: { items } }));
    noMarkup(el);
    const a = el.querySelector<HTMLAnchorElement>('a[data-dep="libc.so.6()(64bit)"]')!;
    expect(a.getAttribute('href')).toBe(`/packages/..%2F..%2Fapi%2F${encodeURIComponent(EVIL)}`);
    expect(a.title).toBe(`in ../../api/${EVIL}`);
    expect(el.querySelector('a[data-dep="cmake"]')!.getAttribute('href')).toBe('/packages/javascript%3Awindow.__pwned%3D1');
  });

  it('the error message from metadata stays text', () => {
    const env = clone(curlEnvelopes.builds);
    const meta = clone(curlMeta.connectors.builds)!;
    meta.error!.message = EVIL;
    meta.error!.kind = EVIL;
    const el = document.createElement('div');
    el.append(renderEnvelope(tabFor('builds'), env, meta, { pkg: 'curl' }));
    noMarkup(el);
    expect(el.querySelector('.warning')!.textContent).toContain(EVIL);
  });

  it('search hits, their highlights, the package header and the not-found page keep hostile strings as text', async () => {
    // A highlight is HTML-escaped text with <mark> tags: only the marks may become elements.
    const hostileHighlight = '&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt; <mark>curl</mark> <script>window.__pwned=1</script>';
    const ov = clone(curlEnvelopes.overview);
    ov.data.summary = EVIL;
    mockFetch({
      '/api/v1/search': json({
        total: 1, totalExact: true, offset: 0, limit: 20,
        items: [{ name: EVIL, summary: EVIL, version: EVIL, matched: { field: 'provides', value: EVIL }, highlight: { summary: hostileHighlight, description: EVIL } }],
      }),
      '/api/v1/packages/curl': json(curlMeta),
      '/api/v1/packages/curl/overview': json(ov),
    });
    const main = document.createElement('main');
    document.body.replaceChildren(main);
    await new App(main).show({ page: 'search', query: { q: EVIL, branch: EVIL, maintainer: '', offset: 0 } });
    noMarkup(main);
    expect(main.querySelector('h1')!.textContent).toBe(`Search: ${EVIL}`);
    expect(main.querySelector('.hit-name a')!.textContent).toBe(EVIL);
    expect(main.querySelector<HTMLInputElement>('#filter-branch')!.value).toBe(EVIL);
    const summary = main.querySelector('.hit .pkg-summary')!;
    expect(summary.textContent).toBe('<img src=x onerror="window.__pwned=1"> curl <script>window.__pwned=1</script>');
    expect([...summary.querySelectorAll('*')].map((e) => e.tagName)).toEqual(['MARK']);
    expect(main.querySelector('.hit-reason')!.textContent).toBe(`provides ${EVIL}`);
    await new App(main).show({ page: 'package', name: 'curl', tab: 'overview' });
    noMarkup(main);
    expect(main.querySelector('.summary')!.textContent).toBe(EVIL);
    // A hostile name from the URL is text in the heading too.
    mockFetch({});
    await new App(main).show({ page: 'package', name: EVIL, tab: 'overview' });
    await vi.waitFor(() => expect(main.querySelector('h1')!.textContent).toBe(`No package named ${EVIL}`));
    noMarkup(main);
  });

  it('typeahead suggestions keep hostile names as text', async () => {
    const { SearchBox } = await import('./search/search-box');
    const box = new SearchBox({
      navigate: () => {},
      debounceMs: 0,
      suggestFn: async () => ({ kind: 'ok', value: { query: 'x', items: [{ name: EVIL, packageName: EVIL }, { name: `${EVIL}-libs`, packageName: EVIL }] } }),
    });
    document.body.replaceChildren(box.form);
    box.input.value = EVIL;
    box.input.dispatchEvent(new Event('input'));
    await vi.waitFor(() => expect(box.form.querySelectorAll('[role=option] .suggestion-name')).toHaveLength(2));
    noMarkup(box.form);
    expect(box.form.querySelector('[role=option] .suggestion-name')!.textContent).toBe(EVIL);
    // The typed text is in the last option, "All results for …", as text too.
    expect(box.form.querySelector('.suggestion-all')!.textContent).toBe(`All results for “${EVIL}”`);
  });

  it('changelog links only http(s) URLs and Bugzilla numbers, the rest stays text', () => {
    const env = clone(curlEnvelopes.changelog);
    env.data.entries[0].text = `- fix rhbz#2400001 ${EVIL} see javascript:alert(1) and https://curl.se/"onmouseover="x`;
    const el = document.createElement('div');
    el.append(renderEnvelope(tabFor('changelog'), env, null, { pkg: 'curl' }));
    noMarkup(el);
    const hrefs = [...el.querySelectorAll('pre a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://bugzilla.redhat.com/show_bug.cgi?id=2400001', 'https://curl.se/']);
    expect(el.querySelector('pre')!.textContent).toContain(EVIL);
  });

  it('branch names, the retired notice and the sub-package note keep hostile names as text', async () => {
    const evil = encodeURIComponent(EVIL);
    const meta = { ...clone(curlMeta), name: EVIL, branches: [EVIL, 'f42'], retired: true };
    mockFetch({
      [`/api/v1/packages/${evil}x`]: binaryOf(EVIL, `/api/v1/packages/${evil}`),
      [`/api/v1/packages/${evil}x/overview`]: binaryOf(EVIL, `/api/v1/packages/${evil}/overview`),
      [`/api/v1/packages/${evil}`]: json(meta),
      [`/api/v1/packages/${evil}/overview`]: json(clone(curlEnvelopes.overview)),
    });
    const main = document.createElement('main');
    document.body.replaceChildren(main);
    await new App(main).show({ page: 'package', name: `${EVIL}x`, tab: 'overview' });
    noMarkup(main);
    expect(main.querySelector('h1')!.textContent).toBe(EVIL);
    expect(main.querySelector('.subpackage-note')!.textContent).toBe(`${EVIL}x is a sub-package of ${EVIL}.`);
    expect(main.querySelector('.retired')!.textContent).toBe('Retired: no longer in Rawhide. Last shipped in f42.');
    expect([...main.querySelectorAll('.branch-chips li')].map((li) => li.textContent)).toContain(EVIL);
  });
});
