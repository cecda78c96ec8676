import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { BuildOrders } from './pages/builds';
import { Inventory } from './pages/inventory';
import { openAddress } from './pages/navigation';
import { NotificationCentre } from './pages/notificationCentre';
import { signIn } from './pages/session';

const OUT = resolve(import.meta.dirname, '../docs/screenshots');
/** In Passives, which alex follows; the demo's only item of it is counted to nothing. */
const ALERTING_PART = 'Crystal 16MHz';
const ALERT = `Low stock: ${ALERTING_PART}`;
/** Passives too, with stock in three places. */
const SHOWN_PART = 'L 10uH power inductor';

test.use({ demo: true, viewport: { width: 1360, height: 860 } });

async function shoot(page: Page, name: string): Promise<void> {
  // Off the content, so no row shows its hover highlight.
  await page.mouse.move(1350, 850);
  await page.screenshot({ path: resolve(OUT, `${name}.png`), animations: 'disabled' });
}

test('README screenshots of the demo workshop', async ({ app }) => {
  test.skip(process.env.STOCKBELL_SCREENSHOTS !== '1', 'Set STOCKBELL_SCREENSHOTS=1 to write the README screenshots into docs/screenshots/.');
  mkdirSync(OUT, { recursive: true });
  const { page } = app;
  const inventory = new Inventory(page);
  const builds = new BuildOrders(page);
  const centre = new NotificationCentre(page);

  await signIn(page, 'alex', 'stockbell-demo');
  await expect(page.getByRole('button', { name: 'Alex Morgan' })).toBeVisible();

  await builds.openPart(ALERTING_PART);
  const count = await inventory.openStockAction(ALERTING_PART, 'Reel cabinet', 'Count');
  await count.getByLabel('Quantity').fill('0');
  await count.getByRole('button', { name: 'Count stock', exact: true }).click();
  await expect(count).toBeHidden();
  await centre.expectUnread(1);
  // Its toast would sit over the first pictures.
  await expect(page.getByRole('status').filter({ hasText: 'Stock counted' })).toBeHidden();

  await page.getByRole('link', { name: 'Stockbell home' }).click();
  await expect(page.getByRole('table', { name: 'Low stock in your subscriptions' }).getByRole('link', { name: ALERTING_PART })).toBeVisible();
  await shoot(page, 'home');

  await centre.openFlyout();
  await expect(centre.flyoutItem(ALERT)).toBeVisible();
  await shoot(page, 'bell-flyout');
  await centre.closeFlyout();

  await builds.openPart(SHOWN_PART);
  await expect(page.getByRole('table', { name: `Stock of ${SHOWN_PART}` })).toBeVisible();
  await expect(inventory.subscribeToggle().or(page.getByRole('link', { name: 'Subscribed via Passives' })).first()).toBeVisible();
  await shoot(page, 'part');

  await openAddress(page, '/parts');
  await expect(page.getByRole('table', { name: 'Parts' }).getByRole('row').nth(10)).toBeVisible();
  await shoot(page, 'parts');

  await builds.openList();
  await page.getByRole('table', { name: 'Build orders' }).getByRole('row', { name: /Controller board/ }).getByRole('link').first().click();
  await expect(builds.requirements()).toBeVisible();
  await expect(builds.requirements().getByRole('link', { name: ALERTING_PART })).toBeVisible();
  await shoot(page, 'build-order');

  await openAddress(page, '/settings/notifications');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('main').getByRole('textbox').first()).toBeVisible();
  await shoot(page, 'settings-email');

  await openAddress(page, '/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Import & export' })).toBeVisible();
  await shoot(page, 'import');
});
