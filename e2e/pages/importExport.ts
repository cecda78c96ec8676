import { expect, type Locator, type Page } from '@playwright/test';
import { sectionLink } from './navigation';

export interface CsvFile {
  name: string;
  content: string;
}

/** The Import & export page: InvenTree import with its progress and summary, CSV preview and import. */
export class ImportExport {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await sectionLink(this.page, 'Import & export').click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Import & export' })).toBeVisible();
  }

  card(name: 'InvenTree export (JSON)' | 'CSV import' | 'CSV export'): Locator {
    return this.page.getByRole('region', { name });
  }

  /** Mantine's file inputs are buttons that open the chooser. */
  private async chooseFile(button: Locator, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await button.click();
    await (await chooser).setFiles(file);
  }

  /** Chooses an InvenTree export and starts importing it; confirms when the inventory is not empty. */
  async importInvenTree(path: string): Promise<void> {
    const card = this.card('InvenTree export (JSON)');
    await this.chooseFile(card.getByRole('button', { name: 'InvenTree export file' }), path);
    await card.getByRole('button', { name: 'Import', exact: true }).click();
  }

  progress(phase: string): Locator {
    return this.card('InvenTree export (JSON)').getByRole('progressbar', { name: new RegExp(`^${phase}( |$)`) });
  }

  summary(): Locator {
    return this.page.getByRole('region', { name: 'Import summary' });
  }

  /** The count in the summary's "Imported" table for one kind of record, e.g. "Parts". */
  importedCount(kind: string): Locator {
    return this.summary().getByRole('table', { name: 'Imported' }).getByRole('row', { name: new RegExp(`^${kind} `) }).getByRole('cell');
  }

  /** Chooses what to import and a CSV file, and asks for the preview table. */
  async previewCsv(kind: 'Parts' | 'Stock items', file: CsvFile): Promise<Locator> {
    const card = this.card('CSV import');
    await card.getByText(kind, { exact: true }).click();
    await expect(card.getByRole('radio', { name: kind })).toBeChecked();
    await this.chooseFile(card.getByRole('button', { name: 'CSV file' }), { name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.content) });
    await card.getByRole('button', { name: 'Preview' }).click();
    const table = card.getByRole('table', { name: 'Preview' });
    await expect(table).toBeVisible();
    return table;
  }

  csvImportButton(): Locator {
    return this.card('CSV import').getByRole('button', { name: /^Import \d+ rows?$/ });
  }
}
