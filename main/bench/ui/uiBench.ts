import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs } from '../../../e2e/support/chromium';
import { QUANTITY_SCALE, formatQuantity } from '../../core/quantity';
import { median, overRuns, type RunTiming } from '../stats';
import { BenchWindow, bellSelector, type CallTime } from './benchWindow';
import type { ContentProbe } from './inPage';
import { BENCH_PASSWORD, type UiInventory } from './inventory';

export const PAGE_TARGET_MS = 300;
export const BELL_TARGET_MS = 100;

/** What a person waits for, and which element on screen ends the wait. */
export interface UiMeasure {
  name: string;
  /** The content whose appearance ends the timing, in words. */
  shows: string;
  targetMs: number;
}

export interface UiResult extends UiMeasure {
  timing: RunTiming;
  /** The calls the page made, slowest first, each the median over the samples that made it. */
  calls: CallTime[];
}

export interface UiBenchOptions {
  /** The headless host's printed address, token included. */
  url: string;
  inventory: UiInventory;
  /** Each measure is taken once a run; the figures are the median of the runs, with their spread. */
  runs: number;
  /** One untimed pass first, so the host's page cache and Chromium's compiled code are warm. */
  warmUp: boolean;
  timeoutMs: number;
  log: (line: string) => void;
}

/** Chromium as the e2e tests find it: CHROMIUM_PATH, Debian's, or Playwright's own. */
export function chromiumPath(): string | undefined {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium']) if (candidate && existsSync(candidate)) return candidate;
  return undefined;
}

// Two windows stand side by side on a person's screen: neither may be throttled as a background tab.
const benchChromiumArgs = [...chromiumArgs, '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'];

const table = (caption: string): ContentProbe => ({ selector: `main table[aria-label="${caption}"] tbody tr` });
const list = (label: string, within = 'main'): ContentProbe => ({ selector: `${within} ul[aria-label="${label}"] > li` });

/** A page reached by in-app navigation from an idle page, as a click in the navbar or on a link does. */
interface PageMeasure extends UiMeasure {
  as: 'admin' | 'busy';
  hash: string;
  probe: ContentProbe;
}

function pageMeasures(inventory: UiInventory, searchTerm: string): PageMeasure[] {
  const page = (name: string, as: PageMeasure['as'], hash: string, probe: ContentProbe, shows: string): PageMeasure => ({ name, as, hash, probe, shows, targetMs: PAGE_TARGET_MS });
  const notifications = inventory.size.notifications / 10;
  return [
    page('Parts, first page', 'admin', '#/parts', table('Parts'), 'first row of the parts table'),
    page(`Parts, search "${searchTerm}"`, 'admin', `#/parts?search=${encodeURIComponent(searchTerm)}`, { ...table('Parts'), text: searchTerm }, 'a parts row naming the part searched for'),
    page('Parts, low stock only', 'admin', '#/parts?low=1', table('Parts'), 'first row of the filtered table'),
    page('Parts, sorted by stock', 'admin', '#/parts?sort=stock', table('Parts'), 'first row of the sorted table'),
    page(`A category page (${inventory.category.name}, top level)`, 'admin', `#/categories/${inventory.category.id}`, table(`Parts in ${inventory.category.name}`), 'first row of its parts table'),
    page('Categories tree', 'admin', '#/categories', list('Category tree'), 'first row of the tree'),
    page('Locations', 'admin', '#/locations', list('Location tree'), 'first row of the tree'),
    page('Stock', 'admin', '#/stock', table('Stock items'), 'first row of the stock table'),
    page(`Inbox, ${notifications.toLocaleString('en-US')} notifications`, 'busy', '#/inbox', list('Unread notifications'), 'first notification of the list'),
    page(`History, ${notifications.toLocaleString('en-US')} notifications`, 'busy', '#/history', list('Read notifications'), 'first notification of the list'),
  ];
}

const signInMeasure: UiMeasure = { name: 'Sign in to the first page (Home)', shows: 'first row of Home\'s low-stock table', targetMs: PAGE_TARGET_MS };
const HOME_PROBE = table('Low stock parts');
const flyoutMeasure: UiMeasure = { name: 'The flyout (bell clicked)', shows: 'first notification in the flyout', targetMs: PAGE_TARGET_MS };
const FLYOUT_PROBE = list('Unread notifications', '[role="dialog"]');

function bellMeasure(inventory: UiInventory): UiMeasure {
  return {
    name: `Bell in another window, ${inventory.crowd.subscribers.toLocaleString('en-US')}-follower crossing`,
    shows: 'the follower\'s bell count changes, timed from the change\'s answer in the first window',
    targetMs: BELL_TARGET_MS,
  };
}

/** A part name in the middle of the inventory: the search matches it and the few whose names extend it. */
function searchTermOf(inventory: UiInventory): string {
  return `Part ${Math.floor(inventory.size.parts / 2)}`;
}

/** Per method, the median of its times, slowest first. */
function callMedians(calls: CallTime[]): CallTime[] {
  const byMethod = new Map<string, number[]>();
  for (const call of calls) byMethod.set(call.method, [...(byMethod.get(call.method) ?? []), call.ms]);
  return [...byMethod].map(([method, times]) => ({ method, ms: median(times) })).sort((a, b) => b.ms - a.ms);
}

