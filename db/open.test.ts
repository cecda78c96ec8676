import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openDatabase } from './open';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stockbell-open-'));
  dirs.push(dir);
  return join(dir, 'stockbell.db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('opening the database', () => {
  it('applies the generated migrations with foreign keys and WAL on', async () => {
    const db = await openDatabase(tempFile());
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.$client.prepare("select name from sqlite_master where type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['users', 'parts', 'part_categories', 'stock_items', 'stock_movements']));
    db.$client.close();
  });

  it('opens an existing file again without re-running migrations', async () => {
    const file = tempFile();
    (await openDatabase(file)).$client.close();
    const again = await openDatabase(file);
    const applied = again.$client.prepare('select count(*) from __drizzle_migrations').pluck().get();
    const journal = JSON.parse(readFileSync(join(defaultMigrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(applied).toBe(journal.entries.length);
    again.$client.close();
  });

  it('refuses a file that is not a database and closes it', async () => {
    const file = tempFile();
    writeFileSync(file, 'this is not sqlite'.repeat(100));
    await expect(openDatabase(file)).rejects.toThrow(/not a Stockbell database/);
  });
});
