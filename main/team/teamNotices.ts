import type Database from 'better-sqlite3';
import type { WriteContext } from '../core/context';
import { queueEmails } from '../core/mail/delivery';
import { renderEmail } from '../core/mail/templates';
import { notifications } from '../core/notifications/notifications';
import { formatQuantity } from '../core/quantity';
import type { TeamEvent } from './replica';
import type { Conflict } from './rowChanges';
import type { Row, RowValue } from './rowShapes';

// Telling people how the log's order settled their change when it was made on a desktop that had
// not yet seen a teammate's: a field they set that a later edit replaced (last writer wins, and the
// earlier author is told), a deletion that could not be kept, a number already taken, a row their
// change needed that was gone. Every desktop works this out from the same log, so each has the same
// notice with the same id.

type ValueKind = 'text' | 'quantity' | 'flag' | { names: string };

interface WatchedTable {
  /** What the row is called in a sentence ("part", "location"). */
  noun: string;
  fields: Record<string, { label: string; kind: ValueKind }>;
}

const text = (label: string) => ({ label, kind: 'text' as const });
const quantity = (label: string) => ({ label, kind: 'quantity' as const });
const flag = (label: string) => ({ label, kind: 'flag' as const });
const reference = (label: string, table: string) => ({ label, kind: { names: table } });

/** The fields a person sets on purpose; timestamps, counters and hashes are nobody's edit. */
const WATCHED: Record<string, WatchedTable> = {
  parts: {
    noun: 'part',
    fields: {
      name: text('name'),
      ipn: text('IPN'),
      description: text('description'),
      category_id: reference('category', 'part_categories'),
      variant_of_id: reference('template', 'parts'),
      is_template: flag('template'),
      is_assembly: flag('assembly'),
      active: flag('active'),
      minimum_stock: quantity('minimum stock'),
      units: text('units'),
    },
  },
  part_categories: { noun: 'category', fields: { name: text('name'), description: text('description'), parent_id: reference('parent category', 'part_categories') } },
  stock_locations: { noun: 'location', fields: { name: text('name'), description: text('description'), parent_id: reference('parent location', 'stock_locations') } },
  stock_items: { noun: 'stock item', fields: { location_id: reference('location', 'stock_locations'), batch: text('batch') } },
  bom_lines: { noun: 'BOM line', fields: { quantity: quantity('quantity'), allow_variants: flag('variants allowed'), optional: flag('optional'), note: text('note') } },
  build_orders: {
    noun: 'build order',
    fields: { reference: text('reference'), quantity: quantity('quantity'), status: text('status'), target_date: text('target date'), notes: text('notes') },
  },
  users: { noun: 'person', fields: { display_name: text('display name'), email: text('email'), role: text('role'), active: flag('active') } },
};

/** One field of one row: someone's earlier write, and the later one that replaced it unseen. */
export interface Overwrite {
  table: string;
  key: RowValue[];
  column: string;
  replaced: { authorId: number; value: RowValue };
  value: RowValue;
}

interface FieldWrite {
  seq: number;
  authorId: number | null;
  value: string;
}

export class FieldWrites {
  private readonly find: Database.Statement;
  private readonly keep: Database.Statement;

  constructor(client: Database.Database) {
    this.find = client.prepare('select seq, author_id as authorId, value from team_field_writes where table_name = ? and row_key = ? and column_name = ?');
    this.keep = client.prepare(
      `insert into team_field_writes (table_name, row_key, column_name, seq, author_id, value) values (?, ?, ?, ?, ?, ?)
       on conflict (table_name, row_key, column_name) do update set seq = excluded.seq, author_id = excluded.author_id, value = excluded.value`,
    );
  }

