import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { backupFile, backupFolder, describeBackup, type BackupFile } from '../../db/backup';
import { DatabaseRefused, openDatabase, type OpenOptions } from '../../db/open';
import { checkBackup, inventoryTables, LOCAL_TABLES, type BackupVerdict } from './backupChecks';
import type { Core, LongWork } from './core';
import { DomainError } from './errors';

/** Rows copied per step of a restore; the host answers other requests between steps. */
const COPY_SLICE = 20_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function backUpNow(core: Core, dataDir: string): Promise<BackupFile> {
  return describeBackup(await backupFile(core.db.$client, backupFolder(dataDir), 'manual'));
}

interface CheckedCopy extends BackupVerdict {
  /** The backup brought to this version's schema, in a scratch folder removed by `discard`. */
  file: string;
  discard(): void;
}

/**
 * Copies a backup aside, brings the copy to this version's schema and checks it; the backup itself
 * is never changed. Refuses what is not a Stockbell database at all.
 */
async function checkedCopy(core: Core, dataDir: string, name: string, options: OpenOptions): Promise<CheckedCopy> {
  if (!/^[\w.-]+\.db$/.test(name) || !existsSync(join(backupFolder(dataDir), name))) {
    throw new DomainError('NOT_FOUND', 'That backup does not exist.');
  }
  const scratch = mkdtempSync(join(tmpdir(), 'stockbell-restore-'));
  const discard = () => rmSync(scratch, { recursive: true, force: true });
  const file = join(scratch, 'restore.db');
  try {
    copyFileSync(join(backupFolder(dataDir), name), file);
    let source;
    try {
      source = await openDatabase(file, options);
    } catch (error) {
      const reason = error instanceof DatabaseRefused ? error.message.replace(file, name) : 'it is not a Stockbell database';
      throw new DomainError('INVALID_INPUT', `${name} cannot be restored: ${reason}`);
    }
    try {
      const verdict = await checkBackup(source.$client, core.db.$client, nextTurn);
      source.$client.pragma('wal_checkpoint(TRUNCATE)');
      return { ...verdict, file, discard };
    } finally {
      source.$client.close();
    }
  } catch (error) {
    discard();
    throw error;
  }
}

/** What a backup holds and whether it can be restored, for the confirmation a person sees first. */
export async function inspectBackup(core: Core, dataDir: string, name: string, options: OpenOptions = {}): Promise<BackupVerdict> {
  const copy = await checkedCopy(core, dataDir, name, options);
  copy.discard();
  return { summary: copy.summary, problems: copy.problems };
}

/**
 * Replaces the whole inventory with a backup's, in one transaction, after the checks above pass and
 * the current state is backed up. The copy goes a slice at a time so the host keeps answering; other
 * changes wait until it ends. Afterwards every session ends: the people signed in may not exist, or
 * may be someone else, in the restored inventory.
 */
export function restoreBackup(core: Core, dataDir: string, name: string, options: OpenOptions = {}): Promise<{ backupOfCurrent: string }> {
  return core.exclusively('restoring a backup', (writeLong) => restoreExclusively(core, writeLong, dataDir, name, options));
}

async function restoreExclusively(
  core: Core,
  writeLong: <R>(actorId: number | null, step: LongWork<R>) => Promise<R>,
  dataDir: string,
  name: string,
  options: OpenOptions,
): Promise<{ backupOfCurrent: string }> {
  const copy = await checkedCopy(core, dataDir, name, options);
  try {
    if (copy.problems.length > 0) {
      throw new DomainError('INVALID_INPUT', `${name} cannot be restored: ${copy.problems.join(' ')}`);
    }
    const backupOfCurrent = basename(await backupFile(core.db.$client, backupFolder(dataDir), 'before-restore'));
    // SQLite attaches outside a transaction only; the replacement itself is one transaction.
    core.db.$client.prepare('attach database ? as restored').run(copy.file);
    try {
      await writeLong(null, async (ctx, pause) => {
          const client = ctx.db.$client;
          // References are checked once, at commit, over everything copied.
          client.pragma('defer_foreign_keys = on');
          const tables = inventoryTables(client).filter((table) => !LOCAL_TABLES.has(table));
          const highestEpoch = client.prepare('select coalesce(max(session_epoch), 0) from main.users').pluck().get() as number;
          for (const table of tables) client.exec(`delete from main."${table}"`);
          for (const table of tables) {
            const copySlice = client.prepare(`insert into main."${table}" select * from restored."${table}" where rowid > ? order by rowid limit ${COPY_SLICE}`);
            const lastCopied = client.prepare(`select max(rowid) from main."${table}"`).pluck();
            let after = Number.MIN_SAFE_INTEGER;
            for (;;) {
              const { changes } = copySlice.run(after);
              await pause();
              if (changes < COPY_SLICE) break;
              after = lastCopied.get() as number;
            }
          }
          client.exec('delete from main.sqlite_sequence; insert into main.sqlite_sequence select * from restored.sqlite_sequence');
          // Every epoch moves past any a session could hold, whichever inventory it was signed in to.
          const restoredEpoch = client.prepare('select coalesce(max(session_epoch), 0) from main.users').pluck().get() as number;
          client.prepare('update main.users set session_epoch = ?').run(Math.max(highestEpoch, restoredEpoch) + 1);
          ctx.change.endAllSessions();
          ctx.change.touch('categories', 'parts', 'locations', 'stock', 'users', 'builds');
      });
    } finally {
      core.db.$client.exec('detach database restored');
    }
    return { backupOfCurrent };
  } finally {
    copy.discard();
  }
}
