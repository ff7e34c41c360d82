// A person's way through the site: the home page, search with typeahead, the results page (and
// Back to it), the package page and every one of its tabs, each checked with axe-core.
import { type Page, expect, test } from '@playwright/test';
import os from 'node:os';
import { BRANCH_PKG, PKG, expectAccessible, expectNoSidewaysScroll, pkgPath, shot } from './helpers';

const TABS = ['Overview', 'Versions', 'Builds', 'Updates', 'Bugs', 'Dependencies', 'Files', 'Changelog', 'Sources', 'Maintainers', 'Upstream', 'CI'];
/** The goal for first data on screen after a navigation, against the local stack: printed beside the figure. */
const GOAL_MS = 300;
/**
 * What fails the test: by default a ceiling far above the goal, which catches a page that waits for
 * something it should not (a slow document, a retry) but not a busy CI machine (load 20 on 2 CPUs
 * doubles every figure); FP_FIRST_DATA_MS=300 holds the goal itself on a quiet one.
 */
const FIRST_DATA_MS = Number(process.env.FP_FIRST_DATA_MS || 1500);
/** Search results come from the search engine (an uncached query takes 50–150 ms locally), not from Redis. */
const SEARCH_DATA_MS = Number(process.env.FP_SEARCH_DATA_MS || process.env.FP_FIRST_DATA_MS || 2000);
/** The figures mean little without it. */
const machineLoad = () => `load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`;
const verdict = (ms: number) => (ms <= GOAL_MS ? `within the ${GOAL_MS} ms goal` : `OVER the ${GOAL_MS} ms goal`);