  /**
   * Records the fields `event` sets at its place `seq` in the log, and returns the earlier writes by
   * someone else that it replaces although its author's desktop had not seen them.
   */
  record(event: TeamEvent, seq: number): Overwrite[] {
    const found: Overwrite[] = [];
    for (const change of event.changes) {
      if (change.op !== 'u') continue;
      const watched = WATCHED[change.t];
      if (!watched) continue;
      const rowKey = JSON.stringify(change.key);
      for (const [column, value] of Object.entries(change.set)) {
        if (!(column in watched.fields)) continue;
        const written = JSON.stringify(value);
        const earlier = this.find.get(change.t, rowKey, column) as FieldWrite | undefined;
        const unseen = earlier !== undefined && earlier.seq > event.base;
        if (unseen && earlier.authorId !== null && earlier.authorId !== event.author && earlier.value !== written) {
          found.push({ table: change.t, key: change.key, column, replaced: { authorId: earlier.authorId, value: JSON.parse(earlier.value) as RowValue }, value });
        }
        this.keep.run(change.t, rowKey, column, seq, event.author, written);
      }
    }
    return found;
  }
}

function shown(client: Database.Database, kind: ValueKind, value: RowValue): string {
  if (value === null || value === '') return 'nothing';
  if (kind === 'quantity') return formatQuantity(Number(value));
  if (kind === 'flag') return Number(value) ? 'yes' : 'no';
  if (typeof kind === 'object') {
    const name = client.prepare(`select name from ${kind.names} where id = ?`).pluck().get(value) as string | undefined;
    return name ?? `#${value}`;
  }
  return String(value);
}

/** What the row is called, and where in the app it is shown. */
function subjectOf(client: Database.Database, table: string, row: Row): { name: string; target: { kind: string; id: string } } {
  const id = String(row.id ?? '');
  switch (table) {
    case 'parts':
      return { name: String(row.name), target: { kind: 'part', id } };
    case 'part_categories':
      return { name: String(row.name), target: { kind: 'category', id } };
    case 'stock_locations':
      return { name: String(row.name), target: { kind: 'location', id } };
    case 'build_orders':
      return { name: String(row.reference), target: { kind: 'build', id } };
    case 'users':
      return { name: String(row.display_name), target: { kind: 'user', id } };
    case 'stock_items': {
      const part = client.prepare('select name from parts where id = ?').pluck().get(row.part_id) as string | undefined;
      return { name: `${part ?? 'a part'} (item #${id})`, target: { kind: 'part', id: String(row.part_id) } };
    }
    case 'bom_lines': {
      const names = client.prepare('select (select name from parts where id = ?) || \' in \' || (select name from parts where id = ?)').pluck().get(row.sub_part_id, row.assembly_id) as string | null;
      return { name: names ?? 'a BOM line', target: { kind: 'part', id: String(row.assembly_id) } };
    }
    default:
      return { name: table, target: { kind: 'inbox', id: '' } };
  }
}

/**
 * Tells each person whose edit `event` replaced unseen, in-app (and by banner and email as their
 * preferences for "Your change was replaced" say), as part of applying the event.
 */
export function tellOverwritten(ctx: WriteContext, event: TeamEvent, overwrites: Overwrite[]): void {
  const client = ctx.db.$client;
  const byPersonAndRow = new Map<string, Overwrite[]>();
  for (const overwrite of overwrites) {
    const key = `${overwrite.replaced.authorId}:${overwrite.table}:${JSON.stringify(overwrite.key)}`;
    byPersonAndRow.set(key, [...(byPersonAndRow.get(key) ?? []), overwrite]);
  }
  const author = event.author === null ? null : (client.prepare('select display_name from users where id = ?').pluck().get(event.author) as string | undefined);
  const who = author ?? 'Someone';
  for (const group of byPersonAndRow.values()) {
    const [first] = group;
    if (!first) continue;
    const personActive = client.prepare('select 1 from users where id = ? and active = 1').pluck().get(first.replaced.authorId);
    const watched = WATCHED[first.table];
    const row = client.prepare(`select * from ${first.table} where id = ?`).get(...first.key) as Row | undefined;
    if (!personActive || !watched || !row) continue;
    const subject = subjectOf(client, first.table, row);
    const lines = group.map((overwrite) => {
      const field = watched.fields[overwrite.column] as { label: string; kind: ValueKind };
      return {
        field: field.label,
        yours: shown(client, field.kind, overwrite.replaced.value),
        theirs: shown(client, field.kind, overwrite.value),
      };
    });
    const title = `Your change was replaced: ${subject.name}`;
    const message = `${who} changed the ${lines.map((line) => line.field).join(', ')} of ${watched.noun} "${subject.name}" on a desktop that had not yet received your change, so theirs is the one kept: ${lines
      .map((line) => `${line.field} "${line.theirs}" instead of your "${line.yours}"`)
      .join('; ')}.`;
    const reason = 'You made the change that was replaced.';
    const created = notifications.createMany(
      ctx,
      { kind: 'team.overwritten', title, message, target: subject.target, data: { table: first.table, key: first.key, by: event.author, lines } },
      [{ userId: first.replaced.authorId, reason }],
    );
    const path = created[0]?.link ?? '/inbox';
    queueEmails(
      ctx,
      'team.overwritten',
      created.map((notification) => ({ notificationId: notification.id, reason: notification.reason })),
      (why, settings) =>
        renderEmail({
          instanceName: settings.instanceName,
          heading: title,
          intro: message,
          facts: [{ label: 'Changed by', value: who }],
          table: { columns: ['Field', 'Kept', 'Yours (replaced)'], rows: lines.map((line) => [line.field, line.theirs, line.yours]) },
          reason: why,
          path,
          links: ctx.links,
        }),
    );
  }
}

