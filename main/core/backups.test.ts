import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, openTestRuntime, TEST_PASSWORD, type TestRuntime } from '../testing/runtime';
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
    await app.call('session.signIn', { username: 'test.person', password: TEST_PASSWORD });

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

  it('refuses a backup whose tables are views or triggers, before reading them', async () => {
    const backup = await app.call('backup.create', {});
    tamper(backup.name, (db) =>
      db.exec(`drop table settings;
        create view settings as with recursive counter(n) as (select 1 union all select n + 1 from counter where n < 100000000)
        select 'k' || n as key, '1' as value from counter;`),
    );
    const started = Date.now();
    const refused = await failure(app.call('backup.restore', { name: backup.name }));
    expect(refused.message).toMatch(/contains a view \("settings"\)/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses impossible data: a total that is not the sum of its stock, a negative unread count, nobody to administer it', async () => {
    const shelf = await app.call('locations.create', { name: 'Shelf' });
    const part = await app.call('parts.create', { name: 'Counted' });
    await app.call('stock.create', { partId: part.id, locationId: shelf.id, quantity: '10' });
    const backup = await app.call('backup.create', {});
    tamper(backup.name, (db) => {
      db.prepare('update parts set stock_total = stock_total + 100000 where id = ?').run(part.id);
      db.exec('update users set unread_notifications = -3');
      db.exec("update users set role = 'member'");
    });
    const verdict = await app.call('backup.inspect', { name: backup.name });
    expect(verdict.problems).toEqual([
      '1 part shows a stock total that is not the sum of its stock.',
      '1 person has an unread count that does not match their notifications.',
      'Nobody in it could sign in as an administrator.',
    ]);
    expect((await failure(app.call('backup.restore', { name: backup.name }))).code).toBe('INVALID_INPUT');
    expect((await app.call('parts.get', { id: part.id })).part.stockTotal).toBe('10');
  });

  it('names the administrators a backup would bring, including one planted in it', async () => {
    const backup = await app.call('backup.create', {});
    tamper(backup.name, (db) =>
      db.prepare("insert into users (username, display_name, role, password_hash, created_at) values ('planted', 'Planted', 'admin', 'scrypt$1$1$1$AA$AA', 0)").run(),
    );
    const verdict = await app.call('backup.inspect', { name: backup.name });
    expect(verdict.summary.administrators).toEqual(['planted', 'test.person']);
    expect(verdict.problems).toEqual([]);
  });

  it('keeps answering while it restores, and signs everyone out afterwards', async () => {
    const member = await app.signIn('Member');
    const shelf = await app.call('locations.create', { name: 'Shelf' });
    const part = await app.call('parts.create', { name: 'Many items' });
    for (let index = 0; index < 30; index += 1) await app.call('stock.create', { partId: part.id, locationId: shelf.id, quantity: '1' });
    const backup = await app.call('backup.create', {});
    let restored = false;
    const restoring = app.call('backup.restore', { name: backup.name }).then(() => (restored = true));
    // A read sent after the restore started is answered before it ends.
    await new Promise((resolve) => setImmediate(resolve));
    const read = await app.call('parts.list', {});
    expect(read.rows.length).toBeGreaterThan(0);
    expect(restored).toBe(false);
    const write = await failure(app.call('parts.create', { name: 'During the restore' }));
    expect(write.message).toMatch(/restoring a backup/);
    await restoring;
    for (const session of [app.session, member]) expect(await app.dispatch('parts.list', {}, session)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const again = await app.call('session.signIn', { username: 'test.person', password: TEST_PASSWORD }, app.session);
    expect(again.username).toBe('test.person');
  });
});

/** Changes a backup file behind Stockbell's back, as someone with access to the folder could. */
function tamper(name: string, change: (db: Database.Database) => void): void {
  const db = new Database(join(backupFolder(app.dataDir), name));
  try {
    change(db);
  } finally {
    db.close();
  }
}
