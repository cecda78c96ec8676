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

  /** Chooses an InvenTree export (a file on disk, or one made by the test) and starts importing it. */
  async importInvenTree(file: string | { name: string; content: string }): Promise<void> {
    const card = this.card('InvenTree export (JSON)');
    const chosen = typeof file === 'string' ? file : { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.content) };
    await this.chooseFile(this.fileInput(), chosen);
    await card.getByRole('button', { name: 'Import', exact: true }).click();
  }

  /** The bar of one phase ("Parts"), of the whole import ("Overall"), or of the file's upload ("Upload"). */
  progress(phase: string): Locator {
    return this.card('InvenTree export (JSON)').getByRole('progressbar', { name: new RegExp(`^${phase}( |$)`) });
  }

  /** The file input; why a chosen file was not taken is its accessible description. */
  fileInput(): Locator {
    return this.card('InvenTree export (JSON)').getByRole('button', { name: 'InvenTree export file' });
  }

  /** The answer to an export with problems: nothing imported, the problems, and the choice to import anyway. */
  refusal(): Locator {
    return this.card('InvenTree export (JSON)').getByRole('alert').filter({ hasText: 'Nothing was imported' });
  }

  async importAnyway(): Promise<void> {
    await this.refusal().getByRole('button', { name: 'Import anyway' }).click();
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
