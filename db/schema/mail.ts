import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { notifications } from './notifications';
import { users } from './users';

export const outboxStatuses = ['queued', 'sending', 'sent', 'failed', 'dropped'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * The text and HTML of emails. One crossing followed by a thousand people for the same reason is one
 * body and a thousand small outbox rows pointing at it, not a thousand copies.
 */
export const outboxBodies = sqliteTable('outbox_bodies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  textBody: text('text_body').notNull(),
  htmlBody: text('html_body').notNull(),
});

/** Every email to send, written in the same transaction as what it reports; the mail worker drains it. */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    notificationId: integer('notification_id').references(() => notifications.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    bodyId: integer('body_id')
      .notNull()
      .references(() => outboxBodies.id, { onDelete: 'restrict' }),
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    /** What the email is about, so a stale low-stock email can be dropped at send time. */
    subjectKind: text('subject_kind'),
    subjectId: integer('subject_id'),
    status: text('status', { enum: outboxStatuses }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    messageId: text('message_id'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
    /** Digest rows carry one key per user and day, so a digest is never built twice. */
    dedupeKey: text('dedupe_key'),
  },
  (table) => [
    // Few indexes on purpose: a crossing followed by a thousand people writes a thousand rows here.
    index('outbox_due').on(table.nextAttemptAt, table.id).where(sql`${table.status} = 'queued'`),
    uniqueIndex('outbox_dedupe').on(table.dedupeKey).where(sql`${table.dedupeKey} is not null`),
  ],
);

/**
 * The emails of one fan-out (a crossing, a build notice), written in the notification's transaction
 * as a single row: the bodies, composed once per reason, and the notifications they report. The mail
 * worker expands it into outbox rows (or digest entries) per person in a short transaction of its
 * own, so a crossing followed by a thousand people costs the stock change one row, not a thousand.
 */
export const mailFanouts = sqliteTable('mail_fanouts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  notificationIds: text('notification_ids', { mode: 'json' }).$type<number[]>().notNull(),
  /** Per reason sentence: the stored body and subject for the people with that reason. */
  bodies: text('bodies', { mode: 'json' }).$type<Record<string, { bodyId: number; subject: string }>>().notNull(),
  subjectKind: text('subject_kind'),
  subjectId: integer('subject_id'),
  createdAt: integer('created_at').notNull(),
});

/** Notifications waiting for their owner's daily digest. */
export const digestQueue = sqliteTable(
  'digest_queue',
  {
    notificationId: integer('notification_id')
      .primaryKey()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    /** Held through quiet hours: sent as one summary at this time instead of in the daily digest. */
    releaseAt: integer('release_at'),
  },
  (table) => [index('digest_queue_user').on(table.userId, table.createdAt)],
);

/** Per person and notification kind: which channels besides the in-app inbox (always on). */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    desktop: integer('desktop', { mode: 'boolean' }).notNull().default(true),
    email: integer('email', { mode: 'boolean' }).notNull().default(true),
    emailMode: text('email_mode', { enum: ['immediate', 'digest'] }).notNull().default('immediate'),
  },
  (table) => [primaryKey({ columns: [table.userId, table.kind] })],
);