/** What a conflict did to the author's change, in words, or null for one that is nobody's news. */
function settledWords(conflict: Conflict, noun: string, name: string): { title: string; message: string } | null {
  switch (conflict.kind) {
    case 'kept-referenced':
      return {
        title: `Not deleted: ${name}`,
        message: `You deleted ${noun} "${name}" on a desktop that had not yet received a teammate's change that added something to it, so it stays.`,
      };
    case 'renamed': {
      const column = conflict.detail.split(' ')[0] ?? '';
      if (column === 'email') {
        return { title: `Email address left out: ${name}`, message: `Another person already had the email address you gave ${name} on another desktop, so ${name} has none for now.` };
      }
      return {
        title: `Renamed: ${name}`,
        message: `The ${noun} you made took a ${column === 'reference' ? 'number' : column} another desktop had already used, so yours is now "${name}".`,
      };
    }
    case 'insert-skipped':
      return {
        title: `Not added: ${name}`,
        message: `The ${noun} "${name}" you added needed something a teammate had deleted before your change reached the team, so it was not added.`,
      };
    case 'reference-dropped':
      return {
        title: `Changed by a teammate's deletion: ${name}`,
        message: `Your ${noun} "${name}" pointed at something a teammate had deleted before your change reached the team; that link was removed.`,
      };
    case 'parent-restored':
      return {
        title: `Brought back: ${name}`,
        message: `You deleted ${noun} "${name}", and a teammate's change made before they received your deletion still needs it, so it is back.`,
      };
  }
}

/**
 * Tells the author of `event` what the log's order did to their change (a deletion kept back, a
 * taken number, a row that was gone), and the person who deleted a row `event` brought back, once
 * per row, on every desktop alike.
 */
export function tellSettled(ctx: WriteContext, event: TeamEvent, conflicts: Conflict[]): void {
  const client = ctx.db.$client;
  const active = client.prepare('select 1 from users where id = ? and active = 1').pluck();
  const told = new Set<string>();
  for (const conflict of conflicts) {
    const watched = WATCHED[conflict.table];
    // A row brought back is news to whoever deleted it; everything else, to whoever made this change.
    const personId = conflict.kind === 'parent-restored' ? (conflict.deletedBy ?? null) : event.author;
    if (!watched || personId === null || (conflict.kind === 'parent-restored' && personId === event.author) || !active.get(personId)) continue;
    const subject = subjectOf(client, conflict.table, conflict.row);
    const words = settledWords(conflict, watched.noun, subject.name);
    const key = `${conflict.kind}:${conflict.table}:${String(conflict.row.id)}`;
    if (!words || told.has(key)) continue;
    told.add(key);
    // A row that is not there (not added, or since gone) is shown from the inbox, not a dead link.
    const exists = client.prepare(`select 1 from ${conflict.table} where id = ?`).pluck().get(conflict.row.id);
    const target = exists ? subject.target : { kind: 'inbox', id: '' };
    notifications.createMany(
      ctx,
      { kind: 'team.overwritten', title: words.title, message: words.message, target, data: { table: conflict.table, id: conflict.row.id, conflict: conflict.kind } },
      [{ userId: personId, reason: 'You made the change the team settled this way.' }],
    );
  }
}
