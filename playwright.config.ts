import { defineConfig } from '@playwright/test';
import { findBrowser } from './scripts/find-browser.ts';

// Playwright's own browser builds cannot be downloaded everywhere; Debian's Chromium works the same.
// `npm test` has already stopped, with what to install, when there is neither (scripts/check-browser.ts).
const systemChromium = findBrowser()?.executablePath;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  // One retry on CI, reported as "flaky" in the output: a loaded machine should not sink a run, and the
  // report still names every test that needed it.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    viewport: { width: 1360, height: 860 },
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'retain-on-failure',
  },
});