/** Records (performance.now()) when the first data of a page is on screen. */
const FIRST_DATA_PROBE = () => {
  const w = window as unknown as { __fp: Record<string, number> };
  w.__fp = {};
  const seen = () => {
    const summary = document.querySelector('.summary');
    if (!w.__fp.summary && summary?.textContent && summary.textContent !== 'Loading…') w.__fp.summary = performance.now();
    const panel = document.querySelector('.tab-panel[aria-busy="false"]');
    if (!w.__fp.panel && panel && panel.children.length && !panel.querySelector('.loading')) w.__fp.panel = performance.now();
    if (!w.__fp.hits && document.querySelector('.hit')) w.__fp.hits = performance.now();
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
};

async function firstData(page: Page, key: 'summary' | 'panel' | 'hits'): Promise<number> {
  await page.waitForFunction((k) => (window as unknown as { __fp?: Record<string, number> }).__fp?.[k] !== undefined, key);
  return page.evaluate((k) => Math.round((window as unknown as { __fp: Record<string, number> }).__fp[k]), key);
}

/** Waits (up to 90 s) until the instance's bootstrap has finished; says so when it has not. */
async function bootstrapDone(page: Page): Promise<void> {
  const until = Date.now() + 90_000;
  for (;;) {
    const res = await page.request.get('/api/v1/status');
    const state = res.ok() ? (await res.json())?.bootstrap?.state : null;
    if (state !== 'running') return;
    if (Date.now() > until) {
      console.log('the bootstrap is still running: timing measured under its load');
      return;
    }
    await page.waitForTimeout(2000);
  }
}

const tabs = (page: Page) => page.getByRole('navigation', { name: 'Package sections' });

async function tabShown(page: Page) {
  const panel = page.locator('.tab-panel');
  await expect(panel).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  await expect(panel.locator('.loading')).toHaveCount(0, { timeout: 30_000 });
}

test.describe.configure({ mode: 'serial' });

test('home → typeahead → package page → every tab, accessible, fast', async ({ page }) => {
  // Twelve tabs with axe, and perhaps the end of a bootstrap to wait for.
  test.setTimeout(180_000);
  await page.addInitScript(FIRST_DATA_PROBE);
  await page.goto('/');
  await expect(page.locator('h1')).toHaveText('Fedora Packages');
  await expect(page.locator('.package-count')).toHaveText(/source packages? from Fedora and EPEL\./);
  await expectAccessible(page, 'home');
  await shot(page, 'home');

  // "/" jumps to the search box from anywhere on the page.
  await page.locator('body').press('/');
  const box = page.getByRole('combobox', { name: 'Search packages' });
  await expect(box).toBeFocused();
  await box.pressSequentially(PKG.slice(0, Math.max(2, PKG.length - 1)), { delay: 40 });
  const options = page.getByRole('listbox', { name: 'Package names' }).getByRole('option');
  await expect(options.first()).toBeVisible();
  const names = await options.locator('.suggestion-name').allTextContents();
  expect(names, 'suggestions').toContain(PKG);
  for (let i = 0; i <= names.indexOf(PKG); i++) await box.press('ArrowDown');
  await expect(page.locator('[role=option][aria-selected=true] .suggestion-name')).toHaveText(PKG);
  await expectAccessible(page, 'home with the typeahead open');
  await shot(page, 'typeahead');
  await box.press('Enter');
  await page.waitForURL(`**${pkgPath(PKG)}`);
  await expect(page.locator('h1')).toHaveText(PKG);
  await tabShown(page);

  for (const label of TABS) {
    await tabs(page).getByRole('link', { name: label, exact: true }).click();
    await expect(tabs(page).locator('a[aria-current=page]')).toContainText(label);
    await tabShown(page);
    // The header's age is the shown tab's.
    await expect(page.locator('.header-info .refreshed')).toContainText(label === 'Overview' ? 'refreshed' : `${label} refreshed`);
    await expectAccessible(page, `${label} tab`);
    if (label === 'Updates') {
      // The whole table fits a 1280 px screen: its last column is not cut off.
      const right = await page.locator('table.updates').evaluate((t) => t.getBoundingClientRect().right);
      expect(right, 'Updates table right edge').toBeLessThanOrEqual(1280);
      await shot(page, `package-${PKG}-updates`);
    }
    if (label === 'Versions') await shot(page, `package-${PKG}-versions`);
    if (label === 'Builds') await shot(page, `package-${PKG}-builds`);
  }

  // First data on screen (the summary), from the start of a full load of the package page: the
  // median of five loads after a warm-up one, since one slow answer on a busy machine says little.
  // Measured once the worker's bootstrap is over (a fresh instance fills Redis for about a minute,
  // and that load is not what a visitor of a running site meets).
  await bootstrapDone(page);
  await page.goto(pkgPath(PKG));
  await firstData(page, 'summary');
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(pkgPath(PKG));
    times.push(await firstData(page, 'summary'));
  }
  times.sort((a, b) => a - b);
  console.log(`first data on screen (package page, full load): ${times.join(', ')} ms; median ${times[2]} ms, ${verdict(times[2])} (fails above ${FIRST_DATA_MS} ms; ${machineLoad()})`);
  expect(times[2]).toBeLessThanOrEqual(FIRST_DATA_MS);
  await shot(page, `package-${PKG}`);
});

test('search results: highlights, Back restores the query, then a result opens', async ({ page }) => {
  await page.addInitScript(FIRST_DATA_PROBE);
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search packages' });
  await box.fill('shell');
  const t0 = await page.evaluate(() => performance.now());
  await box.press('Enter');
  await page.waitForURL('**/search?q=shell');
  await expect(page.locator('h1')).toHaveText('Search: shell');
  await expect(page.locator('.search-status')).toHaveText(/^Results 1–\d+ of/);
  const ms = Math.round((await firstData(page, 'hits')) - t0);
  console.log(`first data on screen (search results, from Enter in the search box): ${ms} ms, ${verdict(ms)} (fails above ${SEARCH_DATA_MS} ms; ${machineLoad()})`);
  expect(ms).toBeLessThanOrEqual(SEARCH_DATA_MS);
  await expect(page.locator('.hit mark').first()).toBeVisible();
  await expectAccessible(page, 'search results');
  await shot(page, 'search');

  // Down the list, open one, come Back: the same query, results and place on the page.
  await page.evaluate(() => window.scrollTo(0, 400));
  const y = await page.evaluate(() => window.scrollY);
  const hit = page.locator('.hit-name a').nth(6);
  const name = (await hit.textContent())!.trim();
  await hit.click();
  await page.waitForURL(`**${pkgPath(name)}`);
  await expect(page.locator('h1')).toHaveText(name);
  await page.goBack();
  await page.waitForURL('**/search?q=shell');
  await expect(box).toHaveValue('shell');
  await expect(page.locator('.hit-name a').nth(6)).toHaveText(name);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(y);
});

