import { expect, type Locator, type Page } from '@playwright/test';
import type { Account } from './session';
import { sectionLink } from './navigation';

export interface NewUser extends Account {
  role: 'Member' | 'Administrator';
}

/** The administrators' Users page: the table of accounts, its row menus and dialogs. */
export class UsersPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await sectionLink(this.page, 'Users').click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Users' });
  }

  row(username: string): Locator {
    return this.table().getByRole('row').filter({ has: this.page.getByRole('cell', { name: username, exact: true }) });
  }

  async create(user: NewUser): Promise<void> {
    await this.page.getByRole('button', { name: 'New user' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel('Username').fill(user.username);
    await dialog.getByLabel('Display name').fill(user.displayName);
    await dialog.getByLabel('Email').fill(user.email);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await this.page.getByRole('option', { name: user.role, exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill(user.password);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(this.row(user.username)).toBeVisible();
  }

  /** Opens the row menu of `username` and picks an item (Edit, Reset password, Deactivate, Activate). */
  async rowAction(username: string, item: string): Promise<void> {
    await this.page.getByRole('button', { name: `Actions for ${username}`, exact: true }).click();
    await this.page.getByRole('menuitem', { name: item, exact: true }).click();
  }
}
