import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticExport } from '../main/core/import/syntheticExport';
import { expect, test } from './fixtures';
import { ImportExport } from './pages/importExport';
import { createFirstAdministrator } from './pages/session';

// Exports as they arrive in real use: larger than one request, not an export at all, too large, and
// with references to records the file does not hold.

let folder: string;
test.beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'stockbell-e2e-exports-'));
});
test.afterEach(() => rmSync(folder, { recursive: true, force: true }));

test('an export over 16 MB uploads with its own progress bar, then imports', async ({ app }, testInfo) => {
  test.skip(testInfo.project.metadata.host === 'electron', 'The desktop app passes the file in the call; uploads are the browser’s way.');
  const { page } = app;
  await createFirstAdministrator(page);
  const transfer = new ImportExport(page);
  await transfer.open();
  const large = syntheticExport(20 * 1024 * 1024);
  const file = join(folder, 'large-export.json');
  writeFileSync(file, large.content);

  // Slowed to 8 MB/s, as over a busy network, so the upload is there to be seen.
  const network = await page.context().newCDPSession(page);
  await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 8 * 1024 * 1024 });
  await transfer.importInvenTree(file);
  await expect(transfer.progress('Upload')).toBeVisible();
  await expect(transfer.card('InvenTree export (JSON)').getByText('Uploading the file…')).toBeVisible();

  await expect(transfer.summary().getByText('Import finished')).toBeVisible({ timeout: 60_000 });
  await expect(transfer.progress('Upload')).toHaveAccessibleName(/^Upload (\d+) MB \/ \1 MB$/);
  await expect(transfer.importedCount('Parts')).toHaveText(large.parts.toLocaleString('en-US'));
  await expect(transfer.progress('Parts')).toHaveAccessibleName(`Parts ${large.parts} / ${large.parts}`);
});

test('a large file that is not an export is refused at once, before anything is uploaded', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  const transfer = new ImportExport(page);
  await transfer.open();
  const junk = join(folder, 'photos.json');
  writeFileSync(junk, Buffer.alloc(50 * 1024 * 1024, 'PK\u0003\u0004 not json at all '));
  const uploads: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/upload') || request.url().includes('/api/call/import.inventree')) uploads.push(request.url());
  });

  const started = Date.now();
  await transfer.importInvenTree(junk);
  await expect(transfer.fileInput()).toHaveAccessibleDescription(/This file is not an InvenTree export: it does not start like a JSON list of records/, { timeout: 5_000 });
  expect(Date.now() - started).toBeLessThan(5_000);

  // Over the limit (a sparse file: it takes no room on disk), refused from its size alone.
  const huge = join(folder, 'huge-export.json');
  writeFileSync(huge, '');
  truncateSync(huge, 201 * 1024 * 1024);
  await transfer.importInvenTree(huge);
  await expect(transfer.fileInput()).toHaveAccessibleDescription(/This file \(201 MB\) is larger than (200|64) MB/, { timeout: 5_000 });
  expect(uploads).toEqual([]);
});

test('an export with a broken reference is refused with its problems, and imported only when asked', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  const transfer = new ImportExport(page);
  await transfer.open();
  const content = JSON.stringify([
    { model: 'auth.user', pk: 7, fields: { username: 'casey', first_name: 'Casey', is_active: true } },
    { model: 'part.partcategory', pk: 1, fields: { name: 'Passives', parent: null } },
    { model: 'part.partcategory', pk: 2, fields: { name: 'Resistors', parent: 1 } },
    { model: 'part.part', pk: 1, fields: { name: 'Resistor 10k', category: 2, active: true } },
    { model: 'part.part', pk: 2, fields: { name: 'Stray capacitor', category: 999999, active: true } },
    { model: 'part.partstar', pk: 1, fields: { user: 7, part: 1 } },
    { model: 'part.partcategorystar', pk: 1, fields: { user: 7, category: 1 } },
    { model: 'part.partcategorystar', pk: 2, fields: { user: 7, category: 2 } },
  ]);

  await transfer.importInvenTree({ name: 'broken.json', content });
  await expect(transfer.refusal()).toContainText('Nothing was imported: the file has 1 problem');
  await expect(transfer.refusal().getByRole('list', { name: 'Problems' })).toHaveText('Part "Stray capacitor" refers to a missing category #999999.');
  await expect(transfer.refusal().getByRole('group', { name: 'Importing anyway adds' })).toContainText('Parts · 2');
  await expect(transfer.summary()).toBeHidden();

  await transfer.importAnyway();
  await expect(transfer.summary().getByText('Import finished')).toBeVisible();
  await expect(transfer.refusal()).toBeHidden();
  await expect(transfer.importedCount('Parts')).toHaveText('2');
  await expect(transfer.summary().getByRole('list', { name: 'Problems' })).toHaveText('Part "Stray capacitor" refers to a missing category #999999.');
  // Each subscriptions phase has its own bar, ending at its own count.
  await expect(transfer.progress('Part subscriptions')).toHaveAccessibleName('Part subscriptions 1 / 1');
  await expect(transfer.progress('Category subscriptions')).toHaveAccessibleName('Category subscriptions 2 / 2');
});

test('an empty export is refused as nothing to import', async ({ app }) => {
  const { page } = app;
  await createFirstAdministrator(page);
  const transfer = new ImportExport(page);
  await transfer.open();
  await transfer.importInvenTree({ name: 'empty.json', content: '[]' });
  await expect(transfer.fileInput()).toHaveAccessibleDescription('This export is empty: there is nothing to import.');
  await expect(transfer.summary()).toBeHidden();
});
