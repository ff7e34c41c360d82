// What the catalog adds to the pages, the way a person meets it: a sub-package's URL lands on its
// source package (FP_SUBPACKAGE, default vim-X11), also from a dependency link; a retired package
// (FP_RETIRED, default pidgin) says so; the home page shows the bootstrap's progress while it runs.

import { BASE, apiGet, assert, budget, check, pkgPath, screenshot } from './harness.mjs';

const SUB = process.env.FP_SUBPACKAGE || 'vim-X11';
const RETIRED = process.env.FP_RETIRED || 'pidgin';

/**
 * Asks the API about a package until `accept` returns something (a just started instance may still
 * be discovering its catalog), for up to 15 s.
 */
async function untilApi(name, accept, what) {
  const until = Date.now() + budget(15_000);
  for (;;) {
    const res = await apiGet(`/api/v1${pkgPath(name)}`);
    const got = await accept(res);
    if (got) return got;
    if (Date.now() > until) throw new Error(`GET /api/v1${pkgPath(name)} answered ${res.status}, not ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The source package the API names for a binary name (its 308). */
const sourceOf = (binary) =>
  untilApi(binary, (res) => res.status === 308 && res.headers.get('X-Binary-Package-Of'), '308 with X-Binary-Package-Of');

const noteText = async (page) => (await page.locator('.subpackage-note').textContent())?.trim();

export async function catalogPages(page) {
  let source = null;
  await check(`API redirects ${SUB} to its source package`, async () => {
    source = await sourceOf(SUB);
    console.log(`      ${SUB} → ${source}`);
  }, { critical: true });

  await check(`opening ${SUB} lands on ${SUB}'s source package with a note`, async () => {
    await page.goto(`${BASE}${pkgPath(SUB)}`, { waitUntil: 'domcontentloaded', timeout: budget(15_000) });
    const note = page.locator('.subpackage-note');
    await note.waitFor({ state: 'visible', timeout: budget(15_000) });
    const text = await noteText(page);
    assert(text === `${SUB} is a sub-package of ${source}.`, `note is "${text}"`);
    const h1 = (await page.locator('h1').textContent())?.trim();
    assert(h1 === source, `<h1> is "${h1}"`);
    // The address bar names the source, so that a reload or a shared link is right.
    await page.waitForURL(`${BASE}${pkgPath(source)}`, { timeout: budget(5000) });
    await screenshot(page, `subpackage-${SUB}`);
  });

  await check('reloading shows the source package without the note', async () => {
    await page.reload({ waitUntil: 'domcontentloaded', timeout: budget(15_000) });
    // The branch chips come with the package's metadata, which would have shown a redirect.
    await page.locator('.pkg-header .branch-chips').waitFor({ timeout: budget(15_000) });
    const h1 = (await page.locator('h1').textContent())?.trim();
    assert(h1 === source, `<h1> is "${h1}"`);
    assert((await page.locator('.subpackage-note').count()) === 0, 'the note is still there');
    assert(page.url() === `${BASE}${pkgPath(source)}`, `URL is ${page.url()}`);
  });

  await check(`a dependency link to a sub-package lands on its source`, async () => {
    await page.getByRole('navigation', { name: 'Package sections' }).getByRole('link', { name: 'Dependencies' }).click();
    const links = page.locator('.tab-panel .dep-list a');
    await links.first().waitFor({ state: 'attached', timeout: budget(25_000) });
    // The first linked dependency that the API knows as a binary package.
    let target = null;
    for (const a of (await links.all()).slice(0, 20)) {
      const name = decodeURIComponent((await a.getAttribute('href')).replace(/^\/packages\//, ''));
      const res = await apiGet(`/api/v1${pkgPath(name)}`);
      if (res.status === 308) {
        target = { a, name, source: res.headers.get('X-Binary-Package-Of') };
        break;
      }
    }
    assert(target, `no dependency of ${source} links to a sub-package`);
    await target.a.click();
    await page.waitForURL(`${BASE}${pkgPath(target.source)}`, { timeout: budget(15_000) });
    await page.locator('.subpackage-note').waitFor({ state: 'visible' });
    const text = await noteText(page);
    assert(text === `${target.name} is a sub-package of ${target.source}.`, `note is "${text}"`);
    console.log(`      ${target.name} → ${target.source}`);
  });

  await check(`retired package ${RETIRED} says so, with the branches it ships in`, async () => {
    const retiredMeta = async (res) => {
      const meta = res.status === 200 ? await res.json() : null;
      return meta?.retired === true ? meta : null;
    };
    const meta = await untilApi(RETIRED, retiredMeta, 'a retired package');
    await page.goto(`${BASE}${pkgPath(RETIRED)}`, { waitUntil: 'domcontentloaded', timeout: budget(15_000) });
    const notice = page.locator('.pkg-header .retired');
    await notice.waitFor({ state: 'visible', timeout: budget(15_000) });
    const text = (await notice.textContent())?.trim();
    const m = /^Retired: no longer in Rawhide\. Last shipped in (\S+)\.$|^Retired: no longer shipped in any branch\.$/.exec(text);
    assert(m, `notice is "${text}"`);
    assert(!m[1] || meta.branches.includes(m[1]), `"${m[1]}" is not one of ${meta.branches}`);
    const chips = await page.locator('.pkg-header .branch-chips li').allTextContents();
    assert([...chips].sort().join() === [...meta.branches].sort().join(), `chips ${chips} ≠ branches ${meta.branches}`);
    console.log(`      ${text} Ships in ${chips.join(' ')}`);
    await screenshot(page, `retired-${RETIRED}`);
  });

  await check('home page shows "Indexing N of M packages…" while the bootstrap runs, then removes it', async () => {
    // The live instance finished its bootstrap long ago: the status is stubbed, first "running",
    // then "done" from the SPA's next poll on.
    let polls = 0;
    await page.route('**/api/v1/status', (route) => {
      polls++;
      const state = polls === 1 ? 'running' : 'done';
      const done = polls === 1 ? 12400 : 34172;
      const bootstrap = { state, done, total: 34172, startedAt: null, finishedAt: null, discoveredAt: null };
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ packages: 34172, bootstrap }) });
    });
    try {
      await page.goto(`${BASE}/`, { waitUntil: 'domcontentloaded', timeout: budget(15_000) });
      const line = page.getByText('Indexing 12,400 of 34,172 packages…', { exact: true });
      await line.waitFor({ state: 'visible', timeout: budget(10_000) });
      await screenshot(page, 'home-indexing');
      // The count comes from the status too.
      await page.getByRole('status').filter({ hasText: /^34,172 packages/ }).waitFor({ timeout: budget(20_000) });
      // The SPA polls every 5 s.
      await line.waitFor({ state: 'hidden', timeout: budget(12_000) });
      assert(polls >= 2, `status asked ${polls} time(s)`);
    } finally {
      await page.unroute('**/api/v1/status');
    }
  });
}
