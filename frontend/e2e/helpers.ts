// What the browser tests share: the package under test, screenshots where the README says, the
// axe-core check, and publishing a bus message the way Fedora's bus would deliver it.
import AxeBuilder from '@axe-core/playwright';
import { type Page, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
export const OUT = path.join(HERE, 'out');

/** A demo package with every tab (builds, updates, bugs…). */
export const PKG = process.env.FP_PACKAGE || 'bash';
export const SUB = process.env.FP_SUBPACKAGE || 'vim-X11';
export const RETIRED = process.env.FP_RETIRED || 'pidgin';
/** A package whose dependencies, files and changelog the API has on several branches (the branch picker). */
export const BRANCH_PKG = process.env.FP_BRANCH_PACKAGE || PKG;
export const BASE = (process.env.FP_BASE_URL || 'http://127.0.0.1:18080').replace(/\/+$/, '');

/** Same path scheme as the SPA (src/format.ts packagePath). */
export const pkgPath = (name: string) => `/packages/${encodeURIComponent(name).replace(/%2B/gi, '+')}`;

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, `${name.replace(/[^A-Za-z0-9._+-]/g, '_')}.png`), fullPage: true });
}

/** No serious or critical axe violation (WCAG 2.x A/AA and best practices), headings in order. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(report, `${what}: serious or critical axe violations`).toEqual([]);
  // One h1, and no level skipped on the way down (h1 → h3 without an h2).
  const levels = await page
    .locator('h1, h2, h3, h4, h5, h6')
    .evaluateAll((hs) => hs.filter((h) => h.getClientRects().length > 0).map((h) => Number(h.tagName[1])));
  expect(levels.filter((l) => l === 1), `${what}: one <h1>`).toHaveLength(1);
  const skips = levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1);
  expect(skips, `${what}: heading levels ${levels.join(' ')}`).toEqual([]);
}

/** No sideways scrolling of the page itself. */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, `${what}: page is ${scroll} px wide in a ${width} px window`).toBeLessThanOrEqual(width);
}

/** The local instance a base URL belongs to (deploy/local/lib.sh's ports), for its bus vhost. */
function instance(): string {
  if (process.env.FP_BUS_INSTANCE) return process.env.FP_BUS_INSTANCE;
  const port = new URL(BASE).port;
  return ({ '8080': 'dev', '18080': 'e2e', '28080': 'test' } as Record<string, string>)[port] ?? 'e2e';
}

/**
 * Publishes one message on the instance's bus with deploy/local/tools' BusPublish (built by
 * deploy/local/start.sh), as fedora-messaging would. Returns the tool's output.
 */
export function publish(topic: string, body: unknown, headers: Record<string, string> = {}): string {
  const tools = path.join(ROOT, 'deploy', 'local', 'tools', 'target');
  const cpFile = path.join(tools, 'cp.txt');
  if (!fs.existsSync(cpFile)) throw new Error(`${cpFile} is missing: run deploy/local/start.sh first (it builds the tools)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fp-bus-'));
  const file = path.join(dir, 'body.json');
  fs.writeFileSync(file, JSON.stringify(body));
  const cp = `${path.join(tools, 'classes')}:${fs.readFileSync(cpFile, 'utf8').trim()}`;
  const args = ['-cp', cp, 'org.fedoraproject.packages.localtools.BusPublish'];
  args.push('--host', '127.0.0.1', '--port', process.env.FP_AMQP_PORT || '5672', '--user', 'guest', '--password', 'guest');
  args.push('--vhost', `fedora-packages-${instance()}`, '--topic', topic, '--file', file);
  for (const [k, v] of Object.entries(headers)) args.push('--header', `${k}=${v}`);
  try {
    return execFileSync('java', args, { encoding: 'utf8', timeout: 30_000 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
