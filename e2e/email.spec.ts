import { startLoopbackSmtp, type LoopbackSmtp } from '../main/testing/smtpServer';
import { expect, test as base } from './fixtures';
import { EmailSettings } from './pages/emailSettings';
import { signIn } from './pages/session';

/**
 * Worker-scoped, so it stops after the host does: the host's mail connection is gone by then and the
 * server closes at once instead of waiting out its idle timeout.
 */
const test = base.extend<object, { smtp: LoopbackSmtp }>({
  smtp: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from this pattern.
    async ({}, use) => {
      const server = await startLoopbackSmtp();
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
});

test.use({ demo: true });

/** Demo data: alex (administrator) follows the category Passives, which holds this part. */
const admin = { username: 'alex', displayName: 'Alex Morgan', email: 'alex@workshop.example', password: 'stockbell-demo' };
const part = 'Crystal 16MHz';
const instanceName = 'Bench Test';

function subjectsFor(smtp: LoopbackSmtp, recipient: string): string[] {
  return smtp.received.filter((mail) => mail.envelopeTo.includes(recipient)).map((mail) => mail.parsed.subject ?? '');
}

test('an administrator sets up email, and a subscriber is emailed when stock runs low', async ({ app, smtp }) => {
  const { page } = app;
  await signIn(page, admin.username, admin.password);
  await expect(page.getByRole('button', { name: admin.displayName })).toBeVisible();

  const settings = new EmailSettings(page);
  await settings.open();
  await settings.configure({ host: '127.0.0.1', port: smtp.port, security: 'None', sender: 'stockbell@workshop.example', instanceName });
  const result = await settings.sendTestEmail();
  await expect(result).toContainText(`Test email sent to ${admin.email}`);
  await expect.poll(() => subjectsFor(smtp, admin.email).length).toBe(1);

  // Count every stock item of the part down to nothing: whatever the demo spread, it ends below its minimum.
  await page.getByRole('search').getByRole('textbox', { name: 'Search parts' }).fill(part);
  await page.keyboard.press('Enter');
  await page.getByRole('table', { name: 'Parts' }).getByRole('link', { name: part, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: part })).toBeVisible();
  const itemMenus = page.getByRole('button', { name: new RegExp(`^Actions for ${part} at `) });
  await expect(itemMenus.first()).toBeVisible();
  const items = await itemMenus.count();
  for (let index = 0; index < items; index += 1) {
    await itemMenus.nth(index).click();
    await page.getByRole('menuitem', { name: 'Count' }).click();
    const dialog = page.getByRole('dialog', { name: 'Count stock' });
    await dialog.getByLabel('Quantity').fill('0');
    await dialog.getByRole('button', { name: 'Count stock' }).click();
    await expect(dialog).toBeHidden();
  }

  // The mail worker in the host sends on its own; the stock change never waits for it.
  await expect
    .poll(() => subjectsFor(smtp, admin.email), { timeout: 20_000 })
    .toContain(`[${instanceName}] Low stock: ${part}`);
});
