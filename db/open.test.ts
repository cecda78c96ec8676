import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openDatabase, readJournal } from './open';

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
    const journal = JSON.parse(readFileSync(join(defaultMigrationsFolder(), 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(applied).toBe(journal.entries.length);
    again.$client.close();
  });

  it('refuses a file that is not a database and closes it', async () => {
    const file = tempFile();
    writeFileSync(file, 'this is not sqlite'.repeat(100));
    await expect(openDatabase(file)).rejects.toThrow(/not a Stockbell database/);
  });
});

describe('refusing a file it cannot trust', () => {
  const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

  it('refuses a damaged database and leaves it exactly as it was', async () => {
    const file = tempFile();
    const db = await openDatabase(file);
    db.$client.exec(`insert into part_categories (name, created_at) values ${Array.from({ length: 400 }, (_, index) => `('Category ${index}', 0)`).join(', ')}`);
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    db.$client.close();
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the pages after the first: the header still says SQLite, the tree is broken.
    bytes.fill(0xa5, pageSize * 2, pageSize * 6);
    writeFileSync(file, bytes);
    const before = hash(file);
    await expect(openDatabase(file)).rejects.toMatchObject({ name: 'DatabaseRefused', reason: 'corrupt' });
    await expect(openDatabase(file)).rejects.toThrow(/Restore the latest backup/);
    expect(hash(file)).toBe(before);
  });

  it('refuses a database from a newer version of Stockbell, untouched', async () => {
    const file = tempFile();
    const db = await openDatabase(file);
    db.$client.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('from-the-future', Date.UTC(2099, 0, 1));
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    db.$client.close();
    const before = hash(file);
    await expect(openDatabase(file)).rejects.toMatchObject({ reason: 'newer' });
    await expect(openDatabase(file)).rejects.toThrow(/newer version of Stockbell/);
    expect(hash(file)).toBe(before);
  });
});

/** Tables a later migration removed on purpose, with why no data can have been in them. */
const RETIRED_TABLES: Record<string, string> = {
  team_row_writes: 'created by 0003 for team mode but never written by any version; 0005 replaced it with team_field_writes',
};

