import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { backupFile, backupFolder, describeBackup, type BackupFile } from '../../db/backup';
import { DatabaseRefused, openDatabase, type OpenOptions } from '../../db/open';
import type { Core } from './core';
import { DomainError } from './errors';

const REQUIRED_TABLES = ['users', 'parts', 'part_categories', 'stock_items', 'stock_movements', 'notifications'];

export async function backUpNow(core: Core, dataDir: string): Promise<BackupFile> {
  return describeBackup(await backupFile(core.db.$client, backupFolder(dataDir), 'manual'));
}

/**
 * Replaces the whole inventory with a backup's, in one transaction. The backup is first checked and
 * brought to this version's schema on a temporary copy, so the backup itself is never changed, and
 * the current state is backed up before anything is replaced.
 */
export async function restoreBackup(core: Core, dataDir: string, name: string, options: OpenOptions = {}): Promise<{ backupOfCurrent: string }> {
  if (!/^[\w.-]+\.db$/.test(name) || !existsSync(join(backupFolder(dataDir), name))) {
    throw new DomainError('NOT_FOUND', 'That backup does not exist.');
  }
  const scratch = mkdtempSync(join(tmpdir(), 'stockbell-restore-'));
  const copy = join(scratch, 'restore.db');
  try {
    copyFileSync(join(backupFolder(dataDir), name), copy);
    let source;
    try {
      source = await openDatabase(copy, options);
    } catch (error) {
      const reason = error instanceof DatabaseRefused ? error.message.replace(copy, name) : 'it could not be read';
      throw new DomainError('INVALID_INPUT', `${name} cannot be restored: ${reason}`);
    }
    const tables = source.$client.prepare(`select name from sqlite_master where type = 'table'`).pluck().all() as string[];
    source.$client.pragma('wal_checkpoint(TRUNCATE)');
    source.$client.close();
    if (!REQUIRED_TABLES.every((table) => tables.includes(table))) {
      throw new DomainError('INVALID_INPUT', `${name} is not a Stockbell database.`);
    }
    const backupOfCurrent = basename(await backupFile(core.db.$client, backupFolder(dataDir), 'before-restore'));
    // SQLite attaches outside a transaction only; the replacement itself is one transaction.
    core.db.$client.prepare('attach database ? as restored').run(copy);
    try {
      await core.writeLong(null, async (ctx) => {
        const client = ctx.db.$client;
        client.pragma('defer_foreign_keys = on');
        const own = client
          .prepare(`select name from main.sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations'`)
          .pluck()
          .all() as string[];
        for (const table of own) client.exec(`delete from main."${table}"`);
        for (const table of own) client.exec(`insert into main."${table}" select * from restored."${table}"`);
        client.exec('delete from main.sqlite_sequence; insert into main.sqlite_sequence select * from restored.sqlite_sequence');
        ctx.change.touch('categories', 'parts', 'locations', 'stock', 'users', 'builds');
      });
    } finally {
      core.db.$client.exec('detach database restored');
    }
    return { backupOfCurrent };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
