// A person opens the home page, goes to one package (FP_PACKAGE, default curl) and looks at a few
// tabs. FP_EXPECT_SUMMARY (optional): the summary the header must show; when unset it is read
// from the API's overview document.

import { BASE, assert, budget, check, pkgPath, screenshot } from './harness.mjs';

const PKG = process.env.FP_PACKAGE || 'curl';
const path = pkgPath(PKG);

/** The summary the header should show, from the API unless given (202 → wait as told, bounded). */
async function expectedSummary() {
  if (process.env.FP_EXPECT_SUMMARY) return process.env.FP_EXPECT_SUMMARY;
  const url = `${BASE}/api/v1${path}/overview`;
  const until = Date.now() + budget(20_000);
  for (;;) {
    const res = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(5000) });
    if (res.status === 200) {
      const env = await res.json();
      if (!env?.data?.summary) throw new Error(`overview of ${PKG} has no summary (status ${env?.status})`);
      return env.data.summary;
    }
    if (res.status !== 202 || Date.now() > until) throw new Error(`GET ${url} answered ${res.status}`);
    const wait = Math.min(5, Math.max(1, Number(res.headers.get('Retry-After')) || 1));
    await new Promise((r) => setTimeout(r, wait * 1000));
  }
}

export async function packagePage(page) {
  console.log(`package page: ${PKG}`);
  let summary = null;
  await check('expected summary known', async () => {
    summary = await expectedSummary();
  });

  await check('home page lists the package', async () => {
    await page.goto(`${BASE}/`, { waitUntil: 'domcontentloaded', timeout: budget(15_000) });
    const title = (await page.locator('h1').first().textContent())?.trim();
    assert(title === 'Fedora Packages', `home <h1> is "${title}"`);
    await page.locator(`a[href="${path}"]`).first().waitFor({ state: 'visible' });
  }, { critical: true });

  await check('link opens the package page with the name as <h1>', async () => {
    await page.locator(`a[href="${path}"]`).first().click();
    await page.waitForURL(`${BASE}${path}`);
    const h1 = page.locator('h1');
    await h1.waitFor();
    const text = (await h1.textContent())?.trim();
    assert(text === PKG, `<h1> is "${text}", expected "${PKG}"`);
  }, { critical: true });

  await check('summary is visible', async () => {
    assert(summary, 'no expected summary');
    await page.getByText(summary, { exact: true }).first().waitFor({ state: 'visible', timeout: budget(25_000) });
  });

  await check('"refreshed … ago" is visible', async () => {
    await page.getByText(/refreshed \d+ (s|min|h|d) ago/).first().waitFor({ state: 'visible', timeout: budget(20_000) });
  });

  const tabs = page.getByRole('navigation', { name: 'Package sections' });

  await check('Builds tab renders rows', async () => {
    await tabs.getByRole('link', { name: 'Builds' }).click();
    await page.waitForURL(`${BASE}${path}/builds`);
    await page.locator('.tab-panel tbody tr').first().waitFor({ state: 'visible', timeout: budget(25_000) });
    const n = await page.locator('.tab-panel tbody tr').count();
    assert(n > 0, 'no build rows');
    console.log(`      ${n} build rows`);
  });

  await check('Files tab renders entries', async () => {
    await tabs.getByRole('link', { name: 'Files' }).click();
    await page.waitForURL(`${BASE}${path}/files`);
    // 202 "Fetching…" then the tree: allow the SPA's own retries.
    await page.locator('.tab-panel .file-tree li').first().waitFor({ state: 'attached', timeout: budget(25_000) });
    const n = await page.locator('.tab-panel .file-tree li.file').count();
    assert(n > 0, 'no file entries');
    console.log(`      ${n} file entries`);
    await screenshot(page, `package-page-${PKG}-files`);
  });

  await check('back button returns to the Builds tab', async () => {
    await page.goBack();
    await page.waitForURL(`${BASE}${path}/builds`);
    const current = await tabs.locator('a[aria-current="page"]').textContent();
    assert(current?.includes('Builds'), `active tab is "${current}"`);
  });
}
