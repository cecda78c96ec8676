import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callAsPage } from './api';
import { startHeadlessHost } from './headlessHost';

const DAY_MS = 86_400_000;
/** The host reads its offset file at most every 100 ms (main/hosts/headless/offsetClock.ts). */
const REREAD_WAIT_MS = 250;

/** A headless host whose time the test sets, in whole days from the real now, and one browser on it. */
export interface HostWithClock {
  page: Page;
  /** Moves the host's clock to `days` from the real now (negative: the past); later calls see it. */
  setDay(days: number): Promise<void>;
  close(): Promise<void>;
}

export async function openHostWithClock(browser: Browser, startDay: number): Promise<HostWithClock> {
  const folder = mkdtempSync(join(tmpdir(), 'stockbell-clock-'));
  const file = join(folder, 'offset');
  writeFileSync(file, String(startDay * DAY_MS));
  const host = await startHeadlessHost({ env: { STOCKBELL_CLOCK_OFFSET_FILE: file } });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(host.url);
  return {
    page,
    async setDay(days) {
      writeFileSync(file, String(days * DAY_MS));
      await new Promise((resolve) => setTimeout(resolve, REREAD_WAIT_MS));
    },
    async close() {
      await context.close();
      await host.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * A record of use the forecast can average: `quantity` taken from the item on each of `days` (days
 * from now, oldest first), the host's clock moved to each in turn and left at the last.
 */
export async function removeOnDays(clock: HostWithClock, itemId: number, quantity: string, days: number[]): Promise<void> {
  for (const day of days) {
    await clock.setDay(day);
    await callAsPage(clock.page, 'stock.remove', { itemId, quantity, note: '' });
  }
}
