import { expect, test } from './fixtures';
import { Inventory } from './pages/inventory';
import { sectionLink } from './pages/navigation';
import { createFirstAdministrator } from './pages/session';

test('a purchase order is put together, placed, and received in two deliveries into stock', async ({ app }) => {
  test.slow();
  const { page } = app;
  await createFirstAdministrator(page);
  const inventory = new Inventory(page);
  await inventory.createLocation('Shelf A');
  await inventory.createCategory('Resistors');
  await inventory.createPart('R 10k', '100');
  const partPage = page.url();

  // The supplier, and what it sells.
  await page.goto(new URL('#/suppliers', page.url()).toString());
  await page.getByRole('main').getByRole('button', { name: 'New supplier' }).first().click();
  const supplierForm = page.getByRole('dialog', { name: 'New supplier' });
  await supplierForm.getByLabel('Name').fill('Mouser');
  await supplierForm.getByLabel('Website').fill('https://mouser.example');
  await supplierForm.getByRole('button', { name: 'Add supplier' }).click();
  await expect(page.getByRole('table', { name: 'Suppliers' }).getByRole('row').filter({ hasText: 'Mouser' })).toBeVisible();

  await page.goto(partPage);
  await page.getByRole('tab', { name: 'Suppliers' }).click();
  await page.getByRole('button', { name: 'Add supplier' }).click();
  const offerForm = page.getByRole('dialog', { name: 'Where to buy R 10k' });
  await offerForm.getByRole('combobox', { name: 'Supplier', exact: true }).click();
  await page.getByRole('option', { name: 'Mouser' }).click();
  await offerForm.getByLabel("Supplier's part number (SKU)").fill('RC0603-10K');
  await offerForm.getByLabel('Pack size').fill('100');
  await offerForm.getByLabel('Price per pack').fill('1.20');
  await offerForm.getByLabel('Lead time (days)').fill('7');
  await offerForm.getByRole('switch', { name: 'Preferred supplier for this part' }).check({ force: true });
  await offerForm.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Suppliers of R 10k' })).toContainText('RC0603-10K');
  await expect(page.getByRole('table', { name: 'Suppliers of R 10k' })).toContainText('Preferred');

  // The order: a draft with one line, then placed.
  await sectionLink(page, 'Purchase orders').click();
  await page.getByRole('main').getByRole('button', { name: 'New purchase order' }).first().click();
  const orderForm = page.getByRole('dialog', { name: 'New purchase order' });
  await orderForm.getByRole('combobox', { name: 'Supplier', exact: true }).click();
  await page.getByRole('option', { name: 'Mouser' }).click();
  await orderForm.getByLabel('Notes').fill('Quote Q-1234');
  await orderForm.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'PO-0001' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Draft');
  const addLine = page.getByRole('form', { name: 'Add a line' });
  await addLine.getByRole('combobox', { name: 'Part', exact: true }).click();
  await page.getByRole('option', { name: 'R 10k (RC0603-10K)' }).click();
  await addLine.getByLabel('Quantity').fill('500');
  await addLine.getByLabel('Expected').fill('2026-12-20');
  await addLine.getByRole('button', { name: 'Add line' }).click();
  const lines = page.getByRole('table', { name: 'Order lines' });
  await expect(lines.getByRole('row').filter({ hasText: 'R 10k' })).toContainText('500');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('main').getByText('Placed', { exact: true })).toBeVisible();

  // On order, on the part's page.
  await lines.getByRole('link', { name: 'R 10k' }).click();
  await page.getByRole('tab', { name: 'Suppliers' }).click();
  await expect(page.getByRole('region', { name: 'On order' })).toContainText('On order: 500');
  await expect(inventory.totalStock()).toContainText('500 on order');
  await page.getByRole('region', { name: 'On order' }).getByRole('link', { name: 'PO-0001' }).click();

  // First delivery: 200 of 500, onto Shelf A.
  await page.getByRole('button', { name: 'Receive' }).click();
  const receive = page.getByRole('dialog', { name: 'Receive PO-0001' });
  await receive.getByLabel('Arrived of R 10k').fill('200');
  await receive.getByRole('button', { name: 'Add to stock' }).click();
  await expect(receive.getByText('Choose where it goes')).toBeVisible();
  await receive.getByRole('combobox', { name: 'Location for R 10k' }).click();
  await page.getByRole('option', { name: 'Shelf A' }).click();
  await receive.getByLabel('Batch of R 10k').fill('LOT-7');
  await receive.getByRole('button', { name: 'Add to stock' }).click();
  await expect(receive).toBeHidden();
  await expect(page.getByRole('main').getByText('Partly received', { exact: true })).toBeVisible();
  await expect(lines.getByRole('row').filter({ hasText: 'R 10k' })).toContainText('300');
  if (process.env.STOCKBELL_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/purchase-order.png' });

  // The rest: the order is received, and the part holds all 500.
  await page.getByRole('button', { name: 'Receive' }).click();
  await receive.getByRole('combobox', { name: 'Location for R 10k' }).click();
  await page.getByRole('option', { name: 'Shelf A' }).click();
  await receive.getByRole('button', { name: 'Add to stock' }).click();
  // The state badge sits in the header, before the lines' Received column.
  await expect(page.getByRole('main').getByText('Received', { exact: true }).first()).toHaveClass(/Badge/);
  await expect(page.getByRole('button', { name: 'Receive' })).toHaveCount(0);
  await lines.getByRole('link', { name: 'R 10k' }).click();
  await expect(inventory.totalStock()).toContainText('500');
});
