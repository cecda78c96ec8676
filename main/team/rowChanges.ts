import type Database from 'better-sqlite3';
import type { CapturedChange } from './capture';
import { keyOf, quoted, type Row, type RowValue, type TableShape } from './rowShapes';

// Changes as the team's log carries them, and how a desktop applies them in the log's order. An
// insert carries the row, a deletion the row it removed (so a later change that still needs it can
// bring it back), an update only what it set (last writer wins) and what it added (deltas add up).
// Applying records each row's image before and after, which is how a desktop takes its own waiting
// changes out and puts them back in around the team's earlier ones.

export type RowChange =
  | { t: string; op: 'i'; row: Row }
  | { t: string; op: 'u'; key: RowValue[]; set: Row; add: Record<string, number> }
  | { t: string; op: 'd'; key: RowValue[]; row: Row };

/** A row as it was before and after one applied change (null: it did not exist). */
export type RowImage = CapturedChange;

/** Something the log's order settled differently from how the author saw it. */
export interface Conflict {
  table: string;
  row: Row;
  kind: 'kept-referenced' | 'renamed' | 'parent-restored' | 'reference-dropped' | 'insert-skipped';
  detail: string;
  /** For a row brought back: who had deleted it. */
  deletedBy?: number | null;
}

function keyValues(shape: TableShape, row: Row): RowValue[] {
  return shape.policy.key.map((column) => row[column] ?? null);
}

/** What this desktop's captured writes mean for the team: only what they set, only what they added. */
export function changesFrom(shapes: Map<string, TableShape>, captured: CapturedChange[]): RowChange[] {
  const changes: RowChange[] = [];
  for (const { table, before, after } of captured) {
    const shape = shapes.get(table);
    if (!shape) continue;
    if (!before && after) changes.push({ t: table, op: 'i', row: after });
    else if (before && !after) changes.push({ t: table, op: 'd', key: keyValues(shape, before), row: before });
    else if (before && after) {
      const set: Row = {};
      const add: Record<string, number> = {};
      for (const column of shape.lastWriterWins) if (before[column] !== after[column]) set[column] = after[column] ?? null;
      for (const column of shape.deltas) {
        const difference = Number(after[column] ?? 0) - Number(before[column] ?? 0);
        if (difference !== 0) add[column] = difference;
      }
      if (Object.keys(set).length > 0 || Object.keys(add).length > 0) changes.push({ t: table, op: 'u', key: keyValues(shape, before), set, add });
    }
  }
  return changes;
}

