import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { backupFile, backupFolder } from './backup';
import { lockDataFolder, type DataFolderLock } from './dataFolderLock';
import { DatabaseRefused } from './databaseRefused';
import * as schema from './schema';

export { DatabaseRefused } from './databaseRefused';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenOptions {
  /** Folder of generated migrations; defaults to the one beside this file. */
  migrationsFolder?: string;
  /** better-sqlite3 native binding, for the Electron-ABI build. */
  nativeBinding?: string;
  /** Which program is opening it, as a refused second start should name it; read from process.argv if not given. */
  program?: string;
}

/** The migrations beside this file (in the desktop bundle the host passes their folder instead). */
export function defaultMigrationsFolder(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');
}

const STATEMENT_CACHE_LIMIT = 1000;
/** Below this size a full structural check at every start costs a blink; above, only after a crash. */
const ALWAYS_CHECK_BELOW_BYTES = 64 * 1024 * 1024;
/** Write-ahead log past which a commit checkpoints itself; a 100,000-movement bulk call writes about 25 MB. */
const WAL_CEILING_BYTES = 64 * 1024 * 1024;

/**
 * Compiling SQL costs more than running most of our statements, so the connection keeps each
 * compiled statement by its text. A cached statement is handed out with its modes reset, since
 * callers set pluck/raw/expand for their own use.
 */
function cacheStatements(client: Database.Database): void {
  const compile = client.prepare.bind(client);
  const cache = new Map<string, Database.Statement>();
  client.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.clear();
      statement = compile(source);
      cache.set(source, statement);
    } else if (statement.reader) {
      statement.pluck(false).expand(false).raw(false);
    }
    return statement;
  }) as typeof client.prepare;
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

export function readJournal(migrationsFolder: string): Journal {
  return JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal;
}

/** Migrations already applied to this file, by their creation time (drizzle's own record). */
function appliedMigrations(client: Database.Database): number[] {
  const table = client.prepare(`select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'`).get();
  if (!table) return [];
  return client.prepare('select created_at from __drizzle_migrations').pluck().all() as number[];
}

/**
 * Reads an existing file without writing to it: it must be SQLite, structurally sound, and not from
 * a newer Stockbell. Any refusal leaves the file exactly as it was.
 */
function inspectExisting(client: Database.Database, file: string, journal: Journal, crashed: boolean): void {
  try {
    client.prepare('select count(*) from sqlite_master').get();
  } catch {
    throw new DatabaseRefused('not-a-database', `${file} is not a Stockbell database. Move it aside or choose another data folder.`);
  }
  if (crashed || statSync(file).size < ALWAYS_CHECK_BELOW_BYTES) {
    let verdict: unknown;
    try {
      verdict = client.pragma('quick_check', { simple: true });
    } catch (error) {
      verdict = (error as Error).message;
    }
    if (verdict !== 'ok') {
      throw new DatabaseRefused(
        'corrupt',
        `${file} is damaged (${String(verdict)}). Stockbell has not changed it. Restore the latest backup from the "backups" folder beside it, or move the file aside to start afresh.`,
      );
    }
  }
  const known = new Set(journal.entries.map((entry) => entry.when));
  const unknown = appliedMigrations(client).filter((when) => !known.has(when));
  if (unknown.length > 0) {
    throw new DatabaseRefused(
      'newer',
      `${file} was last used by a newer version of Stockbell. Install that version (or newer) to open it; this version has not changed it.`,
    );
  }
}

/**
 * Opens the database strictly: its data folder locked for this process, the file checked, foreign
 * keys on, WAL, and the generated migrations applied, after an automatic backup whenever an
 * existing inventory is about to be migrated. Any failure closes the file and throws, so no caller
 * ever works on a half-migrated database. Closing the client releases the folder.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Db> {
  const memory = file === ':memory:';
  if (memory) return openStrictly(file, options, null);
  mkdirSync(dirname(file), { recursive: true });
  // Taken before anything reads the file: a second Stockbell on this folder must not take the
  // running one's crash marker for a crash, nor touch its database at all.
  const lock = lockDataFolder(dirname(file), {
    ...(options.program ? { program: options.program } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    return await openStrictly(file, options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openStrictly(file: string, options: OpenOptions, lock: DataFolderLock | null): Promise<Db> {
  const memory = lock === null;
  const existed = !memory && existsSync(file) && statSync(file).size > 0;
  const marker = `${file}.open`;
  const crashed = !memory && existsSync(marker);
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const journal = readJournal(migrationsFolder);
  const client = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  cacheStatements(client);
  try {
    if (existed) inspectExisting(client, file, journal, crashed);
    client.pragma('journal_mode = WAL');
    // Each commit waits for the disk, so a change the app has acknowledged survives a power cut.
    client.pragma('synchronous = FULL');
    client.pragma('foreign_keys = ON');
    client.pragma('busy_timeout = 5000');
    // A larger page cache keeps the indexes a stock change touches in memory at 100 000 parts.
    client.pragma('cache_size = -65536');
    client.pragma('temp_store = memory');
    // The idle timer (startMaintenance) checkpoints; the ceiling only bounds a burst that leaves it no idle moment.
    client.pragma(`wal_autocheckpoint = ${Math.floor(WAL_CEILING_BYTES / (client.pragma('page_size', { simple: true }) as number))}`);
    client.pragma(`journal_size_limit = ${WAL_CEILING_BYTES}`);
    const applied = appliedMigrations(client);
    if (existed && applied.length > 0 && applied.length < journal.entries.length) {
      await backupFile(client, backupFolder(dirname(file)), 'before-upgrade');
    }
    const db = drizzle({ client, schema });
    // A migration may rebuild a table (SQLite's way to change columns); with references enforced,
    // dropping the old table would cascade into the tables pointing at it. Off while migrating,
    // then every reference is verified below.
    client.pragma('foreign_keys = OFF');
    migrate(db, { migrationsFolder });
    client.pragma('foreign_keys = ON');
    // After a migration every reference is verified (a full check at every start would read the whole file).
    if (applied.length < journal.entries.length) {
      const violations = client.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) throw new Error(`The database has ${violations.length} broken references.`);
    }
    if (lock) {
      writeFileSync(marker, String(process.pid));
      const close = client.close.bind(client);
      // A clean close removes the marker; finding it at the next start means the last run crashed.
      client.close = () => {
        close();
        rmSync(marker, { force: true });
        lock.release();
        return client;
      };
    }
    return db;
  } catch (error) {
    client.close();
    throw error;
  }
}
