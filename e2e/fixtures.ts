import { test as base, _electron, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { electronBinary } from '../scripts/electronBinary.mjs';
import { startHeadlessHost, type RunningHost } from './support/headlessHost';

export interface StockbellApp {
  page: Page;
  /** Opens another window on the same app as a different person (its own session). */
  openAnotherSession(): Promise<Page>;
}

interface Options {
  /** Start with the demo workshop loaded. */
  demo: boolean;
}

export const test = base.extend<Options & { app: StockbellApp }>({
  demo: [false, { option: true }],
  app: async ({ browser, demo }, use, testInfo) => {
    if (testInfo.project.metadata.host === 'electron') {
      const binary = electronBinary();
      testInfo.skip(!binary, 'Electron binary is not installed on this machine (it cannot be downloaded here).');
      const dataDir = mkdtempSync(join(tmpdir(), 'stockbell-electron-'));
      const electronApp = await _electron.launch({
        executablePath: binary ?? undefined,
        args: [resolve(import.meta.dirname, '..'), ...(demo ? ['--demo'] : [])],
        env: { ...process.env, STOCKBELL_DATA_DIR: dataDir },
      });
      const page = await electronApp.firstWindow();
      await use({
        page,
        openAnotherSession: () => Promise.reject(new Error('The desktop app has one session per window.')),
      });
      await electronApp.close();
      rmSync(dataDir, { recursive: true, force: true });
      return;
    }
    const host: RunningHost = await startHeadlessHost({ demo });
    const firstContext = await browser.newContext();
    const contexts = [firstContext];
    const page = await firstContext.newPage();
    await page.goto(host.url);
    await use({
      page,
      async openAnotherSession() {
        const context = await browser.newContext();
        contexts.push(context);
        const other = await context.newPage();
        await other.goto(host.url);
        return other;
      },
    });
    for (const context of contexts) await context.close();
    await host.stop();
  },
});

export { expect } from '@playwright/test';