/** Applies row changes to one connection, with the rules that make every desktop end up the same. */
export class RowApplier {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly client: Database.Database,
    private readonly shapes: Map<string, TableShape>,
    private readonly now: () => number,
  ) {}

  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.client.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private shape(table: string): TableShape {
    const shape = this.shapes.get(table);
    if (!shape) throw new Error(`${table} is not shared by the team.`);
    return shape;
  }

  private where(shape: TableShape): string {
    return shape.policy.key.map((column) => `${quoted(column)} = ?`).join(' and ');
  }

  read(shape: TableShape, key: RowValue[]): Row | null {
    const row = this.prepared(`select ${shape.columns.map(quoted).join(', ')} from main.${quoted(shape.table)} where ${this.where(shape)}`).get(...key) as Row | undefined;
    return row ?? null;
  }

  private insertRow(shape: TableShape, row: Row): void {
    const columns = shape.columns.filter((column) => column in row);
    this.prepared(`insert into main.${quoted(shape.table)} (${columns.map(quoted).join(', ')}) values (${columns.map(() => '?').join(', ')})`).run(
      ...columns.map((column) => row[column] ?? null),
    );
  }

  private writeColumns(shape: TableShape, key: RowValue[], values: Row): void {
    const columns = Object.keys(values);
    if (columns.length === 0) return;
    this.prepared(`update main.${quoted(shape.table)} set ${columns.map((column) => `${quoted(column)} = ?`).join(', ')} where ${this.where(shape)}`).run(
      ...columns.map((column) => values[column] ?? null),
      ...key,
    );
  }

  private deleteRow(shape: TableShape, key: RowValue[]): void {
    this.prepared(`delete from main.${quoted(shape.table)} where ${this.where(shape)}`).run(...key);
  }

  private parentExists(table: string, column: string, value: RowValue): boolean {
    return this.prepared(`select 1 from main.${quoted(table)} where ${quoted(column)} = ?`).get(value) !== undefined;
  }

  /** Brings back a row the log deleted earlier, and what it needs in turn. */
  private restore(table: string, column: string, value: RowValue, conflicts: Conflict[], images: RowImage[]): boolean {
    const shape = this.shapes.get(table);
    if (!shape || shape.policy.key.length !== 1 || shape.policy.key[0] !== column) return false;
    const kept = this.prepared('select row, deleted_by as deletedBy from team_tombstones where table_name = ? and row_key = ?').get(table, JSON.stringify([value])) as
      | { row: string; deletedBy: number | null }
      | undefined;
    if (!kept) return false;
    const row = JSON.parse(kept.row) as Row;
    this.ensureParents(shape, row, conflicts, images);
    this.insertRow(shape, row);
    // The tombstone stays: a waiting change that brought the row back is taken out again before the
    // log's events are applied, and when the log brings that change it must find the row to restore.
    // A later deletion replaces it; while the row exists nothing reads it.
    images.push({ table, before: null, after: row });
    conflicts.push({ table, row, kind: 'parent-restored', detail: 'brought back: a later change still needs it', deletedBy: kept.deletedBy });
    return true;
  }

  /** A row may point at a row the log has deleted since its author saw it: restore it, or let go of it. */
  private ensureParents(shape: TableShape, row: Row, conflicts: Conflict[], images: RowImage[]): boolean {
    for (const fk of shape.foreignKeys) {
      const value = row[fk.column];
      if (value === null || value === undefined || this.parentExists(fk.table, fk.parentColumn, value)) continue;
      if (this.restore(fk.table, fk.parentColumn, value, conflicts, images)) continue;
      if (!fk.nullable) return false;
      row[fk.column] = null;
      conflicts.push({ table: shape.table, row, kind: 'reference-dropped', detail: `${fk.column} pointed at a row that no longer exists` });
    }
    return true;
  }

  /** Another row already holds a value that must be unique: the later one (this) takes a suffix. */
  private renameForUniqueness(shape: TableShape, row: Row): string | null {
    const unique: Record<string, string[]> = { build_orders: ['reference'], users: ['username'], user_groups: ['name'], suppliers: ['name'], purchase_orders: ['reference'] };
    for (const column of unique[shape.table] ?? []) {
      const value = row[column];
      if (typeof value !== 'string') continue;
      for (let suffix = 2; suffix < 1000; suffix += 1) {
        const candidate = `${value}-${suffix}`;
        if (!this.prepared(`select 1 from main.${quoted(shape.table)} where lower(${quoted(column)}) = lower(?)`).get(candidate)) {
          row[column] = candidate;
          return column;
        }
      }
    }
    if (shape.table === 'users' && row.email !== null) {
      row.email = null;
      return 'email';
    }
    return null;
  }

  private applyInsert(shape: TableShape, given: Row, conflicts: Conflict[], images: RowImage[]): void {
    const row = { ...given };
    if (this.read(shape, keyValues(shape, row))) return;
    if (!this.ensureParents(shape, row, conflicts, images)) {
      conflicts.push({ table: shape.table, row, kind: 'insert-skipped', detail: 'it needs a row that no longer exists' });
      return;
    }
    for (let attempt = 0; ; attempt += 1) {
      try {
        this.insertRow(shape, row);
        break;
      } catch (error) {
        const unique = (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
        const renamed = unique && attempt < 3 ? this.renameForUniqueness(shape, row) : null;
        if (!renamed) throw error;
        conflicts.push({ table: shape.table, row, kind: 'renamed', detail: `${renamed} was already taken` });
      }
    }
    images.push({ table: shape.table, before: null, after: this.read(shape, keyValues(shape, row)) });
  }

  private applyUpdate(shape: TableShape, change: Extract<RowChange, { op: 'u' }>, conflicts: Conflict[], images: RowImage[]): void {
    const before = this.read(shape, change.key);
    if (!before) return;
    const values: Row = { ...change.set };
    for (const [column, amount] of Object.entries(change.add)) values[column] = Number(before[column] ?? 0) + amount;
    const next = { ...before, ...values };
    this.ensureParents(shape, next, conflicts, images);
    for (const fk of shape.foreignKeys) if (fk.column in values || next[fk.column] !== before[fk.column]) values[fk.column] = next[fk.column] ?? null;
    this.writeColumns(shape, change.key, values);
    images.push({ table: shape.table, before, after: this.read(shape, change.key) });
  }

  private referenced(shape: TableShape, row: Row): boolean {
    return shape.referredBy.some(
      (fk) => fk.restricts && this.prepared(`select 1 from main.${quoted(fk.from)} where ${quoted(fk.column)} = ? limit 1`).get(row[fk.parentColumn] ?? null) !== undefined,
    );
  }

  private applyDelete(shape: TableShape, change: Extract<RowChange, { op: 'd' }>, author: number | null, conflicts: Conflict[], images: RowImage[]): void {
    const before = this.read(shape, change.key);
    if (!before) return;
    if (this.referenced(shape, before)) {
      conflicts.push({ table: shape.table, row: before, kind: 'kept-referenced', detail: 'kept: another change added something to it first' });
      return;
    }
    this.prepared('insert or replace into team_tombstones (table_name, row_key, row, deleted_at, deleted_by) values (?, ?, ?, ?, ?)').run(
      shape.table,
      keyOf(shape, before),
      JSON.stringify(before),
      this.now(),
      author,
    );
    this.deleteRow(shape, change.key);
    images.push({ table: shape.table, before, after: null });
  }

  /** Applies one author's changes in order; returns the rows' images and what the order settled differently. */
  apply(changes: RowChange[], author: number | null = null): { images: RowImage[]; conflicts: Conflict[] } {
    const images: RowImage[] = [];
    const conflicts: Conflict[] = [];
    for (const change of changes) {
      const shape = this.shape(change.t);
      if (change.op === 'i') this.applyInsert(shape, change.row, conflicts, images);
      else if (change.op === 'u') this.applyUpdate(shape, change, conflicts, images);
      else this.applyDelete(shape, change, author, conflicts, images);
    }
    return { images, conflicts };
  }

  /** Takes applied changes back out, newest first, to exactly the rows they found. */
  undo(images: RowImage[]): void {
    for (const image of [...images].reverse()) {
      const shape = this.shape(image.table);
      if (image.after && !image.before) this.deleteRow(shape, keyValues(shape, image.after));
      else if (image.before && !image.after) this.insertRow(shape, image.before);
      else if (image.before) {
        const values: Row = {};
        for (const column of shape.columns) if (!shape.policy.key.includes(column)) values[column] = image.before[column] ?? null;
        this.writeColumns(shape, keyValues(shape, image.before), values);
      }
    }
  }
}