class Samples {
  readonly runs: number[][] = [];
  readonly calls: CallTime[] = [];
  add(run: number, ms: number, calls: CallTime[] = []): void {
    (this.runs[run] ??= []).push(ms);
    this.calls.push(...calls);
  }
}

/**
 * Drives Chromium against a running headless host: every measure once per run, each page reached in
 * a window that signed out and in just before, so nothing it shows comes from the app's cache.
 */
export async function runUiBench(options: UiBenchOptions): Promise<UiResult[]> {
  const { inventory, url, timeoutMs, log } = options;
  const executablePath = chromiumPath();
  const browser: Browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: benchChromiumArgs });
  const opened: BenchWindow[] = [];
  const open = async () => {
    const window = await BenchWindow.open(browser, url, timeoutMs);
    opened.push(window);
    return window;
  };
  try {
    const admin = await open();
    await admin.signIn(inventory.admin, BENCH_PASSWORD);
    const busy = await open();
    await busy.signIn(inventory.busy, BENCH_PASSWORD);
    const windows = { admin, busy };
    const pages = pageMeasures(inventory, searchTermOf(inventory));
    const signIn = new Samples();
    const pageSamples = pages.map(() => new Samples());
    const flyout = new Samples();
    const bell = new Samples();
    // The followed part's item starts at 1,000 whatever an interrupted run left behind.
    await admin.inPage('call', 'stock.count', { itemId: inventory.crowd.itemId, quantity: '1000' });

    const passes = options.runs + (options.warmUp ? 1 : 0);
    for (let pass = 0; pass < passes; pass += 1) {
      const run = options.warmUp ? pass - 1 : pass;
      log(run < 0 ? 'Warming up...' : `Run ${run + 1} of ${options.runs}...`);
      const keep = (samples: Samples, ms: number, calls: CallTime[] = []) => {
        if (run >= 0) samples.add(run, ms, calls);
      };

      const fresh = await open();
      await fresh.fillSignIn(inventory.admin, BENCH_PASSWORD);
      keep(signIn, await fresh.click('form button[type="submit"]', HOME_PROBE), fresh.takeCalls());
      await fresh.close();

      for (const [index, measure] of pages.entries()) {
        const window = windows[measure.as];
        await window.forgetReads();
        keep(pageSamples[index] as Samples, await window.navigate(measure.hash, measure.probe), window.takeCalls());
      }

      await busy.forgetReads();
      keep(flyout, await busy.click(bellSelector, FLYOUT_PROBE), busy.takeCalls());
      await busy.page.getByRole('button', { name: 'Close notifications' }).click();
      await busy.page.getByRole('dialog', { name: 'Notifications' }).waitFor({ state: 'hidden', timeout: timeoutMs });

      keep(bell, await bellAfterCrossing(admin, busy, inventory));
    }

    const bounces = admin.bounces + busy.bounces;
    if (bounces > 0) log(`The host signed a window out again straight after it signed in ${bounces} time(s); it was signed in again.`);
    return [
      { ...signInMeasure, samples: signIn },
      ...pages.map((measure, index) => ({ ...measure, samples: pageSamples[index] as Samples })),
      { ...flyoutMeasure, samples: flyout },
      { ...bellMeasure(inventory), samples: bell },
    ].map(({ name, shows, targetMs, samples }) => ({ name, shows, targetMs, timing: overRuns(samples.runs), calls: callMedians(samples.calls) }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\nThe windows as they were: ${await screenshots(opened)}`, { cause: error });
  } finally {
    await browser.close();
  }
}

/** What each open window showed when a measure failed, for whoever reads the failure. */
async function screenshots(windows: BenchWindow[]): Promise<string> {
  const paths: string[] = [];
  for (const [index, window] of windows.entries()) {
    if (window.page.isClosed()) continue;
    const path = join(tmpdir(), `stockbell-bench-ui-failure-${index + 1}.png`);
    await window.page.screenshot({ path }).then(() => paths.push(path), () => undefined);
  }
  return paths.join(', ') || 'none';
}

/**
 * The administrator, on the followed part's page, takes its stock below the minimum; the busy person,
 * one of its 1,000 followers, has Home open in another window. Returns the milliseconds from the
 * change's answer in the first window to the bell's count changing in the second.
 */
async function bellAfterCrossing(admin: BenchWindow, follower: BenchWindow, inventory: UiInventory): Promise<number> {
  const { crowd } = inventory;
  // Just under the minimum from the 1,000 units it holds.
  const fall = formatQuantity(1000 * QUANTITY_SCALE - crowd.minimum + QUANTITY_SCALE);
  await admin.navigate(`#/parts/${crowd.partId}`, { selector: 'main h1', text: `Crowded part ${crowd.subscribers}` });
  await follower.navigate('#/', HOME_PROBE);
  await Promise.all([admin.settle(), follower.settle()]);
  await follower.inPage('watchBell', 10_000);
  const answeredAt = await admin.inPage<number>('call', 'stock.remove', { itemId: crowd.itemId, quantity: fall, note: 'UI bench' });
  const changedAt = await follower.page.evaluate('window.stockbellBench.bellChanged') as number;
  await admin.inPage('call', 'stock.add', { itemId: crowd.itemId, quantity: fall, note: 'UI bench' });
  await Promise.all([admin.settle(), follower.settle()]);
  return changedAt - answeredAt;
}
