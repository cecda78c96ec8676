import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { ImportExport } from './pages/importExport';
import { sectionLink } from './pages/navigation';
import { createFirstAdministrator } from './pages/session';

const DATASET = resolve(import.meta.dirname, '../../shared/datasets/inventree-demo/inventree_data.json');

test('an administrator imports an InvenTree export, watches its progress and reads the summary', async ({ app }) => {
  test.skip(!existsSync(DATASET), `The InvenTree demo export is not on this machine (${DATASET}).`);
  const { page } = app;
  await createFirstAdministrator(page);
  const transfer = new ImportExport(page);
  await transfer.open();

  await transfer.importInvenTree(DATASET);
  await expect(transfer.progress('Overall')).toBeVisible();
  await expect(transfer.progress('Parts')).toBeVisible();
  await expect(transfer.summary().getByText('Import finished')).toBeVisible({ timeout: 60_000 });
  await expect(transfer.progress('Parts')).toHaveAccessibleName('Parts 414 / 414');
  await expect(transfer.importedCount('Parts')).toHaveText('414');

  await sectionLink(page, 'Parts').click();
  await page.getByRole('textbox', { name: 'Filter parts' }).fill('Widget');
  await expect(page.getByRole('table', { name: 'Parts' }).getByRole('link', { name: /Widget/ }).first()).toBeVisible();
});

test('a CSV preview shows each row, refuses to import while a row has an error, and imports once fixed', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  const transfer = new ImportExport(page);
  await transfer.open();

  const preview = await transfer.previewCsv('Parts', {
    name: 'parts.csv',
    content: ['name,ipn,category,minimum_stock', 'Bracket widget,BW-1,Mechanical / Brackets,5', 'Spacer,BW-3,,lots'].join('\n'),
  });
  await expect(preview.getByRole('row', { name: /Bracket widget/ })).toContainText('Create');
  await expect(preview.getByRole('row', { name: /Spacer/ })).toContainText('minimum_stock: Enter a number');
  await expect(transfer.card('CSV import').getByText('Mechanical / Brackets', { exact: true })).toBeVisible();
  await expect(transfer.csvImportButton()).toBeDisabled();
  await expect(transfer.csvImportButton()).toHaveAccessibleDescription(/Fix the row with errors/);

  // Fixed, the same file imports, creating its category on the way.
  await transfer.previewCsv('Parts', {
    name: 'parts.csv',
    content: ['name,ipn,category,minimum_stock', 'Bracket widget,BW-1,Mechanical / Brackets,5', 'Spacer,BW-3,,2'].join('\n'),
  });
  await expect(transfer.csvImportButton()).toHaveText('Import 2 rows');
  await transfer.csvImportButton().click();
  await expect(transfer.card('CSV import').getByRole('table', { name: 'Preview' })).toBeHidden();
  await sectionLink(page, 'Parts').click();
  await expect(page.getByRole('table', { name: 'Parts' }).getByRole('link', { name: 'Bracket widget', exact: true })).toBeVisible();
});
