import { expect, type Locator, type Page } from '@playwright/test';
import { sectionLink } from './navigation';

/** Settings > Backups: making backups and restoring one. */
export class Backups {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await sectionLink(this.page, 'Settings').click();
    await this.page.getByRole('navigation', { name: 'Settings pages' }).getByRole('link', { name: 'Backups' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Backups' });
  }

  /** Makes a backup and returns its file name, as the toast reports it. */
  async backUpNow(): Promise<string> {
    await this.page.getByRole('button', { name: 'Back up now' }).click();
    const toast = this.page.getByRole('status').filter({ hasText: 'Backup made' });
    await expect(toast).toBeVisible();
    const name = (await toast.textContent())?.match(/stockbell-[\w-]+\.db/)?.[0];
    if (!name) throw new Error('The toast did not name the backup.');
    await expect(this.table().getByRole('row').filter({ hasText: name })).toBeVisible();
    return name;
  }

  /**
   * Restores a backup through its confirmation dialog, which first names who can administer the
   * restored inventory; returns the name of the backup of what was replaced.
   */
  async restore(name: string, administrators: string[]): Promise<string> {
    await this.table().getByRole('row').filter({ hasText: name }).getByRole('button', { name: /^Restore/ }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Restore this backup?' });
    await expect(dialog).toContainText(`Administrators afterwards: ${administrators.join(', ')}`);
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(dialog).toBeHidden();
    const toast = this.page.getByRole('status').filter({ hasText: 'Backup restored' });
    await expect(toast).toBeVisible();
    const saved = (await toast.textContent())?.match(/stockbell-[\w-]+-before-restore\.db/)?.[0];
    if (!saved) throw new Error('The toast did not name the backup of the current state.');
    return saved;
  }
}
