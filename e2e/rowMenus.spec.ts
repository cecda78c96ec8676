import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sectionLink } from './pages/navigation';
import { NotificationCentre } from './pages/notificationCentre';
import { createFirstAdministrator } from './pages/session';
import { lowStockAlerts } from './support/api';

// A row's menu, popover and tooltips are mounted when the row's control is first used: these check
// that the first use, by pointer or keyboard, behaves as a menu that was there all along.

/** Opens the menu from the keyboard (Tab to the button, Enter), walks it with the arrows, and leaves it with Escape. */
async function walkMenuByKeyboard(page: Page, button: Locator, items: (string | RegExp)[]): Promise<void> {
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  for (const item of items) {
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: item, exact: true })).toBeFocused();
  }
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
}

test('row menus, popovers and tooltips open by pointer and keyboard on their first use', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  await lowStockAlerts(page, 3);

  // Stock: the row's actions by keyboard, then by a click that goes on to a dialog.
  await sectionLink(page, 'Stock').click();
  const first = page.getByRole('button', { name: 'Actions for Fuse 001 at Fuse drawer' });
  await expect(first).toHaveAttribute('aria-haspopup', 'menu');
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await walkMenuByKeyboard(page, first, ['Add', 'Remove']);
  await page.keyboard.press('Space');
  await expect(page.getByRole('menuitem', { name: 'Count', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(first).toBeFocused();

  const second = page.getByRole('button', { name: 'Actions for Fuse 002 at Fuse drawer' });
  await second.click();
  await page.getByRole('menuitem', { name: 'Count', exact: true }).click();
  const count = page.getByRole('dialog', { name: /Count/ });
  await expect(count).toBeVisible();
  await count.getByRole('button', { name: 'Cancel' }).click();
  await expect(count).toBeHidden();

  // The time a row was updated gives the exact time on hover.
  await page.getByRole('main').getByRole('row').filter({ hasText: 'Fuse 003' }).locator('time').hover();
  await expect(page.getByRole('tooltip')).toBeVisible();

  // Inbox: Snooze's menu by keyboard and by click, and "Why did I get this?" by keyboard.
  const centre = new NotificationCentre(page);
  await centre.openInbox();
  const row = centre.listItem('Low stock: Fuse 002');
  await walkMenuByKeyboard(page, row.getByRole('button', { name: 'Snooze' }), ['1 hour']);
  await centre.listItem('Low stock: Fuse 001').getByRole('button', { name: 'Snooze' }).click();
  await expect(page.getByRole('menu').getByText('Snooze until')).toBeVisible();
  await page.keyboard.press('Escape');

  const why = row.getByRole('button', { name: 'Why did I get this?' });
  await expect(why).toHaveAttribute('aria-haspopup', 'dialog');
  await why.focus();
  await page.keyboard.press('Enter');
  // Mantine names the popover after its button.
  const answer = page.getByRole('dialog', { name: 'Why did I get this?' });
  await expect(answer).toContainText('You are subscribed to Flapping fuses.');
  await page.keyboard.press('Escape');
  await expect(answer).toBeHidden();
  await expect(why).toBeFocused();

  // The flyout's icon buttons: a tooltip on hover, and the snooze menu by keyboard.
  const flyout = await centre.openFlyout();
  await flyout.getByRole('button', { name: 'Mark as read' }).first().hover();
  await expect(page.getByRole('tooltip', { name: 'Mark as read' })).toBeVisible();
  const flyoutRow = centre.flyoutItem('Low stock: Fuse 003');
  await walkMenuByKeyboard(page, flyoutRow.getByRole('button', { name: 'Snooze' }), ['1 hour', /^Tomorrow morning/]);
  await flyoutRow.getByRole('button', { name: 'Why did I get this?' }).hover();
  await expect(page.getByRole('tooltip', { name: 'Why did I get this?' })).toBeVisible();
  await flyoutRow.getByRole('button', { name: 'Why did I get this?' }).click();
  await expect(page.getByRole('dialog', { name: 'Why did I get this?' })).toContainText('You are subscribed to Flapping fuses.');
});
