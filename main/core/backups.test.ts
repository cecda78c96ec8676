import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, openTestRuntime, type TestRuntime } from '../testing/runtime';
import { backupFolder } from '../../db/backup';

let app: TestRuntime;
beforeEach(async () => {
  app = await openTestRuntime();
});
afterEach(() => app.close());

describe('backups', () => {
  it('backs up now and restores that state later, keeping a backup of what it replaced', async () => {
    const shelf = await app.call('locations.create', { name: 'Shelf' });
    const part = await app.call('parts.create', { name: 'Kept part' });
    const item = await app.call('stock.create', { partId: part.id, locationId: shelf.id, quantity: '10' });
    const backup = await app.call('backup.create', {});
    expect(backup.name).toMatch(/^stockbell-\d{8}-\d{9}-manual\.db$/);

    await app.call('stock.remove', { itemId: item.id, quantity: '4' });
    await app.call('parts.create', { name: 'Added after the backup' });
    const restored = await app.call('backup.restore', { name: backup.name });
    expect(restored.backupOfCurrent).toMatch(/before-restore\.db$/);

    const names = (await app.call('parts.list', {})).rows.map((row) => row.name);
    expect(names).toEqual(['Kept part']);
    expect((await app.call('parts.get', { id: part.id })).part.stockTotal).toBe('10');
    expect(app.core.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(app.core.db.$client.pragma('foreign_key_check')).toEqual([]);
    expect((await app.call('backup.list', {})).map((entry) => entry.name)).toEqual(expect.arrayContaining([backup.name, restored.backupOfCurrent]));
    // Writes carry on as normal afterwards.
    await app.call('stock.add', { itemId: item.id, quantity: '1' });
  });

  it('refuses a file that is not a Stockbell database, changing nothing', async () => {
    await app.call('parts.create', { name: 'Still here' });
    await app.call('backup.create', {});
    writeFileSync(join(backupFolder(app.dataDir), 'holiday-photos.db'), 'not a database at all'.repeat(500));
    const refused = await failure(app.call('backup.restore', { name: 'holiday-photos.db' }));
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toMatch(/holiday-photos\.db cannot be restored: .*not a Stockbell database/);
    expect((await app.call('parts.list', {})).rows.map((row) => row.name)).toEqual(['Still here']);
    expect((await failure(app.call('backup.restore', { name: '../stockbell.db' }))).code).toBe('NOT_FOUND');
    expect((await failure(app.call('backup.restore', { name: 'missing.db' }))).code).toBe('NOT_FOUND');
  });
});
