import { expect, test } from './fixtures';
import { Inventory } from './pages/inventory';
import { createFirstAdministrator } from './pages/session';

test('a first administrator builds up inventory, adds and removes stock, and reads the change in History', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  const inventory = new Inventory(page);

  await inventory.createLocation('Main store');
  await inventory.createCategory('Fasteners');
  await inventory.createPart('M3 hex nut', '10');
  await inventory.createStockItem('Main store', '25');
  await expect(inventory.totalStock()).toContainText('25');

  await inventory.removeStock('M3 hex nut', 'Main store', '18');
  await expect(inventory.totalStock()).toContainText('7');
  await expect(inventory.totalStock()).not.toContainText('25');

  const history = await inventory.openHistory();
  const removal = history.getByRole('row').filter({ hasText: 'Removed' });
  await expect(removal).toHaveCount(1);
  await expect(removal).toContainText('Ada Lovelace');
  await expect(removal.getByRole('cell').nth(3)).toHaveText('-18');
  await expect(removal.getByRole('cell').nth(4)).toHaveText('7');

  // A negative amount is refused beside the field it belongs to, and nothing changes.
  await page.getByRole('main').getByRole('tab', { name: 'Stock' }).click();
  const dialog = await inventory.openStockAction('M3 hex nut', 'Main store', 'Remove');
  await dialog.getByLabel('Quantity').fill('-5');
  await dialog.getByRole('button', { name: 'Remove stock', exact: true }).click();
  await expect(dialog.getByLabel('Quantity')).toHaveAccessibleDescription(/Quantity cannot be negative/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(inventory.totalStock()).toContainText('7');
});
