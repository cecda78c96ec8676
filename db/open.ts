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

/**
 * Opens the database strictly: foreign keys on, WAL, generated migrations applied. Any failure closes
 * the file and throws, so no caller ever works on a half-migrated database.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const client = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    client.pragma('journal_mode = WAL');
    client.pragma('synchronous = NORMAL');
    client.pragma('foreign_keys = ON');
    client.pragma('busy_timeout = 5000');
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
