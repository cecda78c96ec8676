import type Database from 'better-sqlite3';

// What a backup must be before it may replace the inventory: the tables this version has, as real
// tables with the same columns (a view or a trigger could run anything while it is read), and data
// that keeps the promises the app relies on (totals, low states, unread counts, someone who can
// administer it). Every check reads a bounded slice at a time and pauses between slices, so the
// host keeps answering while a large backup is checked.

export interface BackupSummary {
  parts: number;
  stockItems: number;
  people: number;
  /** Usernames of the active administrators who can sign in once it is restored. */
  administrators: string[];
}

export interface BackupVerdict {
  summary: BackupSummary;
  /** Why it cannot be restored, in words for a person; empty when it can. */
  problems: string[];
}

const SLICE = 5000;
/** Tables that belong to this desktop, not to the inventory a backup holds. */
export const LOCAL_TABLES = new Set(['sign_in_limits']);

type Pause = () => Promise<void>;

function counted(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

function columnsOf(client: Database.Database, table: string): string {
  return (client.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]).join(',');
}

/** The inventory's own tables in the live database, whose shape a backup must have. */
export function inventoryTables(live: Database.Database): string[] {
  return live
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != '__drizzle_migrations'`)
    .pluck()
    .all() as string[];
}

function shapeProblems(source: Database.Database, live: Database.Database): string[] {
  const problems: string[] = [];
  const executable = source.prepare(`select type, name from sqlite_master where type in ('view', 'trigger')`).all() as { type: string; name: string }[];
  for (const entry of executable) problems.push(`It contains a ${entry.type} ("${entry.name}"), which a Stockbell backup never has.`);
  const kinds = new Map((source.prepare(`select name, type from sqlite_master`).all() as { name: string; type: string }[]).map((row) => [row.name, row.type]));
  for (const table of inventoryTables(live)) {
    if (LOCAL_TABLES.has(table)) continue;
    if (kinds.get(table) !== 'table') problems.push(`It has no table "${table}".`);
    else if (columnsOf(source, table) !== columnsOf(live, table)) problems.push(`Its table "${table}" does not have the columns this version expects.`);
  }
  return problems;
}

/** Runs `query` over id slices [from, from + SLICE) up to the table's largest id, adding what it counts. */
async function countInSlices(client: Database.Database, table: string, query: string, pause: Pause): Promise<number> {
  const last = (client.prepare(`select coalesce(max(id), 0) from "${table}"`).pluck().get() as number) ?? 0;
  const statement = client.prepare(query).pluck();
  let found = 0;
  for (let from = 0; from <= last; from += SLICE) {
    found += statement.get(from, from + SLICE) as number;
    await pause();
  }
  return found;
}

async function dataProblems(client: Database.Database, pause: Pause): Promise<string[]> {
  const problems: string[] = [];
  const wrongTotals = await countInSlices(
    client,
    'parts',
    `select count(*) from parts p where p.id >= ? and p.id < ? and p.stock_total !=
       coalesce((select sum(i.quantity) from stock_items i where i.part_id = p.id and i.deleted_at is null), 0)
       + coalesce((select sum(v.stock_total) from parts v where v.variant_of_id = p.id), 0)`,
    pause,
  );
  if (wrongTotals > 0) problems.push(`${counted(wrongTotals, 'part shows', 'parts show')} a stock total that is not the sum of its stock.`);
  const wrongLow = await countInSlices(
    client,
    'parts',
    `select count(*) from parts where id >= ? and id < ? and is_low != (active and minimum_stock > 0 and stock_total < minimum_stock)`,
    pause,
  );
  if (wrongLow > 0) problems.push(`${counted(wrongLow, 'part is', 'parts are')} marked low (or not low) against its own minimum.`);
  const wrongItems = await countInSlices(
    client,
    'stock_items',
    `select count(*) from stock_items i where i.id >= ? and i.id < ? and (i.quantity < 0 or i.quantity !=
       coalesce((select sum(m.delta) from stock_movements m where m.item_id = i.id), 0))`,
    pause,
  );
  if (wrongItems > 0) problems.push(`${counted(wrongItems, 'stock item holds', 'stock items hold')} a quantity its history does not add up to.`);
  const wrongCounts = await countInSlices(
    client,
    'users',
    `select count(*) from users u where u.id >= ? and u.id < ? and (u.unread_notifications < 0 or u.unread_notifications !=
       (select count(*) from notifications n where n.user_id = u.id and n.read_at is null and n.snoozed_until is null))`,
    pause,
  );
  if (wrongCounts > 0) problems.push(`${counted(wrongCounts, 'person has', 'people have')} an unread count that does not match their notifications.`);
  const badRoles = client.prepare(`select count(*) from users where role not in ('admin', 'member')`).pluck().get() as number;
  if (badRoles > 0) problems.push(`${counted(badRoles, 'account has', 'accounts have')} a role Stockbell does not know.`);
  return problems;
}

/** Checks a backup, opened on its own connection at this version's schema, against the live database. */
export async function checkBackup(source: Database.Database, live: Database.Database, pause: Pause): Promise<BackupVerdict> {
  const count = (table: string) => source.prepare(`select count(*) from "${table}"`).pluck().get() as number;
  const shape = shapeProblems(source, live);
  if (shape.length > 0) return { summary: { parts: 0, stockItems: 0, people: 0, administrators: [] }, problems: shape };
  const administrators = source
    .prepare(`select username from users where role = 'admin' and active and password_hash is not null order by username`)
    .pluck()
    .all() as string[];
  const summary: BackupSummary = { parts: count('parts'), stockItems: count('stock_items'), people: count('users'), administrators };
  const problems = await dataProblems(source, pause);
  if (administrators.length === 0) problems.push('Nobody in it could sign in as an administrator.');
  return { summary, problems };
}