describe('upgrading', () => {
  it('backs the inventory up before applying new migrations, and keeps its data through every step', async () => {
    const journal = readJournal(defaultMigrationsFolder());
    // For each earlier schema version: a database made by it, with data, opened by this version.
    for (let version = 1; version <= journal.entries.length; version += 1) {
      const { dir, file, migrations } = folderAtVersion(version);
      const old = await openDatabase(file, { migrationsFolder: migrations });
      fillEveryTable(old.$client);
      const counts = rowCounts(old.$client);
      old.$client.close();

      const upgraded = await openDatabase(file);
      const after = rowCounts(upgraded.$client);
      for (const [table, count] of Object.entries(counts)) {
        if (table in RETIRED_TABLES) continue;
        expect(after[table], `${table} at version ${version}`).toBe(count);
      }
      expect(upgraded.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      upgraded.$client.close();
      const backups = existsSync(join(dir, 'data/backups')) ? readdirSync(join(dir, 'data/backups')) : [];
      expect(backups.length, `backup at version ${version}`).toBe(version < journal.entries.length ? 1 : 0);
    }
  });
});

/** A data folder with the migrations of an earlier schema version (1 = the first), not yet opened. */
function folderAtVersion(version: number): { dir: string; file: string; migrations: string } {
  const journal = readJournal(defaultMigrationsFolder());
  const dir = mkdtempSync(join(tmpdir(), 'stockbell-upgrade-'));
  dirs.push(dir);
  const migrations = join(dir, 'migrations');
  mkdirSync(join(migrations, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, version);
  writeFileSync(join(migrations, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const entry of entries) copyFileSync(join(defaultMigrationsFolder(), `${entry.tag}.sql`), join(migrations, `${entry.tag}.sql`));
  return { dir, file: join(dir, 'data/stockbell.db'), migrations };
}

function userTables(client: Database.Database): string[] {
  return client.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations'`).pluck().all() as string[];
}

function rowCounts(client: Database.Database): Record<string, number> {
  return Object.fromEntries(userTables(client).map((table) => [table, client.prepare(`select count(*) from "${table}"`).pluck().get() as number]));
}

/** One row in every table that exists at this schema version, each with its required columns. */
function fillEveryTable(client: Database.Database): void {
  const pending = userTables(client);
  for (let pass = 0; pass < 5 && pending.length > 0; pass += 1) {
    for (const table of [...pending]) {
      const columns = client.prepare(`select name, type, "notnull" as required, dflt_value as fallback, pk from pragma_table_info(?)`).all(table) as {
        name: string;
        type: string;
        required: number;
        fallback: string | null;
        pk: number;
      }[];
      const foreign = new Map((client.prepare('select "from", "table" from pragma_foreign_key_list(?)').all(table) as { from: string; table: string }[]).map((fk) => [fk.from, fk.table]));
      const values: Record<string, unknown> = {};
      for (const column of columns) {
        if (column.pk && column.type.toLowerCase() === 'integer' && columns.filter((c) => c.pk).length === 1) continue;
        const target = foreign.get(column.name);
        if (target) values[column.name] = client.prepare(`select min(rowid) from "${target}"`).pluck().get();
        else if (column.required && column.fallback === null) values[column.name] = column.type.toLowerCase() === 'integer' ? 1 : `${table}-${column.name}`;
      }
      // Every reference filled first; then, for a table that allows one owner of several (a CHECK),
      // each optional reference left out in turn.
      const optional = columns.filter((column) => !column.required && foreign.has(column.name)).map((column) => column.name);
      const attempts = [values, ...optional.map((left) => Object.fromEntries(Object.entries(values).filter(([name]) => name !== left)))];
      for (const attempt of attempts) {
        try {
          const names = Object.keys(attempt);
          client.prepare(`insert into "${table}" (${names.map((name) => `"${name}"`).join(', ') || 'rowid'}) values (${names.map(() => '?').join(', ') || 'null'})`).run(...Object.values(attempt));
          pending.splice(pending.indexOf(table), 1);
          break;
        } catch {
          // A parent table is still empty (tried again on the next pass), or the CHECK wants fewer references.
        }
      }
    }
  }
  expect(pending).toEqual([]);
}

describe('upgrading notifications to shared events (version 2)', () => {
  it('turns each notification into an event of its own, keeps what points at it, and drops the reason from the message', async () => {
    const { file, migrations } = folderAtVersion(1);
    const old = await openDatabase(file, { migrationsFolder: migrations });
    const client = old.$client;
    const userId = Number(client.prepare(`insert into users (username, display_name, email, role, created_at) values ('ann', 'Ann', 'ann@example.test', 'member', 0)`).run().lastInsertRowid);
    const insert = client.prepare(
      `insert into notifications (user_id, kind, title, message, reason, target_kind, target_id, data, created_at, read_at) values (?, 'part.low_stock', ?, ?, ?, 'part', '7', '{"partId":7}', ?, ?)`,
    );
    const reason = 'You are subscribed to Resistors.';
    const first = Number(insert.run(userId, 'Low stock: R 10k', `R 10k is down to 3, below its minimum of 10. ${reason}`, reason, 1000, null).lastInsertRowid);
    const second = Number(insert.run(userId, 'Build finished', 'BO-0001 was completed.', '', 2000, 3000).lastInsertRowid);
    client.prepare('insert into digest_queue (notification_id, user_id, created_at) values (?, ?, 0)').run(first, userId);
    const body = Number(client.prepare(`insert into outbox_bodies (text_body, html_body) values ('t', 'h')`).run().lastInsertRowid);
    client
      .prepare(`insert into outbox (user_id, notification_id, kind, recipient, subject, body_id, next_attempt_at, created_at) values (?, ?, 'part.low_stock', 'ann@example.test', 's', ?, 0, 0)`)
      .run(userId, first, body);
    old.$client.close();

    const upgraded = (await openDatabase(file)).$client;
    const rows = upgraded
      .prepare(
        `select n.id, n.event_id as eventId, n.reason, n.read_at as readAt, n.settled, e.title, e.message, e.target_kind as targetKind, e.target_id as targetId, e.data
         from notifications n join notification_events e on e.id = n.event_id order by n.id`,
      )
      .all();
    expect(rows).toEqual([
      { id: first, eventId: first, reason, readAt: null, settled: 1, title: 'Low stock: R 10k', message: 'R 10k is down to 3, below its minimum of 10.', targetKind: 'part', targetId: '7', data: '{"partId":7}' },
      { id: second, eventId: second, reason: '', readAt: 3000, settled: 1, title: 'Build finished', message: 'BO-0001 was completed.', targetKind: 'part', targetId: '7', data: '{"partId":7}' },
    ]);
    expect(upgraded.prepare('select notification_id from digest_queue').pluck().all()).toEqual([first]);
    expect(upgraded.prepare('select notification_id from outbox').pluck().all()).toEqual([first]);
    // New rows never reuse an id the old table handed out.
    const event = Number(upgraded.prepare(`insert into notification_events (kind, title, message, target_kind, target_id, created_at) values ('k', 't', 'm', 'part', '1', 0)`).run().lastInsertRowid);
    expect(event).toBeGreaterThan(second);
    expect(Number(upgraded.prepare(`insert into notifications (user_id, event_id, kind, created_at) values (?, ?, 'k', 0)`).run(userId, event).lastInsertRowid)).toBeGreaterThan(second);
    upgraded.close();
  });
});

describe('backup before an upgrade', () => {
  it('copies the inventory aside with the online backup before a new migration runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stockbell-next-'));
    dirs.push(dir);
    const file = join(dir, 'data/stockbell.db');
    const today = await openDatabase(file);
    today.$client.prepare(`insert into part_categories (name, created_at) values ('Kept', 0)`).run();
    today.$client.close();

    // The next version of Stockbell: today's migrations plus one more.
    const journal = readJournal(defaultMigrationsFolder());
    const next = join(dir, 'next-migrations');
    mkdirSync(join(next, 'meta'), { recursive: true });
    for (const entry of journal.entries) copyFileSync(join(defaultMigrationsFolder(), `${entry.tag}.sql`), join(next, `${entry.tag}.sql`));
    const last = journal.entries[journal.entries.length - 1] as { idx: number; when: number; tag: string };
    const added = { ...last, idx: last.idx + 1, when: last.when + 1000, tag: `${String(last.idx + 1).padStart(4, '0')}_next` };
    writeFileSync(join(next, `${added.tag}.sql`), 'CREATE TABLE `next_feature` (`id` integer PRIMARY KEY NOT NULL);');
    writeFileSync(join(next, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: [...journal.entries, added] }));

    const upgraded = await openDatabase(file, { migrationsFolder: next });
    expect(upgraded.$client.prepare('select name from part_categories').pluck().all()).toEqual(['Kept']);
    upgraded.$client.close();
    const [backup] = readdirSync(join(dir, 'data/backups'));
    expect(backup).toMatch(/^stockbell-\d{8}-\d{9}-before-upgrade\.db$/);
    const copy = await openDatabase(join(dir, 'data/backups', backup as string));
    expect(copy.$client.prepare('select name from part_categories').pluck().all()).toEqual(['Kept']);
    copy.$client.close();
  });
});

