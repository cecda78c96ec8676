import { expect, test } from './fixtures';
import { Inventory } from './pages/inventory';
import { sectionLink } from './pages/navigation';
import { NotificationCentre } from './pages/notificationCentre';
import { createFirstAdministrator } from './pages/session';

test('a muted category stays quiet through a crossing, says so on its page and at home, and is heard again once unmuted', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  const inventory = new Inventory(page);
  const bell = new NotificationCentre(page);
  await inventory.createLocation('Drawer 2');
  await inventory.createCategory('Relays');
  await inventory.createPart('Relay 12V', '10');
  await inventory.createStockItem('Drawer 2', '12');

  await inventory.openCrumb('Relays');
  await inventory.subscribeToggle().click();
  await expect(inventory.subscribeToggle()).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('main').getByRole('button', { name: 'Mute' }).click();
  await page.getByRole('menuitem', { name: 'For a week' }).click();
  const mutedButton = page.getByRole('main').getByRole('button', { name: /^Muted until / });
  await expect(mutedButton).toBeVisible();
  if (process.env.STOCKBELL_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/muted-category.png' });

  // A crossing while muted: nothing.
  await inventory.openPartFromList('Relay 12V');
  await expect(page.getByRole('main').getByRole('button', { name: /^Muted until .* \(via Relays\)$/ })).toBeVisible();
  await inventory.removeStock('Relay 12V', 'Drawer 2', '5');
  await expect(inventory.totalStock()).toContainText('7');
  await bell.expectUnread(0);
  // The part page says why nothing came.
  await page.getByRole('button', { name: 'Would I hear about Relay 12V?' }).click();
  const why = page.getByRole('dialog').filter({ hasText: 'You would not hear when Relay 12V runs low' });
  await expect(why).toBeVisible();
  await expect(why.getByRole('listitem').filter({ hasText: 'You are subscribed to Relays.' })).toBeVisible();
  await expect(why.getByRole('listitem').filter({ hasText: 'You muted Relays' })).toContainText('Until ');
  if (process.env.STOCKBELL_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/why-not-hear.png' });
  await page.keyboard.press('Escape');

  await sectionLink(page, 'Home').click();
  await expect(page.getByRole('region', { name: 'Subscribed categories' }).getByText(/^Muted until /)).toBeVisible();

  // Unmuted: the next crossing is heard.
  await sectionLink(page, 'Categories').click();
  await page.getByRole('main').getByRole('link', { name: 'Relays', exact: true }).first().click();
  await mutedButton.click();
  await page.getByRole('menuitem', { name: 'Unmute now' }).click();
  await expect(page.getByRole('main').getByRole('button', { name: 'Mute' })).toBeVisible();
  await inventory.openPartFromList('Relay 12V');
  const add = await inventory.openStockAction('Relay 12V', 'Drawer 2', 'Add');
  await add.getByLabel('Quantity').fill('10');
  await add.getByRole('button', { name: 'Add stock' }).click();
  await expect(inventory.totalStock()).toContainText('17');
  await inventory.removeStock('Relay 12V', 'Drawer 2', '10');
  await bell.expectUnread(1);
});
