import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoopbackSmtp } from '../main/testing/smtpServer';
import { expect, test } from './fixtures';
import { EmailSettings } from './pages/emailSettings';
import { Inventory } from './pages/inventory';
import { NotificationCentre } from './pages/notificationCentre';
import { createFirstAdministrator, firstAdmin } from './pages/session';
import { startHeadlessHost } from './support/headlessHost';

test('a person sets quiet hours with weekends in their time zone, and finds them kept', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  await page.goto(new URL('#/profile', page.url()).toString());
  const card = page.getByRole('region', { name: 'Quiet hours' });
  await expect(card).toBeVisible();
  await card.getByRole('switch', { name: 'Quiet hours' }).check({ force: true });
  await card.getByLabel('From').fill('18:30');
  await card.getByLabel('Until').fill('07:15');
  await card.getByRole('combobox', { name: 'Time zone' }).click();
  await card.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Lisbon');
  await page.getByRole('option', { name: 'Europe/Lisbon', exact: true }).click();
  await card.getByRole('button', { name: 'Save quiet hours' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Quiet hours saved' })).toBeVisible();
  if (process.env.STOCKBELL_SCREENSHOTS) await card.screenshot({ path: 'docs/screenshots/quiet-hours.png' });

  await page.reload();
  const again = page.getByRole('region', { name: 'Quiet hours' });
  await expect(again.getByRole('switch', { name: 'Quiet hours' })).toBeChecked();
  await expect(again.getByLabel('From')).toHaveValue('18:30');
  await expect(again.getByLabel('Until')).toHaveValue('07:15');
  await expect(again.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Lisbon');
  await expect(again.getByRole('checkbox', { name: 'All of Saturday and Sunday too' })).toBeChecked();
});

test('a crossing in quiet hours reaches the inbox at once, and its email comes as one summary when the hours end', async ({ browser }) => {
  // The host reads the time through a file the test writes: its quiet hours end when the test says.
  test.slow();
  const clockFile = join(mkdtempSync(join(tmpdir(), 'stockbell-clock-')), 'offset');
  writeFileSync(clockFile, '0');
  const host = await startHeadlessHost({ env: { STOCKBELL_CLOCK_OFFSET_FILE: clockFile } });
  const smtp = await startLoopbackSmtp();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    await createFirstAdministrator(page);
    const settings = new EmailSettings(page);
    await settings.open();
    await settings.configure({ host: '127.0.0.1', port: smtp.port, security: 'None', sender: 'stockbell@workshop.example', instanceName: 'Quiet Bench' });
    const inventory = new Inventory(page);
    await inventory.createLocation('Drawer 2');
    await inventory.createCategory('Relays');
    await inventory.createPart('Relay 12V', '10');
    await inventory.createStockItem('Drawer 2', '12');
    await inventory.subscribeToggle().click();
    await expect(inventory.subscribeToggle()).toHaveAttribute('aria-pressed', 'true');
    const partPage = page.url();

    // Quiet from an hour ago until an hour from now, in UTC.
    const hhmm = (offsetHours: number) => new Date(Date.now() + offsetHours * 3_600_000).toISOString().slice(11, 16);
    await page.goto(new URL('#/profile', page.url()).toString());
    const card = page.getByRole('region', { name: 'Quiet hours' });
    await card.getByRole('switch', { name: 'Quiet hours' }).check({ force: true });
    await card.getByLabel('From').fill(hhmm(-1));
    await card.getByLabel('Until').fill(hhmm(1));
    await card.getByRole('checkbox', { name: 'All of Saturday and Sunday too' }).uncheck();
    await card.getByRole('combobox', { name: 'Time zone' }).fill('UTC');
    await page.getByRole('option', { name: 'UTC', exact: true }).click();
    await card.getByRole('button', { name: 'Save quiet hours' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Quiet hours saved' })).toBeVisible();
    // Toasts stack bottom-right, over where the stock row's menu sits, and a pointer resting on them
    // pauses their timers: with the pointer away, they are let go before that menu is clicked.
    await page.mouse.move(0, 0);
    await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 20_000 });

    await page.goto(partPage);
    await inventory.removeStock('Relay 12V', 'Drawer 2', '5');
    const centre = new NotificationCentre(page);
    await centre.expectUnread(1);
    await centre.openInbox();
    await page.getByRole('list', { name: 'Unread notifications' }).getByRole('listitem').first().getByRole('button', { name: 'Why did I get this?' }).click();
    const delivery = page.getByRole('dialog').getByRole('table', { name: 'Delivery' });
    await expect(delivery).toContainText('Held for your quiet hours; it goes out in one summary when they end.');
    expect(smtp.received).toEqual([]);
    await page.keyboard.press('Escape');

    // Two hours later: the quiet hours are over, and the held email goes out as one summary.
    writeFileSync(clockFile, String(2 * 3_600_000));
    await expect.poll(() => smtp.received.length, { timeout: 30_000 }).toBe(1);
    const [summary] = smtp.received;
    expect(summary?.envelopeTo).toEqual([firstAdmin.email]);
    expect(summary?.parsed.subject).toBe('[Quiet Bench] During your quiet hours: 1 notification');
    expect(summary?.parsed.text).toContain('Relay 12V');
  } finally {
    await context.close();
    await host.stop();
    await smtp.stop();
  }
});