describe('one Stockbell per data folder', () => {
  it('refuses a second open of the same folder, naming the process that has it, and opens again once it is closed', async () => {
    const file = tempFile();
    const first = await openDatabase(file, { program: 'the Stockbell headless host' });
    const second = openDatabase(file, { program: 'the Stockbell desktop app' });
    await expect(second).rejects.toMatchObject({ name: 'DatabaseRefused', reason: 'in-use' });
    await expect(second).rejects.toThrow(
      new RegExp(`^The data folder \\S+ is already in use by the Stockbell headless host \\(process ${process.pid}, started [^)]+\\)\\. Close that one first, or choose another data folder\\.$`),
    );
    // The refused start left the first one's work alone: its crash marker and its connection.
    expect(readFileSync(`${file}.open`, 'utf8')).toBe(String(process.pid));
    expect(first.$client.prepare(`insert into part_categories (name, created_at) values ('Still mine', 0)`).run().changes).toBe(1);
    first.$client.close();

    const again = await openDatabase(file);
    expect(again.$client.prepare('select name from part_categories').pluck().all()).toEqual(['Still mine']);
    again.$client.close();
  });
});

describe('the write-ahead log', () => {
  it('stays bounded through a long run of changes that leaves no idle moment to fold it in', async () => {
    const file = tempFile();
    const db = await openDatabase(file);
    const insert = db.$client.prepare('insert into part_categories (name, created_at) values (?, 0)');
    const commitOneMegabyte = db.$client.transaction((run: number) => {
      for (let row = 0; row < 250; row += 1) insert.run(`${run}-${row} `.padEnd(4000, 'x'));
    });
    // 150 MB in 150 commits, with no maintenance running (as in a long import).
    for (let run = 0; run < 150; run += 1) commitOneMegabyte(run);
    expect(statSync(`${file}-wal`).size).toBeLessThan(80 * 1024 * 1024);
    expect(db.$client.prepare('select count(*) from part_categories').pluck().get()).toBe(150 * 250);
    db.$client.close();
  });
});
