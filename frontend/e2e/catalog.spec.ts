// What the catalog adds to the pages: a sub-package's URL (and a dependency link to one) lands on
// its source package; a retired package says so; an unknown name is a real 404 with suggestions;
// the home page shows the bootstrap's progress while it runs.
import { type APIRequestContext, expect, test } from '@playwright/test';
import { RETIRED, SUB, expectAccessible, pkgPath, shot } from './helpers';

/** Asks the API until `accept` returns something (a new instance may still discover its catalog). */
async function untilApi<T>(request: APIRequestContext, name: string, accept: (status: number, headers: Record<string, string>, body: () => Promise<any>) => Promise<T | null>): Promise<T> {
  const until = Date.now() + 15_000;
  for (;;) {
    const res = await request.get(`/api/v1${pkgPath(name)}`, { maxRedirects: 0 });
    const got = await accept(res.status(), res.headers(), () => res.json());
    if (got) return got;
    if (Date.now() > until) throw new Error(`GET /api/v1${pkgPath(name)} answered ${res.status()}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const sourceOf = (request: APIRequestContext, binary: string) =>
  untilApi(request, binary, async (status, headers) => (status === 308 ? headers['x-binary-package-of'] ?? null : null));

test('a sub-package URL lands on its source package with a note; the address names the source', async ({ page, request }) => {
  const source = await sourceOf(request, SUB);
  await page.goto(pkgPath(SUB));
  await expect(page.locator('.subpackage-note')).toHaveText(`${SUB} is a sub-package of ${source}.`);
  await expect(page.locator('h1')).toHaveText(source);
  await page.waitForURL(`**${pkgPath(source)}`);
  await shot(page, `subpackage-${SUB}`);
  await page.reload();
  await expect(page.locator('.pkg-header .branch-chips')).toBeVisible();
  await expect(page.locator('.subpackage-note')).toHaveCount(0);
});

test('typing a sub-package name and Enter lands on its source package', async ({ page, request }) => {
  const source = await sourceOf(request, SUB);
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search packages' });
  await box.pressSequentially(SUB, { delay: 30 });
  await expect(page.getByRole('option', { name: `${SUB} in ${source}` })).toBeVisible();
  await box.press('Enter');
  await page.waitForURL(`**${pkgPath(source)}`);
  await expect(page.locator('h1')).toHaveText(source);
});

test('every linked dependency leads to a package page (a sub-package to its source)', async ({ page, request }) => {
  const source = await sourceOf(request, SUB);
  // The links as rendered, before /api/v1/resolve points them at source packages (the next test):
  // what an API without that endpoint leaves, and the way a sub-package name reaches its source.
  await page.route('**/api/v1/resolve?**', (route) => route.fulfill({ status: 404, contentType: 'application/problem+json', body: '{"status":404,"title":"Not Found"}' }));
  await page.goto(`${pkgPath(source)}/dependencies`);
  const links = page.locator('.tab-panel .dep-list a[href^="/packages/"]');
  await expect(links.first()).toBeAttached({ timeout: 30_000 });
  let target: { name: string; source: string } | null = null;
  for (const a of (await links.all()).slice(0, 20)) {
    const name = decodeURIComponent((await a.getAttribute('href'))!.replace(/^\/packages\//, ''));
    const res = await request.get(`/api/v1${pkgPath(name)}`, { maxRedirects: 0 });
    if (res.status() === 308) {
      target = { name, source: res.headers()['x-binary-package-of'] };
      await a.click();
      break;
    }
  }
  expect(target, `no dependency of ${source} links to a sub-package`).not.toBeNull();
  await page.waitForURL(`**${pkgPath(target!.source)}`);
  await expect(page.locator('.subpackage-note')).toHaveText(`${target!.name} is a sub-package of ${target!.source}.`);
});

test('dependency links resolved by the API lead straight to the package that has them', async ({ page, request }) => {
  const source = await sourceOf(request, SUB);
  const probe = await request.get('/api/v1/resolve?names=bash');
  test.skip(probe.status() !== 200, `GET /api/v1/resolve answers ${probe.status()}: the links stay as rendered (previous test)`);
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/resolve?') && r.ok());
  await page.goto(`${pkgPath(source)}/dependencies`);
  const items = ((await (await answered).json()) as { items: { name: string; package: string | null }[] }).items;
  const hit = items.find((i) => i.package);
  expect(hit, `nothing among the dependencies of ${source} resolved`).toBeDefined();
  const a = page.locator(`.tab-panel a[data-dep="${hit!.name.replace(/["\\]/g, '\\$&')}"]`).first();
  await expect(a).toHaveAttribute('href', pkgPath(hit!.package!));
  await a.click();
  await page.waitForURL(`**${pkgPath(hit!.package!)}`);
  await expect(page.locator('h1')).toHaveText(hit!.package!);
  await expect(page.locator('.subpackage-note')).toHaveCount(0);
});

test('a retired package says so, with the branches it ships in', async ({ page, request }) => {
  const meta = await untilApi(request, RETIRED, async (status, _h, body) => {
    const m = status === 200 ? await body() : null;
    return m?.retired === true ? (m as { branches: string[] }) : null;
  });
  await page.goto(pkgPath(RETIRED));
  const notice = page.locator('.pkg-header .retired');
  await expect(notice).toHaveText(/^Retired: (no longer in Rawhide\. Last shipped in \S+\.|no longer shipped in any branch\.)$/);
  const chips = await page.locator('.pkg-header .branch-chips li').allTextContents();
  expect([...chips].sort()).toEqual([...meta.branches].sort());
  await shot(page, `retired-${RETIRED}`);
});

test('an unknown package is an HTTP 404 page with "did you mean" from search', async ({ page }) => {
  const res = await page.goto(pkgPath('bashh'));
  expect(res!.status(), 'status of /packages/bashh').toBe(404);
  await expect(page.locator('h1')).toHaveText('No package named bashh');
  await expect(page.locator('.did-you-mean a').first()).toBeVisible();
  await expectAccessible(page, 'not-found page');
  await shot(page, 'not-found');
  // Known pages and the search page are 200.
  expect((await page.goto('/search?q=bash'))!.status()).toBe(200);
  expect((await page.goto(pkgPath(SUB)))!.status()).toBe(200);
});

test('the home page shows "Indexing N of M packages…" while the bootstrap runs, then removes it', async ({ page }) => {
  // The live instance finished its bootstrap long ago: the status is stubbed, "running" first,
  // then "done" from the SPA's next poll on (every 5 s).
  let polls = 0;
  await page.route('**/api/v1/status', (route) => {
    polls++;
    const running = polls === 1;
    const bootstrap = { state: running ? 'running' : 'done', done: running ? 12400 : 34172, total: 34172, startedAt: null, finishedAt: null, discoveredAt: null };
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ packages: 34172, bootstrap }) });
  });
  await page.goto('/');
  const line = page.getByText('Indexing 12,400 of 34,172 packages…', { exact: true });
  await expect(line).toBeVisible();
  await expect(page.locator('.package-count')).toHaveText('34,172 source packages from Fedora and EPEL.');
  await shot(page, 'home-indexing');
  await expect(line).toBeHidden({ timeout: 12_000 });
  expect(polls).toBeGreaterThanOrEqual(2);
});
