import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenOptions {
  /** Folder of generated migrations; defaults to the one beside this file. */
  migrationsFolder?: string;
  /** better-sqlite3 native binding, for the Electron-ABI build. */
  nativeBinding?: string;
}

export const defaultMigrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), 'migrations');

const STATEMENT_CACHE_LIMIT = 1000;

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

/**
 * Opens the database strictly: foreign keys on, WAL, generated migrations applied. Any failure closes
 * the file and throws, so no caller ever works on a half-migrated database.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const client = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  cacheStatements(client);
  try {
    client.pragma('journal_mode = WAL');
    client.pragma('synchronous = NORMAL');
    client.pragma('foreign_keys = ON');
    client.pragma('busy_timeout = 5000');
    // A larger page cache keeps the indexes a stock change touches in memory at 100 000 parts.
    client.pragma('cache_size = -65536');
    client.pragma('temp_store = memory');
    // Checkpoints run from the host's idle timer (startMaintenance), not inside someone's change.
    client.pragma('wal_autocheckpoint = 0');
    const db = drizzle({ client, schema });
    migrate(db, { migrationsFolder: options.migrationsFolder ?? defaultMigrationsFolder });
    const violations = client.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) throw new Error(`The database has ${violations.length} broken references.`);
    return db;
  } catch (error) {
    client.close();
    throw error;
  }
}
