import { expect, test } from './fixtures';
import { NotificationCentre } from './pages/notificationCentre';
import { createFirstAdministrator } from './pages/session';
import { lowStockAlerts } from './support/api';

test('a snoozed notification leaves the bell, waits under Snoozed, and comes back live, unread, at its time', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  await lowStockAlerts(page, 2);
  const centre = new NotificationCentre(page);
  await centre.expectUnread(2);

  // From the flyout: one for an hour, the other until a time a few seconds away.
  await centre.openFlyout();
  await centre.flyoutItem('Low stock: Fuse 002').getByRole('button', { name: 'Snooze' }).click();
  await page.getByRole('menuitem', { name: '1 hour' }).click();
  await centre.expectUnread(1);
  await expect(centre.flyoutItem('Low stock: Fuse 002')).toHaveCount(0);

  await centre.flyoutItem('Low stock: Fuse 001').getByRole('button', { name: 'Snooze' }).click();
  await page.getByRole('menuitem', { name: 'Pick a date and time…' }).click();
  const picker = page.getByRole('dialog', { name: 'Snooze until' });
  // Local wall-clock time, as the field takes it, ten seconds from now.
  const soon = await page.evaluate(() => {
    const at = new Date(Date.now() + 10_000);
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  });
  await picker.getByLabel('Back at').fill(soon);
  await picker.getByRole('button', { name: 'Snooze' }).click();
  await expect(picker).toBeHidden();
  await centre.expectUnread(0);
  await expect(centre.flyout().getByText('You have no unread notifications')).toBeVisible();
  await centre.closeFlyout();

  // Both wait under Snoozed, soonest first, each saying when it is back.
  await centre.openInbox();
  await page.getByRole('main').locator('label').filter({ hasText: 'Snoozed' }).click();
  await expect(page.getByRole('radio', { name: /Snoozed/ })).toBeChecked();
  const snoozed = page.getByRole('list', { name: 'Snoozed notifications' });
  await expect(snoozed.getByRole('listitem')).toHaveCount(2);
  await expect(snoozed.getByRole('listitem').first()).toContainText('Low stock: Fuse 001');
  await expect(snoozed.getByRole('listitem').first()).toContainText('Back ');
  if (process.env.STOCKBELL_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/snoozed.png' });

  // Its time comes: back in the bell and the inbox without a reload.
  await centre.expectUnread(1);
  await expect(snoozed.getByRole('listitem')).toHaveCount(1, { timeout: 20_000 });
  await snoozed.getByRole('button', { name: 'Back to inbox now' }).click();
  await centre.expectUnread(2);
  await page.getByRole('main').locator('label').filter({ hasText: 'Unread' }).click();
  await expect(page.getByRole('list', { name: 'Unread notifications' }).getByRole('listitem')).toHaveCount(2);

  // Why did I get this? The subscription, the facts, and each channel.
  await page.getByRole('list', { name: 'Unread notifications' }).getByRole('listitem').first().getByRole('button', { name: 'Why did I get this?' }).click();
  const why = page.getByRole('dialog').filter({ hasText: 'You are subscribed to Flapping fuses.' });
  await expect(why).toBeVisible();
  await expect(why.getByRole('table', { name: 'Delivery' })).toContainText('In the app');
  await expect(why.getByRole('table', { name: 'Delivery' })).toContainText('Email');
  await expect(why).toContainText('Minimum');
  if (process.env.STOCKBELL_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/why-notified.png' });
});
