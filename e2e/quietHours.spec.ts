import { expect, test } from './fixtures';
import { createFirstAdministrator } from './pages/session';

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
