import { chromium, defineConfig } from '@playwright/test';
import { findChromium } from './test/browser/support/chromium.mjs';
import { BROWSER_ENV } from './test/browser/support/env';

// Debian's Chromium (or CHROMIUM_PATH, or Playwright's own download); scripts/run-tests.mjs
// checks first and prints one line when there is none.
const found = findChromium(process.env, () => chromium.executablePath());
if ('problem' in found) {
  process.stderr.write(`${found.problem}\n`);
  process.exit(1);
}

export default defineConfig({
  testDir: 'test/browser',
  testMatch: '**/*.pw.ts',
  outputDir: 'test-results',
  // Two cores, and one server shared by every test: one worker, in file order.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  reporter: 'list',
  timeout: 60_000,
  globalSetup: './test/browser/support/global-setup.ts',
  globalTeardown: './test/browser/support/global-teardown.ts',
  use: {
    // Set by global setup; workers start after it and inherit the runner's environment.
    baseURL: process.env[BROWSER_ENV.baseUrl],
    browserName: 'chromium',
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: found.path,
      // This machine's network is closed: Chromium's own background connections would only wait and fail.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
