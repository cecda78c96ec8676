import { expect, type Locator, type Page } from '@playwright/test';
import { sectionLink } from './navigation';

export interface NewBuildOrder {
  /** Left out on an assembly's page, where the form starts with it chosen. */
  assembly?: string;
  quantity: string;
}

/** Bills of materials, build orders and completing them, as a person does it. */
export class BuildOrders {
  constructor(private readonly page: Page) {}

  private main(): Locator {
    return this.page.getByRole('main');
  }

  /** Opens a part's page through the Parts list search. */
  async openPart(name: string): Promise<void> {
    await sectionLink(this.page, 'Parts').click();
    await this.page.getByRole('textbox', { name: 'Filter parts' }).fill(name);
    await this.page.getByRole('table', { name: 'Parts' }).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
  }

  /** The "Total stock" figure on the open part page, as a number. */
  async totalStock(): Promise<number> {
    const text = (await this.main().getByRole('region', { name: 'Total stock' }).textContent()) ?? '';
    const match = /Total stock\s*(-?[\d,]+(?:\.\d+)?)/.exec(text);
    if (!match?.[1]) throw new Error(`No total stock in "${text}"`);
    return Number(match[1].replace(/,/g, ''));
  }

  async expectTotalStock(value: number): Promise<void> {
    await expect(async () => expect(await this.totalStock()).toBe(value)).toPass({ timeout: 10_000 });
  }

  async openBomTab(): Promise<Locator> {
    await this.main().getByRole('tab', { name: 'BOM' }).click();
    const table = this.page.getByRole('table', { name: 'Bill of materials' });
    await expect(table).toBeVisible();
    return table;
  }

  /** The first line of the open assembly's bill of materials: the part and how many one assembly uses. */
  async firstBomLine(): Promise<{ part: string; perAssembly: number }> {
    const table = await this.openBomTab();
    const row = table.getByRole('row').nth(1);
    const part = await row.getByRole('link').first().textContent();
    const quantity = await row.getByRole('cell').nth(1).textContent();
    if (!part || !quantity) throw new Error('The bill of materials has no lines');
    return { part, perAssembly: Number(quantity.replace(/[^\d.]/g, '')) };
  }

  async openList(): Promise<void> {
    await sectionLink(this.page, 'Build orders').click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Build orders' })).toBeVisible();
  }

  /** Fills and submits "New build order" (from the list, or an assembly's BOM tab); returns the new order's reference. */
  async create(order: NewBuildOrder): Promise<string> {
    await this.main().getByRole('button', { name: 'New build order' }).first().click();
    const dialog = this.page.getByRole('dialog', { name: 'New build order' });
    await expect(dialog.getByLabel('Reference')).toHaveValue(/\S/);
    if (order.assembly) {
      await dialog.getByRole('combobox', { name: 'Assembly' }).fill(order.assembly);
      await this.page.getByRole('option', { name: new RegExp(`^${escape(order.assembly)}( \\(|$)`) }).click();
    }
    await dialog.getByLabel('Quantity').fill(order.quantity);
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await expect(dialog).toBeHidden();
    const heading = this.page.getByRole('heading', { level: 1, name: /^BO-/ });
    await expect(heading).toBeVisible();
    return (await heading.textContent()) ?? '';
  }

  requirements(): Locator {
    return this.page.getByRole('table', { name: 'Required materials' });
  }

  /** Names of the parts marked "Short" on the open order. */
  async shortParts(): Promise<string[]> {
    const rows = this.requirements().getByRole('row').filter({ has: this.page.getByText('Short', { exact: true }) });
    await expect(rows.first()).toBeVisible();
    return rows.getByRole('link').allTextContents();
  }

  /** Completes the open order into `location` (as listed in the select, e.g. "Workshop / Shelf A"). */
  async complete(location: string): Promise<void> {
    await this.main().getByRole('button', { name: 'Complete', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Complete build order' });
    await dialog.getByRole('combobox', { name: 'Destination location' }).click();
    await this.page.getByRole('option', { name: location, exact: true }).click();
    await dialog.getByRole('button', { name: 'Complete build' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.main().getByText('Complete', { exact: true }).first()).toBeVisible();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
