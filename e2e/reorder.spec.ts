import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openAddress, sectionLink } from './pages/navigation';
import { createFirstAdministrator } from './pages/session';
import { callAsPage } from './support/api';
import { openHostWithClock, removeOnDays } from './support/hostClock';

interface Created {
  id: number;
}

/** A part with one stock item on the shelf; returns the part's and the item's ids. */
async function stockedPart(page: Page, shelf: number, part: { name: string; ipn?: string; minimumStock: string }, quantity: string) {
  const created = await callAsPage<Created>(page, 'parts.create', { units: 'pcs', ...part });
  const item = await callAsPage<Created>(page, 'stock.create', { partId: created.id, locationId: shelf, quantity });
  return { partId: created.id, itemId: item.id };
}

async function sells(page: Page, supplierId: number, partId: number, offer: { sku: string; packSize: string; pricePerPack: string | null; leadTimeDays: number; preferred?: boolean }) {
  await callAsPage(page, 'supplierParts.create', { supplierId, partId, ...offer });
}

test('the reorder list groups what to buy by supplier, explains itself, exports, and becomes a draft order', async ({ browser }) => {
  test.slow();
  // The fuse's record starts 100 days ago, so its use is averaged over the whole 90-day window.
  const host = await openHostWithClock(browser, -100);
  try {
    const { page } = host;
    await createFirstAdministrator(page);
    const shelf = await callAsPage<Created>(page, 'locations.create', { name: 'Shelf A' });
    const mouser = await callAsPage<Created>(page, 'suppliers.create', { name: 'Mouser' });
    const digikey = await callAsPage<Created>(page, 'suppliers.create', { name: 'Digi-Key' });

    // Will run low: 720 used in 90 days is 8 a day, so 280 in stock reaches the minimum of 20 in 32½
    // days, within Mouser's 30-day lead time plus the 7-day margin. Digi-Key is quicker but not preferred.
    const fuse = await stockedPart(page, shelf.id, { name: 'Fuse 2A', ipn: 'FU-2A', minimumStock: '20' }, '1000');
    await sells(page, mouser.id, fuse.partId, { sku: 'F-2A', packSize: '50', pricePerPack: '2.50', leadTimeDays: 30, preferred: true });
    await sells(page, digikey.id, fuse.partId, { sku: 'DK-F2A', packSize: '10', pricePerPack: '0.60', leadTimeDays: 3 });
    // Low, and never taken from: its use is nothing a day.
    const resistor = await stockedPart(page, shelf.id, { name: 'Resistor 10k', minimumStock: '100' }, '40');
    await sells(page, mouser.id, resistor.partId, { sku: 'RC-10K', packSize: '100', pricePerPack: '0.80', leadTimeDays: 10 });
    await removeOnDays(host, fuse.itemId, '240', [-60, -30, 0]);

    // Bought today: too young for an average.
    const led = await stockedPart(page, shelf.id, { name: 'LED red', minimumStock: '50' }, '10');
    await sells(page, digikey.id, led.partId, { sku: 'LED-R', packSize: '25', pricePerPack: '1.10', leadTimeDays: 7 });
    const capacitor = await stockedPart(page, shelf.id, { name: 'Capacitor 100n', minimumStock: '10' }, '12');
    await sells(page, digikey.id, capacitor.partId, { sku: 'C-100N', packSize: '100', pricePerPack: null, leadTimeDays: 7 });
    await stockedPart(page, shelf.id, { name: 'Odd bracket', minimumStock: '5' }, '2');

    await sectionLink(page, 'Reorder').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reorder' })).toBeVisible();
    const explanation = page.getByRole('region', { name: 'How suggestions are worked out' });
    await expect(explanation).toContainText('over the last 90 days');
    await expect(explanation).toContainText('a 7-day safety margin');
    await expect(explanation).toContainText('30 more days of use');

    // Suppliers by name, then the parts nobody sells.
    const groups = page.getByRole('main').locator('section').filter({ has: page.getByRole('heading', { level: 2 }) });
    await expect(groups.getByRole('heading', { level: 2 })).toHaveText(['Digi-Key', 'Mouser', 'No supplier']);

    const mouserLines = page.getByRole('table', { name: 'To reorder from Mouser' });
    const fuseRow = mouserLines.getByRole('row').filter({ hasText: 'Fuse 2A' });
    await expect(fuseRow.getByRole('link', { name: 'Fuse 2A' })).toHaveAttribute('href', `#/parts/${fuse.partId}`);
    await expect(fuseRow).toContainText(/Will run low · \d{1,2} \w{3}/);
    await expect(fuseRow).toContainText('280 / 20 pcs');
    // 20 + 8 a day × (30 + 7 + 30) days = 556; 276 short, in packs of 50.
    await expect(fuseRow).toContainText('300 (6 packs of 50)');
    await expect(fuseRow).toContainText('F-2A');
    await expect(fuseRow).toContainText('15.00');
    const resistorRow = mouserLines.getByRole('row').filter({ hasText: 'Resistor 10k' });
    await expect(resistorRow).toContainText('Low');
    await expect(resistorRow).toContainText('100 (1 pack of 100)');
    await expect(resistorRow).toContainText('0.80');
    await expect(page.getByRole('region', { name: 'Mouser' })).toContainText('about 15.80 at listed pack prices');

    const ledRow = page.getByRole('table', { name: 'To reorder from Digi-Key' }).getByRole('row').filter({ hasText: 'LED red' });
    await expect(ledRow).toContainText('too little history');
    await expect(ledRow).toContainText('50 (2 packs of 25)');
    const nobody = page.getByRole('region', { name: 'No supplier' });
    await expect(nobody).toContainText('No supplier sells these yet — add one on the part’s Suppliers tab.');
    await expect(nobody.getByRole('row').filter({ hasText: 'Odd bracket' })).toContainText('3');
    await expect(nobody.getByRole('button', { name: 'Create draft order' })).toHaveCount(0);

    // A change elsewhere shows at once: the capacitor goes low and joins Digi-Key's group.
    await expect(page.getByRole('table', { name: 'To reorder from Digi-Key' }).getByRole('row')).toHaveCount(2);
    await callAsPage(page, 'stock.remove', { itemId: capacitor.itemId, quantity: '5' });
    const capacitorRow = page.getByRole('table', { name: 'To reorder from Digi-Key' }).getByRole('row').filter({ hasText: 'Capacitor 100n' });
    await expect(capacitorRow).toContainText('100 (1 pack of 100)');
    await expect(page.getByRole('region', { name: 'Digi-Key' })).toContainText('1 part has no price');
    if (process.env.STOCKBELL_SCREENSHOTS) {
      // Tall enough for all three groups, the navbar running the whole height.
      await page.setViewportSize({ width: 1360, height: 1100 });
      await page.mouse.move(1350, 1090);
      await page.screenshot({ path: 'docs/screenshots/reorder.png', animations: 'disabled' });
      await page.setViewportSize({ width: 1360, height: 860 });
    }

    // The list as a spreadsheet.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^reorder-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(csv[0]).toBe('Supplier,Part,IPN,Reason,Stock,Minimum,On order,Daily use,Below minimum on,Target,Suggested,Pack size,SKU,Price per pack');
    expect(csv).toContainEqual(expect.stringMatching(/^Mouser,Fuse 2A,FU-2A,Will run low,280,20,0,8,\d{4}-\d{2}-\d{2},556,300,50,F-2A,2\.50$/));
    // A part already low is below its minimum today.
    expect(csv).toContainEqual(expect.stringMatching(/^Mouser,Resistor 10k,,Low,40,100,0,0,\d{4}-\d{2}-\d{2},100,100,100,RC-10K,0\.80$/));
    expect(csv).toContainEqual(expect.stringMatching(/^Digi-Key,LED red,,Low,10,50,0,,\d{4}-\d{2}-\d{2},50,50,25,LED-R,1\.10$/));
    expect(csv).toContainEqual(expect.stringMatching(/^,Odd bracket,,Low,2,5,0,,\d{4}-\d{2}-\d{2},5,3,,,$/));

    // The administrator orders for longer: a number out of range is refused in place, then saved.
    await openAddress(page, '/settings/notifications');
    const settings = page.getByRole('region', { name: 'Usage forecast' });
    await settings.getByLabel('Average use over (days)').fill('7');
    await settings.getByLabel('Order to last (days)').fill('60');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(settings).toContainText('Look back at least 14 days');
    await settings.getByLabel('Average use over (days)').fill('90');
    await settings.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Forecast settings saved' })).toBeVisible();

    await sectionLink(page, 'Reorder').click();
    await expect(explanation).toContainText('60 more days of use');
    // 20 + 8 × 97 = 796; 516 short.
    await expect(fuseRow).toContainText('550 (11 packs of 50)');

    // One click: Mouser's group as a draft order, due a lead time from today.
    await page.getByRole('region', { name: 'Mouser' }).getByRole('button', { name: 'Create draft order' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'PO-0001' })).toBeVisible();
    await expect(page.getByRole('main').getByText('Draft', { exact: true })).toBeVisible();
    const lines = page.getByRole('table', { name: 'Order lines' });
    await expect(lines.getByRole('row')).toHaveCount(3);
    await expect(lines.getByRole('row').filter({ hasText: 'Fuse 2A' })).toContainText('F-2A');
    await expect(lines.getByRole('row').filter({ hasText: 'Fuse 2A' })).toContainText('550 pcs');
    await expect(lines.getByRole('row').filter({ hasText: 'Resistor 10k' })).toContainText('100 pcs');
    await expect(page.getByRole('main')).toContainText('From Mouser');
  } finally {
    await host.close();
  }
});
