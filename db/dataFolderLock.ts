import Database from 'better-sqlite3';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { DatabaseRefused } from './databaseRefused';

// One Stockbell per data folder: two would both send the outbox's mail, overwrite each other's
// crash marker, and never see each other's changes. The lock is SQLite's own file lock (fcntl on
// Unix, LockFileEx on Windows) held for the process's lifetime, so the operating system drops it
// when the holder dies in any way, and a lock file left behind never blocks a start.

/** Only SQLite ever opens it: closing any other descriptor on it would drop this process's POSIX locks. */
const LOCK_FILE = 'stockbell.lock';
/** Who holds the lock, written by the holder for the refusal to quote. */
const HOLDER_FILE = 'stockbell.lock.json';

const holderRecord = z.object({ pid: z.number().int(), startedAt: z.number(), program: z.string() });
type FolderHolder = z.infer<typeof holderRecord>;

export interface DataFolderLock {
  release(): void;
}

export interface LockOptions {
  /** Which program holds the folder, in words for the refusal; defaults to one named from process.argv. */
  program?: string;
  nativeBinding?: string;
}

/** Names the running program for a person: which Stockbell is holding the folder. */
function currentProgram(): string {
  if (process.versions.electron) return 'the Stockbell desktop app';
  const script = process.argv[1] ?? '';
  if (/headless[\\/]cli\.[cm]?[jt]s$/.test(script)) return 'the Stockbell headless host';
  if (/importCli\.[cm]?[jt]s$/.test(script)) return 'a Stockbell import (npm run import)';
  return `another Stockbell program (${basename(script) || 'node'})`;
}

function readHolder(folder: string): FolderHolder | null {
  try {
    const parsed = holderRecord.safeParse(JSON.parse(readFileSync(join(folder, HOLDER_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function refusal(folder: string): DatabaseRefused {
  const holder = readHolder(folder);
  const who = holder
    ? `${holder.program} (process ${holder.pid}, started ${new Date(holder.startedAt).toLocaleString()})`
    : 'another Stockbell program';
  return new DatabaseRefused('in-use', `The data folder ${folder} is already in use by ${who}. Close that one first, or choose another data folder.`);
}

/**
 * Takes the data folder for this process, or throws DatabaseRefused('in-use') naming the process
 * that has it. Release it when the database closes; the operating system releases it on death.
 */
export function lockDataFolder(folder: string, options: LockOptions = {}): DataFolderLock {
  // No waiting: a second start is refused at once rather than after a pause.
  const connection = new Database(join(folder, LOCK_FILE), { timeout: 0, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  try {
    // Nothing is ever written to it, so it needs no journal file beside it.
    connection.pragma('journal_mode = MEMORY');
    connection.pragma('locking_mode = EXCLUSIVE');
    connection.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    connection.close();
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY') throw refusal(folder);
    throw error;
  }
  const holderFile = join(folder, HOLDER_FILE);
  const holder: FolderHolder = { pid: process.pid, startedAt: Math.round(performance.timeOrigin), program: options.program ?? currentProgram() };
  try {
    // Written whole and then renamed, so a refused start never reads half a record.
    const draft = `${holderFile}.${process.pid}.tmp`;
    writeFileSync(draft, `${JSON.stringify(holder)}\n`);
    renameSync(draft, holderFile);
  } catch (error) {
    connection.close();
    throw error;
  }
  return {
    release() {
      if (!connection.open) return;
      // Removed while still held, so it can never remove the next holder's record.
      rmSync(holderFile, { force: true });
      connection.close();
    },
  };
}
