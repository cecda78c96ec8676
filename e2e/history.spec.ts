import { expect, test } from './fixtures';
import { NotificationCentre } from './pages/notificationCentre';
import { createFirstAdministrator } from './pages/session';
import { lowStockAlerts } from './support/api';

test('read notifications are archived out of History, kept under Archived, and found by search', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  await lowStockAlerts(page, 3);
  const centre = new NotificationCentre(page);
  await centre.openFlyout();
  await centre.markAllRead();
  await centre.closeFlyout();
  await centre.openHistory();
  const main = page.getByRole('main');
  await expect(main.getByRole('list', { name: 'Read notifications' }).getByRole('listitem')).toHaveCount(3);

  await centre.listItem('Low stock: Fuse 002').getByRole('button', { name: 'Archive' }).click();
  await expect(centre.listItem('Low stock: Fuse 002')).toHaveCount(0);
  await expect(main.getByRole('list', { name: 'Read notifications' }).getByRole('listitem')).toHaveCount(2);

  // Search by words in History, then among the archived.
  await main.getByRole('textbox', { name: 'Search' }).fill('fuse 003');
  await expect(main.getByRole('list', { name: 'Read notifications' }).getByRole('listitem')).toHaveCount(1);
  await expect(centre.listItem('Low stock: Fuse 003')).toBeVisible();
  await main.locator('label').filter({ hasText: 'Archived' }).click();
  await expect(main.getByText('Nothing matches')).toBeVisible();
  await main.getByRole('textbox', { name: 'Search' }).fill('002');
  await expect(centre.listItem('Low stock: Fuse 002')).toBeVisible();
  if (process.env.STOCKBELL_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/archived.png' });

  // Back to History: it is there again.
  await centre.listItem('Low stock: Fuse 002').getByRole('button', { name: 'Back to History' }).click();
  await expect(main.getByText('Nothing matches')).toBeVisible();
  await main.getByRole('textbox', { name: 'Search' }).fill('');
  await main.locator('label').filter({ hasText: 'History' }).click();
  await expect(main.getByRole('list', { name: 'Read notifications' }).getByRole('listitem')).toHaveCount(3);
});
