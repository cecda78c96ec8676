import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

function stamp(time: number): string {
  return new Date(time).toISOString().replace(/[-:]/g, '').replace(/\.(\d+)Z$/, '$1').replace('T', '-');
}

/**
 * A consistent copy of the live database through SQLite's online backup, taken while the app keeps
 * working. Returns the new file's path.
 */
export async function backupFile(client: Database.Database, folder: string, label: string, now = Date.now()): Promise<string> {
  mkdirSync(folder, { recursive: true });
  let target = join(folder, `stockbell-${stamp(now)}-${label}.db`);
  // Two backups in the same millisecond still get a file each.
  for (let copy = 2; existsSync(target); copy += 1) target = join(folder, `stockbell-${stamp(now)}-${copy}-${label}.db`);
  await client.backup(target);
  return target;
}

/** Where a data folder keeps its backups (automatic ones before upgrades, manual ones, before restores). */
export function backupFolder(dataDir: string): string {
  return join(dataDir, 'backups');
}

export interface BackupFile {
  name: string;
  size: number;
  createdAt: number;
}

/** Backups in a folder, newest first. */
export function listBackups(folder: string): BackupFile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.db'))
    .map((name) => describeBackup(join(folder, name)))
    .sort((a, b) => b.createdAt - a.createdAt);
}

export function describeBackup(path: string): BackupFile {
  const info = statSync(path);
  return { name: basename(path), size: info.size, createdAt: Math.floor(info.mtimeMs) };
}
