// The package page follows the package's refresh events: a bus message about the package makes
// the worker refresh its builds, and the tab on screen updates without a reload.
import { expect, test } from '@playwright/test';
import { PKG, pkgPath, publish, shot } from './helpers';

test('a build message for the package updates the Builds tab in place', async ({ page, request }) => {
  await page.goto(`${pkgPath(PKG)}/builds`);
  await expect(page.locator('.tab-panel tbody tr').first()).toBeVisible({ timeout: 30_000 });
  // The page follows the package's events before anything is published.
  await expect(page.locator('.tab-panel')).toHaveAttribute('data-live', 'connected');
  const before = await (await request.get(`/api/v1${pkgPath(PKG)}/builds`)).json();
  // Marks the document so a reload would be noticed: a reload loses it.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));

  const sentAt = Date.now();
  const out = publish('org.fedoraproject.prod.buildsys.build.state.change', {
    attribute: 'state',
    base_url: 'https://koji.fedoraproject.org',
    build_id: 2999999,
    instance: 'primary',
    name: PKG,
    version: '1',
    release: '1.fc44',
    new: 1,
    old: 0,
    owner: 'e2e',
    task_id: 139999999,
  }, { [`fedora_messaging_rpm_${PKG}`]: 'true' });
  console.log(`published: ${out.trim().split('\n').pop()}`);

  await expect(page.locator('.live-note')).toHaveText('Builds updated just now.', { timeout: 30_000 });
  console.log(`tab updated ${Date.now() - sentAt} ms after the message was published`);
  const after = await (await request.get(`/api/v1${pkgPath(PKG)}/builds`)).json();
  expect(after.version).toBeGreaterThan(before.version);
  await expect(page.locator('.header-info .refreshed')).toHaveText(/^Builds refreshed \d+ s ago$/);
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await shot(page, `live-${PKG}-builds`);
});
