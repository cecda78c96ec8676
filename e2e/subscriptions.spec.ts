import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Inventory } from './pages/inventory';
import { sectionLink } from './pages/navigation';
import { NotificationCentre } from './pages/notificationCentre';
import { createFirstAdministrator, firstAdmin, signIn } from './pages/session';

const PART = 'M3 screw';

/** Mechanical > Fasteners > M3 screw; ends on the part's page, nothing subscribed. */
async function mechanicalFasteners(page: Page): Promise<Inventory> {
  const inventory = new Inventory(page);
  await inventory.createCategory('Mechanical');
  await inventory.createSubCategory('Fasteners');
  await inventory.createPart(PART, '10');
  return inventory;
}

async function openCategoryFromTree(page: Page, name: string): Promise<void> {
  await sectionLink(page, 'Categories').click();
  await page.getByRole('main').getByRole('link', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}

/** The bell of a row in the open page's parts table. */
function rowBell(page: Page, part: string) {
  return page.getByRole('main').getByRole('row').filter({ hasText: part }).getByRole('button', { name: 'Subscribe to notifications' });
}

async function expectCoveredByMechanical(page: Page, inventory: Inventory, covered: boolean): Promise<void> {
  await expect(inventory.subscribeToggle()).toHaveAttribute('aria-pressed', String(covered));
  await expect(page.getByRole('link', { name: 'Subscribed via Mechanical' })).toHaveCount(covered ? 1 : 0);
  await expect(rowBell(page, PART)).toHaveAttribute('aria-pressed', String(covered));
}

test('a page seen before follows a subscription made or removed elsewhere in the window, both ways', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  const inventory = await mechanicalFasteners(page);
  // Fasteners is seen, unsubscribed, before anything changes.
  await inventory.openCrumb('Fasteners');
  await expectCoveredByMechanical(page, inventory, false);

  await inventory.openCrumb('Mechanical');
  await inventory.subscribeToggle().click();
  await expect(inventory.subscribeToggle()).toHaveAttribute('aria-pressed', 'true');
  await openCategoryFromTree(page, 'Fasteners');
  await expectCoveredByMechanical(page, inventory, true);
  await inventory.openPartFromList(PART);
  await expect(inventory.subscribeToggle()).toHaveAttribute('aria-pressed', 'true');

  await inventory.openCrumb('Mechanical');
  await inventory.subscribeToggle().click();
  await expect(inventory.subscribeToggle()).toHaveAttribute('aria-pressed', 'false');
  await openCategoryFromTree(page, 'Fasteners');
  await expectCoveredByMechanical(page, inventory, false);
  await inventory.openPartFromList(PART);
  await expect(inventory.subscribeToggle()).toHaveAttribute('aria-pressed', 'false');
});

test('a page open in another window follows the subscription live, both ways', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  const inventory = await mechanicalFasteners(page);
  await inventory.openCrumb('Fasteners');

  const other = await app.openAnotherSession();
  await signIn(other, firstAdmin.username, firstAdmin.password);
  const elsewhere = new Inventory(other);
  await openCategoryFromTree(other, 'Fasteners');
  await expectCoveredByMechanical(other, elsewhere, false);

  await inventory.openCrumb('Mechanical');
  await inventory.subscribeToggle().click();
  await expectCoveredByMechanical(other, elsewhere, true);

  await inventory.subscribeToggle().click();
  await expect(inventory.subscribeToggle()).toHaveAttribute('aria-pressed', 'false');
  await expectCoveredByMechanical(other, elsewhere, false);
});

test('subscribing to a category with parts already low says at once what is low there', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  const inventory = new Inventory(page);
  await inventory.createLocation('Drawer 4');
  await inventory.createCategory('Fasteners');
  await inventory.createPart(PART, '10');
  await inventory.createStockItem('Drawer 4', '3');
  const bell = new NotificationCentre(page);
  await bell.expectUnread(0);

  await inventory.openCrumb('Fasteners');
  await inventory.subscribeToggle().click();
  await expect(inventory.subscribeToggle()).toHaveAttribute('aria-pressed', 'true');
  await bell.expectUnread(1);
  const flyout = await bell.openFlyout();
  await expect(bell.flyoutItem(`Already low: ${PART}`)).toBeVisible();
  await expect(flyout).toContainText(`${PART} is at 3, below its minimum of 10.`);
  await expect(flyout).toContainText('You subscribed to Fasteners.');
});