test('phone: no sideways scrolling on home, search and every tab', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expectNoSidewaysScroll(page, 'home');
  await page.goto('/search?q=lib');
  await expect(page.locator('.hit').first()).toBeVisible();
  await expectNoSidewaysScroll(page, 'search');
  await page.goto(pkgPath(PKG));
  for (const label of TABS) {
    await tabs(page).getByRole('link', { name: label, exact: true }).click();
    await tabShown(page);
    await expectNoSidewaysScroll(page, `${label} tab`);
  }
  await shot(page, `phone-${PKG}-ci`);
  await tabs(page).getByRole('link', { name: 'Files', exact: true }).click();
  await tabShown(page);
  await shot(page, `phone-${PKG}-files`);
});

/** The per-branch tabs of BRANCH_PKG whose document the API has on more than one branch. */
async function branchedTabs(page: Page): Promise<{ tab: string; label: string; branch: string; branches: string[] }[]> {
  const found = [];
  for (const [tab, label] of [['dependencies', 'Dependencies'], ['files', 'Files'], ['changelog', 'Changelog']]) {
    const res = await page.request.get(`/api/v1${pkgPath(BRANCH_PKG)}/${tab}`);
    const data = res.ok() ? (await res.json())?.data : null;
    if (Array.isArray(data?.branches) && data.branches.length > 1) found.push({ tab, label, branch: data.branch, branches: data.branches });
  }
  return found;
}

test('branch picker on Dependencies, Files and Changelog: the branch in the URL, Back, accessible, fits a phone', async ({ page }) => {
  test.setTimeout(120_000);
  const tabsWithChoice = await branchedTabs(page);
  // Until the worker stores more than one branch per document, the API sends no (or a one-entry) `branches`.
  test.skip(tabsWithChoice.length === 0, `no branch picker to test: the API's dependencies, files and changelog of ${BRANCH_PKG} list fewer than two branches (data.branches absent or one entry; FP_BRANCH_PACKAGE names another package)`);
  const picker = page.getByRole('group', { name: 'Branch' });
  for (const { tab, label, branch, branches } of tabsWithChoice) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${pkgPath(BRANCH_PKG)}/${tab}`);
    await tabShown(page);
    await expect(picker.locator('a[aria-current=page]')).toHaveAttribute('data-branch', branch);
    const other = branches.find((b) => b !== branch)!;
    await picker.locator(`a[data-branch="${other}"]`).click();
    await page.waitForURL(`**${pkgPath(BRANCH_PKG)}/${tab}?branch=${encodeURIComponent(other)}`);
    await tabShown(page);
    await expect(picker.locator('a[aria-current=page]')).toHaveAttribute('data-branch', other);
    await expect(tabs(page).locator('a[aria-current=page]')).toContainText(label);
    await expectAccessible(page, `${label} tab on ${other}`);
    await shot(page, `package-${BRANCH_PKG}-${tab}-${other}`);
    // A reload keeps the branch (it is in the URL); Back returns to the default branch.
    await page.reload();
    await tabShown(page);
    await expect(picker.locator('a[aria-current=page]')).toHaveAttribute('data-branch', other);
    await page.goBack();
    await page.waitForURL((u) => u.pathname === `${pkgPath(BRANCH_PKG)}/${tab}` && !u.searchParams.has('branch'));
    await tabShown(page);
    await expect(picker.locator('a[aria-current=page]')).toHaveAttribute('data-branch', branch);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page, `${label} tab with the branch picker`);
    await shot(page, `phone-${BRANCH_PKG}-${tab}-picker`);
  }
});
