import { expect, test } from './fixtures';
import { Backups } from './pages/backups';
import { Inventory } from './pages/inventory';
import { sectionLink } from './pages/navigation';
import { createFirstAdministrator, firstAdmin, signIn } from './pages/session';

test('an administrator backs up, keeps working, and restores the backup', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  const inventory = new Inventory(page);
  const backups = new Backups(page);

  await inventory.createCategory('Before backup');
  await backups.open();
  const backup = await backups.backUpNow();
  await expect(backups.table().getByRole('row').filter({ hasText: backup })).toContainText('Manual');

  await inventory.createCategory('After backup');
  await backups.open();
  const savedState = await backups.restore(backup, [firstAdmin.username]);
  // A restore signs everyone out: the people of the restored inventory sign in again.
  await signIn(page, firstAdmin.username, firstAdmin.password);
  await backups.open();
  await expect(backups.table().getByRole('row').filter({ hasText: savedState })).toContainText('Before restore');

  await sectionLink(page, 'Categories').click();
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'Before backup' }).first()).toBeVisible();
  await expect(main.getByText('After backup')).toHaveCount(0);
});
