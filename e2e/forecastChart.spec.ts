import { expect, test } from './fixtures';
import { openAddress } from './pages/navigation';
import { createFirstAdministrator } from './pages/session';
import { callAsPage } from './support/api';
import { openHostWithClock } from './support/hostClock';

const DAY_MS = 86_400_000;

interface Created {
  id: number;
}

function localDate(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

test('a part\'s forecast says when it falls below its minimum and why, over a chart of its stock, and low parts show their trend', async ({ browser }) => {
  // The host's clock starts 20 days back and is moved a day at a time, so the parts have a record of use.
  const host = await openHostWithClock(browser, -20);
  try {
    const { page, setDay } = host;
    await createFirstAdministrator(page);

    // Fuse 2A: 200 in stock, 6 used a day, 100 more on order from Farnell due in a week.
    const shelf = await callAsPage<Created>(page, 'locations.create', { name: 'Shelf A' });
    const farnell = await callAsPage<Created>(page, 'suppliers.create', { name: 'Farnell' });
    const fuse = await callAsPage<Created>(page, 'parts.create', { name: 'Fuse 2A', minimumStock: '20', units: 'pcs' });
    const fuseItem = await callAsPage<Created>(page, 'stock.create', { partId: fuse.id, locationId: shelf.id, quantity: '200' });
    const offer = await callAsPage<Created>(page, 'supplierParts.create', { supplierId: farnell.id, partId: fuse.id, sku: 'F-2A', packSize: '50', leadTimeDays: 30, preferred: true });
    const order = await callAsPage<Created>(page, 'purchaseOrders.create', { supplierId: farnell.id });
    await callAsPage(page, 'purchaseOrders.addLine', { orderId: order.id, supplierPartId: offer.id, quantity: '100', expectedDate: localDate(Date.now() + 7 * DAY_MS) });
    await callAsPage(page, 'purchaseOrders.place', { id: order.id });
    // Relay 12V: 45 in stock, 2 used a day, which takes it below its minimum of 20.
    const relay = await callAsPage<Created>(page, 'parts.create', { name: 'Relay 12V', minimumStock: '20', units: 'pcs' });
    const relayItem = await callAsPage<Created>(page, 'stock.create', { partId: relay.id, locationId: shelf.id, quantity: '45' });
    for (let day = -19; day <= 0; day += 1) {
      await setDay(day);
      await callAsPage(page, 'stock.adjustMany', {
        changes: [
          { itemId: fuseItem.id, kind: 'remove', quantity: '6' },
          { itemId: relayItem.id, kind: 'remove', quantity: '2' },
        ],
      });
    }

    // 80 left at 6 a day, 100 arriving in a week: below 20 in about 27 days, within 30 days' lead time and 7 days' margin.
    await openAddress(page, `/parts/${fuse.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Fuse 2A' })).toBeVisible();
    await page.getByRole('tab', { name: 'Forecast' }).click();
    const card = page.getByRole('region', { name: 'Stock forecast' });
    await expect(card).toContainText(/Expected below the minimum in 2\d days\./);
    await expect(card).toContainText('Uses about 6 pcs a day (120 pcs removed over the last 20 days).');
    await expect(card).toContainText(/At that pace, with 100 pcs on order arriving .+, stock falls below the minimum of 20 pcs on .+ — 2\d days ahead, within its 30-day lead time \(Farnell, preferred\) plus the 7-day margin\./);
    // Beside the part's name and on the forecast itself.
    await expect(card.getByText('Will run low')).toBeVisible();
    await expect(page.getByText('Will run low')).toHaveCount(2);

    const chart = card.getByRole('img', { name: /^Stock of Fuse 2A from 200 pcs on .+ to 80 pcs today against a minimum of 20 pcs, forecast to fall below it on .+, with PO-0001 bringing 100 pcs on .+\.$/ });
    await expect(chart).toBeVisible();
    await expect(chart.locator('.recharts-legend-wrapper')).toContainText('Stock');
    await expect(chart.locator('.recharts-legend-wrapper')).toContainText('Forecast');
    await expect(chart.getByText('Minimum 20', { exact: true })).toBeVisible();
    await expect(chart.getByText('PO-0001 +100', { exact: true })).toBeVisible();
    await expect(chart.getByText('Today', { exact: true })).toBeVisible();
    // Its tooltip gives the day and the quantity with its units.
    const box = await chart.boundingBox();
    await chart.hover({ position: { x: (box?.width ?? 0) * 0.3, y: (box?.height ?? 0) * 0.5 } });
    await expect(chart.locator('.recharts-tooltip-wrapper')).toContainText(/Stock:\s*\d+ pcs/);
    if (process.env.STOCKBELL_SCREENSHOTS) {
      await page.mouse.move(0, 0);
      await card.screenshot({ path: 'docs/screenshots/part-forecast.png', animations: 'disabled' });
    }

    // A removal elsewhere moves the forecast on this open page.
    await callAsPage(page, 'stock.remove', { itemId: fuseItem.id, quantity: '30', note: '' });
    await expect(card).toContainText('Uses about 7.5 pcs a day (150 pcs removed over the last 20 days).');

    // Low parts with their last 30 days, in words as well as drawn.
    await openAddress(page, '/parts');
    await page.getByRole('main').locator('label').filter({ hasText: 'Low stock only' }).click();
    const table = page.getByRole('table', { name: 'Parts' });
    await expect(table.getByRole('columnheader', { name: 'Last 30 days' })).toBeVisible();
    const row = table.getByRole('row').filter({ hasText: 'Relay 12V' });
    await expect(row.getByRole('img', { name: 'Stock over 21 days: 45 to 5 pcs' })).toBeVisible();
    await expect(row.locator('.recharts-line-curve')).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'Fuse 2A' })).toHaveCount(0);
    if (process.env.STOCKBELL_SCREENSHOTS) {
      await page.mouse.move(0, 0);
      await page.screenshot({ path: 'docs/screenshots/parts-low-trend.png', animations: 'disabled' });
    }
  } finally {
    await host.close();
  }
});
