// Browser test: a person opens the home page, goes to one package and looks at a few tabs.
// Runs against a live API that serves the built SPA (the real one, or any stand-in).
//
//   FP_BASE_URL=http://127.0.0.1:18080 FP_PACKAGE=curl npm run test:browser
//
// FP_EXPECT_SUMMARY (optional): the summary the header must show; when unset it is read from
// the API's overview document. Uses Debian's Chromium (/usr/bin/chromium, or FP_CHROMIUM).
// Prints "browser: N passed, M failed" last; exits non-zero on any failure; stops itself at 60 s.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE = (process.env.FP_BASE_URL || 'http://127.0.0.1:18080').replace(/\/+$/, '');
const PKG = process.env.FP_PACKAGE || 'curl';
const CHROMIUM = process.env.FP_CHROMIUM || '/usr/bin/chromium';
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');
const HARD_LIMIT_MS = 57_000; // must finish within 60 s, whatever happens
const started = Date.now();

/** A wait of up to `ms`, cut so the whole run keeps ~6 s for closing the browser. */
const budget = (ms) => Math.max(1000, Math.min(ms, HARD_LIMIT_MS - 6000 - (Date.now() - started)));

// Same path scheme as the SPA (src/format.ts packagePath).
const pkgPath = `/packages/${encodeURIComponent(PKG).replace(/%2B/gi, '+')}`;

const results = [];
let context = null;
let userDataDir = null;
let finishing = false;
/** Set when a step that later steps depend on failed: they then fail at once instead of timing out. */
let blocked = null;

function summaryLine() {
  const passed = results.filter((r) => r.ok).length;
  return `browser: ${passed} passed, ${results.length - passed} failed`;
}

async function cleanup() {
  const ctx = context;
  context = null;
  if (ctx) await ctx.close().catch(() => {});
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  userDataDir = null;
}

const watchdog = setTimeout(async () => {
  if (finishing) {
    // Closing hangs: give up. Playwright kills the browser it launched when Node exits.
    console.log('FAIL  closing the browser took too long');
    console.log(summaryLine());
    process.exit(1);
  }
  console.log(`FAIL  time limit of ${HARD_LIMIT_MS / 1000} s reached`);
  results.push({ name: 'finished in time', ok: false });
  await Promise.race([cleanup(), new Promise((r) => setTimeout(r, 1500))]);
  console.log(summaryLine());
  process.exit(1);
}, HARD_LIMIT_MS);

async function check(name, fn, { critical = false } = {}) {
  if (blocked) {
    results.push({ name, ok: false });
    console.log(`FAIL  ${name}: not run (${blocked} failed)`);
    return;
  }
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok    ${name}`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAIL  ${name}: ${String(e?.message ?? e).split('\n')[0]}`);
    if (critical) blocked = name;
  }
}

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** The summary the header should show, from the API unless given (202 → wait as told, bounded). */
async function expectedSummary() {
  if (process.env.FP_EXPECT_SUMMARY) return process.env.FP_EXPECT_SUMMARY;
  const url = `${BASE}/api/v1${pkgPath}/overview`;
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

async function main() {
  console.log(`browser test: ${BASE} package ${PKG}`);
  let summary = null;
  await check('expected summary known', async () => {
    summary = await expectedSummary();
  });

  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await check('home page lists the package', async () => {
    await page.goto(`${BASE}/`, { waitUntil: 'domcontentloaded', timeout: budget(15_000) });
    const title = (await page.locator('h1').first().textContent())?.trim();
    assert(title === 'Fedora Packages', `home <h1> is "${title}"`);
    await page.locator(`a[href="${pkgPath}"]`).first().waitFor({ state: 'visible' });
  }, { critical: true });

  await check('link opens the package page with the name as <h1>', async () => {
    await page.locator(`a[href="${pkgPath}"]`).first().click();
    await page.waitForURL(`${BASE}${pkgPath}`);
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
    await page.waitForURL(`${BASE}${pkgPath}/builds`);
    await page.locator('.tab-panel tbody tr').first().waitFor({ state: 'visible', timeout: budget(25_000) });
    const n = await page.locator('.tab-panel tbody tr').count();
    assert(n > 0, 'no build rows');
    console.log(`      ${n} build rows`);
  });

  await check('Files tab renders entries', async () => {
    await tabs.getByRole('link', { name: 'Files' }).click();
    await page.waitForURL(`${BASE}${pkgPath}/files`);
    // 202 "Fetching…" then the tree: allow the SPA's own retries.
    await page.locator('.tab-panel .file-tree li').first().waitFor({ state: 'attached', timeout: budget(25_000) });
    const n = await page.locator('.tab-panel .file-tree li.file').count();
    assert(n > 0, 'no file entries');
    console.log(`      ${n} file entries`);
    fs.mkdirSync(OUT, { recursive: true });
    const shot = path.join(OUT, `package-page-${PKG.replace(/[^A-Za-z0-9._+-]/g, '_')}-files.png`);
    await page.screenshot({ path: shot, fullPage: false });
    console.log(`      screenshot ${path.relative(process.cwd(), shot)}`);
  });

  await check('back button returns to the Builds tab', async () => {
    await page.goBack();
    await page.waitForURL(`${BASE}${pkgPath}/builds`);
    const current = await tabs.locator('a[aria-current="page"]').textContent();
    assert(current?.includes('Builds'), `active tab is "${current}"`);
  });

  await check('no script errors on the page', async () => {
    assert(pageErrors.length === 0, pageErrors.join(' | '));
  });
}

let exitCode = 1;
try {
  await main();
  exitCode = results.every((r) => r.ok) ? 0 : 1;
} catch (e) {
  console.log(`FAIL  browser test crashed: ${e?.message ?? e}`);
  results.push({ name: 'run', ok: false });
} finally {
  finishing = true;
  await cleanup();
  clearTimeout(watchdog);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(summaryLine());
}
process.exit(exitCode);
