// What the browser tests share: the live API's address, one Chromium (Debian's, /usr/bin/chromium
// or FP_CHROMIUM), named checks with a "browser: N passed, M failed" summary, and a time limit.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE = (process.env.FP_BASE_URL || 'http://127.0.0.1:18080').replace(/\/+$/, '');
const CHROMIUM = process.env.FP_CHROMIUM || '/usr/bin/chromium';
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');
const HARD_LIMIT_MS = 110_000; // every suite together, whatever happens
const started = Date.now();

/** A wait of up to `ms`, cut so the whole run keeps ~6 s for closing the browser. */
export const budget = (ms) => Math.max(1000, Math.min(ms, HARD_LIMIT_MS - 6000 - (Date.now() - started)));

/** Same path scheme as the SPA (src/format.ts packagePath). */
export const pkgPath = (name) => `/packages/${encodeURIComponent(name).replace(/%2B/gi, '+')}`;

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

/** Runs one named check; `critical`: the checks after it cannot work if it fails. */
export async function check(name, fn, { critical = false } = {}) {
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

/** Lets the next suite run even though a critical check of the previous one failed. */
export function unblock() {
  blocked = null;
}

export function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

/** GET on the API from Node; redirects are not followed, so a 308 shows its headers. */
export function apiGet(apiPath) {
  return fetch(`${BASE}${apiPath}`, {
    headers: { Accept: 'application/json' },
    redirect: 'manual',
    signal: AbortSignal.timeout(5000),
  });
}

export async function screenshot(page, name) {
  fs.mkdirSync(OUT, { recursive: true });
  const shot = path.join(OUT, `${name.replace(/[^A-Za-z0-9._+-]/g, '_')}.png`);
  await page.screenshot({ path: shot, fullPage: false });
  console.log(`      screenshot ${path.relative(process.cwd(), shot)}`);
}

async function openPage() {
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
  return context.pages()[0] ?? (await context.newPage());
}

/**
 * Runs `suites` (async functions of the page) in one browser, then checks that the page threw no
 * script errors, prints the summary last and exits: non-zero on any failure or at the time limit.
 */
export async function runSuites(title, suites) {
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

  let exitCode = 1;
  try {
    console.log(`browser test: ${BASE} ${title}`);
    const page = await openPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    for (const suite of suites) {
      await suite(page);
      unblock();
    }
    await check('no script errors on the page', async () => {
      assert(pageErrors.length === 0, pageErrors.join(' | '));
    });
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
}
