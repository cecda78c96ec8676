import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// A desktop's own records of its place in a team (see docs/team.md). None of it is replicated: it
// says what this desktop has sent, applied and kept aside, and is never part of a snapshot.

/** Events this desktop made and the team has not confirmed yet, in the order they were made. */
export const teamOutbox = sqliteTable('team_outbox', {
  position: integer('position').primaryKey({ autoIncrement: true }),
  eventId: text('event_id').notNull().unique(),
  /** The event as published (JSON). */
  body: text('body').notNull(),
  /** Each row's image before and after this desktop applied it, to take it back out and put it in again (JSON). */
  applied: text('applied').notNull(),
  createdAt: integer('created_at').notNull(),
  /** The stream position the server gave it, once published. */
  publishedSeq: integer('published_seq'),
});

/** Events applied from the team's log, by id, so one sent twice is applied once. */
export const teamApplied = sqliteTable('team_applied', {
  eventId: text('event_id').primaryKey(),
  seq: integer('seq').notNull(),
  appliedAt: integer('applied_at').notNull(),
});

/** Rows deleted by the log's order, kept so a later change that still needs them can bring them back. */
export const teamTombstones = sqliteTable(
  'team_tombstones',
  {
    tableName: text('table_name').notNull(),
    rowKey: text('row_key').notNull(),
    row: text('row').notNull(),
    deletedAt: integer('deleted_at').notNull(),
    /** Who deleted it, to be told if a later change brings it back. */
    deletedBy: integer('deleted_by'),
  },
  (table) => [primaryKey({ columns: [table.tableName, table.rowKey] })],
);

/**
 * Who last set each shared field through the log, at which position, and to what: an edit made
 * without seeing that write (its author's desktop was behind it) replaces it, and its author is told.
 */
export const teamFieldWrites = sqliteTable(
  'team_field_writes',
  {
    tableName: text('table_name').notNull(),
    rowKey: text('row_key').notNull(),
    columnName: text('column_name').notNull(),
    seq: integer('seq').notNull(),
    authorId: integer('author_id'),
    /** The value it set (JSON), to tell its author what was replaced. */
    value: text('value').notNull(),
  },
  (table) => [primaryKey({ columns: [table.tableName, table.rowKey, table.columnName] })],
);
