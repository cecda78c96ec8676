import { expect, test } from './fixtures';
import { Inventory } from './pages/inventory';
import { openAddress } from './pages/navigation';
import { NotificationCentre } from './pages/notificationCentre';
import { createFirstAdministrator } from './pages/session';
import { callAsPage } from './support/api';
import { openHostWithClock, removeOnDays } from './support/hostClock';

interface Created {
  id: number;
}

test('a follower hears "Will run low" when a removal brings the projection within lead time plus margin, and can see why', async ({ browser }) => {
  test.slow();
  // The part's record starts 100 days ago; two removals since are too few for an average.
  const host = await openHostWithClock(browser, -100);
  try {
    const { page } = host;
    await createFirstAdministrator(page);
    const shelf = await callAsPage<Created>(page, 'locations.create', { name: 'Shelf A' });
    const mouser = await callAsPage<Created>(page, 'suppliers.create', { name: 'Mouser' });
    const fuse = await callAsPage<Created>(page, 'parts.create', { name: 'Fuse 2A', minimumStock: '20', units: 'pcs' });
    const item = await callAsPage<Created>(page, 'stock.create', { partId: fuse.id, locationId: shelf.id, quantity: '1000' });
    await callAsPage(page, 'supplierParts.create', { supplierId: mouser.id, partId: fuse.id, sku: 'F-2A', packSize: '50', leadTimeDays: 30, preferred: true });
    await callAsPage(page, 'subscriptions.subscribe', { kind: 'part', id: fuse.id });
    await removeOnDays(host, item.id, '240', [-60, -30]);
    await host.setDay(0);

    const centre = new NotificationCentre(page);
    await openAddress(page, `/parts/${fuse.id}`);
    await centre.expectUnread(0);

    // 720 used in 90 days is 8 a day: 280 left reaches the minimum of 20 in 32½ days, within Mouser's
    // 30-day lead time plus the 7-day margin.
    await new Inventory(page).removeStock('Fuse 2A', 'Shelf A', '240');
    await centre.expectUnread(1);
    await centre.openFlyout();
    const notice = centre.flyoutItem('Will run low: Fuse 2A');
    await expect(notice).toContainText('At about 8 pcs a day, Fuse 2A is projected to fall below its minimum of 20 pcs on');
    await expect(notice).toContainText('within its 30-day lead time plus the 7-day margin');

    await centre.closeFlyout();

    // Why: the subscription, and the forecast's facts.
    await centre.openInbox();
    await centre.listItem('Will run low: Fuse 2A').getByRole('button', { name: 'Why did I get this?' }).click();
    const why = page.getByRole('dialog').filter({ hasText: 'You are subscribed to this part.' });
    await expect(why).toBeVisible();
    await expect(why).toContainText('Average use8 pcs a day');
    await expect(why).toContainText(/Projected below minimum\w{3}, \d{1,2} \w{3} \d{4}/);
    await expect(why).toContainText('Lead time30 days');
    if (process.env.STOCKBELL_SCREENSHOTS) {
      await expect(page.getByRole('status').filter({ hasText: 'Stock removed' })).toBeHidden();
      await page.mouse.move(1350, 850);
      await page.screenshot({ path: 'docs/screenshots/will-run-low.png', animations: 'disabled' });
    }

    // Each person chooses where it reaches them, like every other kind.
    await openAddress(page, '/profile');
    const preferences = page.getByRole('table', { name: 'Notification preferences' });
    await expect(preferences.getByRole('row').filter({ hasText: 'Will run low (usage forecast)' })).toBeVisible();
  } finally {
    await host.close();
  }
});
