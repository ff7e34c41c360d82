// Browser tests (Playwright's runner) against a live API that serves the built SPA, in Debian's
// Chromium (`npx playwright install` cannot download browsers here):
//
//   FP_BASE_URL=http://127.0.0.1:18080 FP_PACKAGE=bash npm run test:browser
//
// Screenshots go to e2e/out/ (see README); Playwright's own traces of failures to e2e/out/results/.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/out/results',
  // One instance, one bus: the tests publish messages and read shared state, so one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Every suite together, whatever happens (deploy/local/test.sh's whole run stays under 20 min).
  globalTimeout: 360_000,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: (process.env.FP_BASE_URL || 'http://127.0.0.1:18080').replace(/\/+$/, ''),
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    // A trace of a failed test (FP_TRACE=1): recording one for every test costs a third of the run.
    trace: process.env.FP_TRACE ? 'retain-on-failure' : 'off',
    launchOptions: {
      executablePath: process.env.FP_CHROMIUM || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
});
