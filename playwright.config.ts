import { defineConfig } from '@playwright/test';
import { chromiumArgs } from './e2e/support/chromium';

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    ...(process.env.CHROMIUM_PATH ? { executablePath: process.env.CHROMIUM_PATH } : {}),
    args: chromiumArgs,
  },
};

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1360, height: 860 },
  },
  projects: [
    { name: 'chromium', use: chromium },
    // The same specs through the real desktop app, wherever Electron's binary exists (`npm run e2e`
    // first builds the desktop bundle and better-sqlite3 for Electron, and gives Electron an Xvfb
    // display on a Linux machine without one); elsewhere each test is skipped with the reason. (It
    // shares Chromium's settings only so that shared fixtures can start without downloading a
    // browser of Playwright's own.)
    { name: 'electron', metadata: { host: 'electron' }, use: chromium },
  ],
});
