import { expect, type Locator, type Page } from '@playwright/test';

/** Creating and changing inventory through the app's own forms. */
export class Inventory {
  constructor(private readonly page: Page) {}

  private nav(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });
  }

  private async submitDialog(title: string, fill: (dialog: Locator) => Promise<void>, submit = 'Create'): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    await fill(dialog);
    await dialog.getByRole('button', { name: submit, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  private async expectHeading(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
  }

  /** A top-level category; ends on its page. */
  async createCategory(name: string): Promise<void> {
    await this.nav('Categories').click();
    await this.page.getByRole('main').getByRole('button', { name: 'New category' }).first().click();
    await this.submitDialog('New category', (dialog) => dialog.getByLabel('Name').fill(name));
    await this.expectHeading(name);
  }

  /** A sub-category of the category whose page is open; ends on its page. */
  async createSubCategory(name: string): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: 'New sub-category' }).click();
    await this.submitDialog('New sub-category', (dialog) => dialog.getByLabel('Name').fill(name));
    await this.expectHeading(name);
  }

  /** A part in the category whose page is open; ends on the part's page. */
  async createPart(name: string, minimumStock: string): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: 'New part' }).first().click();
    await this.submitDialog('New part', async (dialog) => {
      await dialog.getByLabel('Name').fill(name);
      await dialog.getByLabel('Minimum stock').fill(minimumStock);
    });
    await this.expectHeading(name);
  }

  async createLocation(name: string): Promise<void> {
    await this.nav('Locations').click();
    await this.page.getByRole('main').getByRole('button', { name: 'New location' }).first().click();
    await this.submitDialog('New location', (dialog) => dialog.getByLabel('Name').fill(name));
    await this.expectHeading(name);
  }

  /** A stock item of the part whose page is open. */
  async createStockItem(location: string, quantity: string): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: 'New stock item' }).click();
    await this.submitDialog('New stock item', async (dialog) => {
      await dialog.getByRole('combobox', { name: 'Location' }).click();
      await this.page.getByRole('option', { name: location, exact: true }).click();
      await dialog.getByLabel('Quantity').fill(quantity);
    });
  }

  /** Opens one of a stock item's row actions (Add, Remove, Count...) on the open page; returns its dialog. */
  async openStockAction(part: string, location: string, action: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Actions for ${part} at ${location}` }).click();
    await this.page.getByRole('menuitem', { name: action, exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Takes stock out of an item listed on the open page. */
  async removeStock(part: string, location: string, quantity: string): Promise<void> {
    await this.page.getByRole('button', { name: `Actions for ${part} at ${location}` }).click();
    await this.page.getByRole('menuitem', { name: 'Remove' }).click();
    await this.submitDialog('Remove stock', (dialog) => dialog.getByLabel('Quantity').fill(quantity), 'Remove stock');
  }

  /** The "Total stock" figure on the open part page, as shown (e.g. "7"). */
  totalStock(): Locator {
    return this.page.getByRole('main').getByRole('region', { name: 'Total stock' });
  }

  /** Opens the History tab of the open part page; returns its table, newest change first. */
  async openHistory(): Promise<Locator> {
    await this.page.getByRole('main').getByRole('tab', { name: 'History' }).click();
    const table = this.page.getByRole('table', { name: 'Stock history' });
    await expect(table).toBeVisible();
    return table;
  }

  /** Follows a breadcrumb of the open page, e.g. up to a parent category. */
  async openCrumb(name: string): Promise<void> {
    await this.page.getByLabel('Breadcrumb').getByRole('link', { name, exact: true }).click();
    await this.expectHeading(name);
  }

  async openPartFromList(name: string): Promise<void> {
    await this.page.getByRole('main').getByRole('link', { name, exact: true }).click();
    await this.expectHeading(name);
  }

  /** The subscription bell in the header of the open part or category page (rows have their own). */
  subscribeToggle(): Locator {
    return this.page.getByRole('main').getByRole('button', { name: 'Subscribe to notifications' }).first();
  }
}
