import { expect, test } from './fixtures';
import { Inventory } from './pages/inventory';
import { NotificationCentre } from './pages/notificationCentre';
import { createFirstAdministrator, signIn, type Account } from './pages/session';
import type { Page } from '@playwright/test';

const PART = 'R 10k 0603';
const LOCATION = 'Shelf A';
const ALERT = `Low stock: ${PART}`;
const REASON = 'You are subscribed to Electronics.';

/**
 * Electronics > Passives > Resistors > R 10k (minimum 10, 12 in stock), and the person subscribed to the
 * top-level category only. Ends on the part's page with no alert yet.
 */
async function subscribeToTopCategoryOfPart(page: Page): Promise<{ inventory: Inventory; centre: NotificationCentre }> {
  const inventory = new Inventory(page);
  const centre = new NotificationCentre(page);
  await inventory.createLocation(LOCATION);
  await inventory.createCategory('Electronics');
  await inventory.createSubCategory('Passives');
  await inventory.createSubCategory('Resistors');
  await inventory.createPart(PART, '10');
  await inventory.createStockItem(LOCATION, '12');

  await inventory.openCrumb('Electronics');
  const categoryBell = inventory.subscribeToggle();
  await expect(categoryBell).toHaveAttribute('aria-pressed', 'false');
  await categoryBell.click();
  await expect(categoryBell).toHaveAttribute('aria-pressed', 'true');

  await inventory.openPartFromList(PART);
  await expect(inventory.subscribeToggle()).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('link', { name: 'Subscribed via Electronics' })).toBeVisible();
  await centre.expectUnread(0);
  return { inventory, centre };
}

/** The administrator adds a member on the Users page (new accounts are members unless chosen otherwise). */
async function addMember(page: Page, account: Account): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Users', exact: true }).click();
  await page.getByRole('main').getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel('Username').fill(account.username);
  await dialog.getByLabel('Display name').fill(account.displayName);
  await dialog.getByLabel('Email').fill(account.email);
  await dialog.getByRole('textbox', { name: 'Password' }).fill(account.password);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('a low-stock alert reaches the bell live, is read by following it, and is deleted from History', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  const { inventory, centre } = await subscribeToTopCategoryOfPart(page);

  await inventory.removeStock(PART, LOCATION, '3');
  // Pushed by the host: no reload, no polling.
  await centre.expectUnread(1);

  await page.getByRole('link', { name: 'Stockbell home' }).click();
  const flyout = await centre.openFlyout();
  await expect(centre.flyoutItem(ALERT)).toContainText('just now');
  await expect(centre.flyoutItem(ALERT)).toContainText('below its minimum of 10');
  // Why it came, said once on its own line (the core's message also ends with it).
  await expect(centre.flyoutItem(ALERT).getByText(REASON)).toHaveCount(1);
  await expect(flyout.getByText('You have no unread notifications')).toHaveCount(0);

  await centre.follow(ALERT);
  await expect(page.getByRole('heading', { level: 1, name: PART })).toBeVisible();
  await centre.expectUnread(0);

  await centre.openHistory();
  await expect(centre.listItem(ALERT)).toBeVisible();
  await expect(centre.listItem(ALERT).getByText(REASON)).toHaveCount(1);
  await centre.deleteFromHistory(ALERT);
  await expect(centre.emptyHistory()).toBeVisible();
});

test('History can be emptied at once, and another person sees none of it', async ({ app }) => {
  // Two people, each setting up a page and a crossing: near the minute on a busy machine.
  test.slow();
  const { page } = app;
  await createFirstAdministrator(page);
  const { inventory, centre } = await subscribeToTopCategoryOfPart(page);
  await inventory.removeStock(PART, LOCATION, '3');
  await centre.expectUnread(1);

  const member: Account = { username: 'grace', displayName: 'Grace Hopper', email: 'grace@workshop.test', password: 'compiler-a0-1952' };
  await addMember(page, member);
  const other = await app.openAnotherSession();
  await signIn(other, member.username, member.password);
  const othersCentre = new NotificationCentre(other);
  await othersCentre.expectUnread(0);
  await othersCentre.openInbox();
  await expect(othersCentre.emptyInbox()).toBeVisible();

  await centre.openInbox();
  await expect(centre.listItem(ALERT)).toBeVisible();
  await centre.openFlyout();
  await centre.markAllRead();
  await centre.closeFlyout();
  await centre.expectUnread(0);
  await expect(centre.emptyInbox()).toBeVisible();

  await centre.openHistory();
  await expect(centre.listItem(ALERT)).toBeVisible();
  await expect(centre.listItem(ALERT).getByText(REASON)).toHaveCount(1);
  await centre.deleteAll();
  await expect(centre.emptyHistory()).toBeVisible();
  await othersCentre.expectUnread(0);
});
