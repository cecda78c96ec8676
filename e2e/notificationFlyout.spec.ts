import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { Backups } from './pages/backups';
import { NotificationCentre } from './pages/notificationCentre';
import { createFirstAdministrator } from './pages/session';
import { lowStockAlerts } from './support/api';

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox();
  if (!found) throw new Error('Not on screen');
  return found;
}

function overlap(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): number {
  const width = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const height = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return width * height;
}

test('marking notifications read from the keyboard keeps focus in the flyout, down to its empty state', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  await lowStockAlerts(page, 3);
  const centre = new NotificationCentre(page);
  await centre.expectUnread(3);
  const flyout = await centre.openFlyout();
  const markButtons = flyout.getByRole('button', { name: 'Mark as read' });
  await expect(markButtons).toHaveCount(3);

  await markButtons.nth(1).focus();
  for (const left of [2, 1]) {
    await page.keyboard.press('Enter');
    await expect(markButtons).toHaveCount(left);
    await expect(flyout.getByRole('button', { name: 'Mark as read' }).and(page.locator(':focus'))).toHaveCount(1);
  }
  await page.keyboard.press('Enter');
  await expect(flyout.getByText('You have no unread notifications')).toBeVisible();
  await expect(page.locator('[data-empty-flyout]')).toBeFocused();
});

test('a hundred unread leave the bell visible, toasts stay clear of the flyout, and the inbox turns pages to their top', async ({ app }) => {
  // A hundred and five crossings before the first look: more than a minute on a busy machine.
  test.slow();
  const { page } = app;
  await createFirstAdministrator(page);
  await lowStockAlerts(page, 105);
  const centre = new NotificationCentre(page);
  await centre.expectUnread(105);

  // The "99+" badge sits on the bell's corner and leaves most of the bell to be seen.
  const icon = centre.bell().locator('svg');
  const badge = centre.unreadCount();
  const iconBox = await box(icon);
  expect(overlap(iconBox, await box(badge)) / (iconBox.width * iconBox.height)).toBeLessThan(0.2);

  // A toast raised just before the flyout opens moves aside: "View all" stays visible.
  await new Backups(page).open();
  await page.getByRole('button', { name: 'Back up now' }).click();
  const toast = page.getByRole('status').filter({ hasText: 'Backup made' });
  await expect(toast).toBeVisible();
  const flyout = await centre.openFlyout();
  const viewAll = flyout.getByRole('link', { name: 'View all' });
  await expect(async () => {
    expect(overlap(await box(toast), await box(flyout))).toBe(0);
  }).toPass();
  expect(overlap(await box(toast), await box(viewAll))).toBe(0);

  // The inbox's next page starts at its first row, not where the page control was.
  await viewAll.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  const list = page.getByRole('main').getByRole('list', { name: 'Unread notifications' });
  await expect(list.getByRole('listitem')).toHaveCount(25);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Showing 26–50 of 105 notifications')).toBeVisible();
  await expect(list.getByRole('listitem').first()).toBeInViewport();
  await expect(list).toBeFocused();
});
