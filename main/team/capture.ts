import type Database from 'better-sqlite3';
import { quoted, type Row, type TableShape } from './rowShapes';

// Records, while this desktop writes, the image of every shared row before and after each change,
// with SQLite triggers in the connection's temporary schema: nothing about capturing is stored in
// the database file, and a desktop that is not in a team never has them. Whatever a service
// writes is captured, so a new feature is shared by declaring its table (replicatedTables.ts).

export interface CapturedChange {
  table: string;
  before: Row | null;
  after: Row | null;
}

function rowJson(shape: TableShape, alias: 'NEW' | 'OLD'): string {
  return `json_object(${shape.columns.map((column) => `'${column}', ${alias}.${quoted(column)}`).join(', ')})`;
}

function condition(shape: TableShape, alias: 'NEW' | 'OLD'): string {
  const share = shape.policy.shareWhen ? ` and (${shape.policy.shareWhen.replace(/\bROW\./g, `${alias}.`)})` : '';
  return `(select capturing from temp.team_capture_switch)${share}`;
}

function triggersFor(shape: TableShape): string[] {
  const table = `main.${quoted(shape.table)}`;
  const record = (before: string, after: string) =>
    `insert into temp.team_captured (table_name, before, after) values ('${shape.table}', ${before}, ${after});`;
  const changed = shape.columns.map((column) => `NEW.${quoted(column)} is not OLD.${quoted(column)}`).join(' or ');
  const triggers = [
    `create temp trigger team_capture_${shape.table}_update after update on ${table}
       when ${condition(shape, 'NEW')} and (${changed})
       begin ${record(rowJson(shape, 'OLD'), rowJson(shape, 'NEW'))} end`,
    `create temp trigger team_capture_${shape.table}_delete after delete on ${table}
       when ${condition(shape, 'OLD')}
       begin ${record(rowJson(shape, 'OLD'), 'null')} end`,
  ];
  if (!shape.policy.derivedInserts) {
    triggers.push(
      `create temp trigger team_capture_${shape.table}_insert after insert on ${table}
         when ${condition(shape, 'NEW')}
         begin ${record('null', rowJson(shape, 'NEW'))} end`,
    );
  }
  return triggers;
}

export class Capture {
  private readonly take: Database.Statement;
  private readonly clear: Database.Statement;
  private readonly setSwitch: Database.Statement;

  constructor(
    private readonly client: Database.Database,
    shapes: Iterable<TableShape>,
  ) {
    client.exec(`create temp table if not exists team_captured (position integer primary key, table_name text not null, before text, after text);
      create temp table if not exists team_capture_switch (capturing integer not null);
      delete from temp.team_capture_switch; insert into temp.team_capture_switch values (1);`);
    for (const shape of shapes) {
      for (const kind of ['insert', 'update', 'delete']) client.exec(`drop trigger if exists temp.team_capture_${shape.table}_${kind}`);
      for (const sql of triggersFor(shape)) client.exec(sql);
    }
    this.take = client.prepare('select table_name as tableName, before, after from temp.team_captured order by position');
    this.clear = client.prepare('delete from temp.team_captured');
    this.setSwitch = client.prepare('update temp.team_capture_switch set capturing = ?');
  }

  /** What this transaction changed so far, in order; the record starts afresh. */
  drain(): CapturedChange[] {
    const rows = this.take.all() as { tableName: string; before: string | null; after: string | null }[];
    if (rows.length === 0) return [];
    this.clear.run();
    return rows.map((row) => ({
      table: row.tableName,
      before: row.before === null ? null : (JSON.parse(row.before) as Row),
      after: row.after === null ? null : (JSON.parse(row.after) as Row),
    }));
  }

  /** Runs `work` without recording it: the log's own changes, applied here, are not this desktop's. */
  paused<T>(work: () => T): T {
    this.setSwitch.run(0);
    try {
      return work();
    } finally {
      this.setSwitch.run(1);
    }
  }

  /** Takes the triggers away (leaving the team, closing). */
  remove(shapes: Iterable<TableShape>): void {
    for (const shape of shapes) for (const kind of ['insert', 'update', 'delete']) this.client.exec(`drop trigger if exists temp.team_capture_${shape.table}_${kind}`);
  }
}
