import type Database from 'better-sqlite3';
import { replicatedTables, type TablePolicy } from './replicatedTables';

// The shape of each shared table as this database has it: its shared columns, its key, and what
// refers to it. Read once per connection from SQLite itself, so a migration that adds a column is
// shared without anything here changing.

export type RowValue = string | number | null;
export type Row = Record<string, RowValue>;

export interface ForeignKey {
  /** The referring column. */
  column: string;
  table: string;
  /** The referred column (the parent's key). */
  parentColumn: string;
  nullable: boolean;
  /** SQLite refuses to delete a parent this points at (restrict / no action). */
  restricts: boolean;
}

export interface TableShape {
  table: string;
  policy: TablePolicy;
  /** Shared columns, in the table's order. */
  columns: string[];
  /** Shared columns whose changes are last-writer-wins. */
  lastWriterWins: string[];
  deltas: string[];
  foreignKeys: ForeignKey[];
  /** Foreign keys in other shared tables that point at this one. */
  referredBy: (ForeignKey & { from: string })[];
}

export function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function readShapes(client: Database.Database): Map<string, TableShape> {
  const shapes = new Map<string, TableShape>();
  for (const [table, policy] of Object.entries(replicatedTables)) {
    const info = client.prepare('select name, "notnull" as required from pragma_table_info(?)').all(table) as { name: string; required: number }[];
    const local = new Set(policy.local ?? []);
    const columns = info.map((column) => column.name).filter((name) => !local.has(name));
    const deltas = policy.deltas ?? [];
    const notNull = new Map(info.map((column) => [column.name, column.required === 1]));
    const foreignKeys = (client.prepare('select "from", "table", "to", on_delete as onDelete from pragma_foreign_key_list(?)').all(table) as {
      from: string;
      table: string;
      to: string | null;
      onDelete: string;
    }[]).map((fk) => ({
      column: fk.from,
      table: fk.table,
      parentColumn: fk.to ?? 'id',
      nullable: !notNull.get(fk.from),
      restricts: fk.onDelete === 'RESTRICT' || fk.onDelete === 'NO ACTION',
    }));
    shapes.set(table, {
      table,
      policy,
      columns,
      lastWriterWins: columns.filter((name) => !deltas.includes(name) && !policy.key.includes(name)),
      deltas,
      foreignKeys,
      referredBy: [],
    });
  }
  for (const shape of shapes.values()) {
    for (const fk of shape.foreignKeys) shapes.get(fk.table)?.referredBy.push({ ...fk, from: shape.table });
  }
  return shapes;
}

/** A row's key as one string, for the team's own records (tombstones, last writers). */
export function keyOf(shape: TableShape, row: Row): string {
  return JSON.stringify(shape.policy.key.map((column) => row[column] ?? null));
}
