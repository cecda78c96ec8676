import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { partCategories, parts } from './inventory';
import { users } from './users';

export const partSubscriptions = sqliteTable(
  'part_subscriptions',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    partId: integer('part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.partId] }), index('part_subscriptions_part').on(table.partId)],
);

export const categorySubscriptions = sqliteTable(
  'category_subscriptions',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => partCategories.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.categoryId] }),
    index('category_subscriptions_category').on(table.categoryId),
  ],
);

/**
 * What happened, once: a crossing or a build notice with its wording and facts. Everyone told about
 * it has a small row in `notifications` pointing here, so a crossing followed by a thousand people
 * stores its text once.
 */
/**
 * A person's pause on a part (and its variants): no notification of any kind about it until
 * `until`, or, with untilRestocked, until its stock is back at its minimum.
 */
export const partMutes = sqliteTable(
  'part_mutes',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    partId: integer('part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'cascade' }),
    until: integer('until'),
    untilRestocked: integer('until_restocked', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.partId] }), index('part_mutes_part').on(table.partId)],
);

/** A person's pause on a category and everything under it, until a time. */
export const categoryMutes = sqliteTable(
  'category_mutes',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => partCategories.id, { onDelete: 'cascade' }),
    until: integer('until').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.categoryId] }), index('category_mutes_category').on(table.categoryId)],
);

export const notificationEvents = sqliteTable('notification_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  message: text('message').notNull(),
  targetKind: text('target_kind').notNull(),
  targetId: text('target_id').notNull(),
  /** The facts the message was written from, so it can be rendered again in another language. */
  data: text('data', { mode: 'json' }).notNull().default({}),
  createdAt: integer('created_at').notNull(),
});

/** One person's copy of an event: why they were told, and whether they have read it. */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    eventId: integer('event_id')
      .notNull()
      .references(() => notificationEvents.id, { onDelete: 'cascade' }),
    /** Kept with the person's row so an inbox filtered by kind and the email preferences need no join. */
    kind: text('kind').notNull(),
    /** Why this person got it ("You are subscribed to Resistors."). */
    reason: text('reason').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
    /**
     * 0 while a notification is fresh. A crossing followed by a thousand people would otherwise
     * write into a thousand places of the large per-person index inside the stock change's
     * transaction; fresh rows go to a small index instead, and maintenance moves them over in
     * batches, person by person (see notifications.settle).
     */
    settled: integer('settled').notNull().default(1),
    /**
     * Snoozed: out of the inbox and the bell's count until this time, then back, unread. Unread
     * counters count only what is not snoozed; the waker (maintenance) clears it when it is due.
     */
    snoozedUntil: integer('snoozed_until'),
    /** Archived: out of History, kept past the retention period, found under Archived and by search. */
    archivedAt: integer('archived_at'),
  },
  (table) => [
    index('notifications_unread').on(table.userId, table.createdAt, table.id).where(sql`${table.readAt} is null and ${table.settled} = 1`),
    index('notifications_fresh').on(table.userId, table.createdAt, table.id).where(sql`${table.readAt} is null and ${table.settled} = 0`),
    // History and Archived: each its own index, so a page and its count read only that state's rows
    // (archived_at is in the index too, so a count is answered from the index alone).
    index('notifications_history').on(table.userId, table.readAt, table.id, table.archivedAt).where(sql`${table.readAt} is not null and ${table.archivedAt} is null`),
    index('notifications_archived').on(table.userId, table.readAt, table.id, table.archivedAt).where(sql`${table.readAt} is not null and ${table.archivedAt} is not null`),
    index('notifications_event').on(table.eventId),
    index('notifications_snoozed').on(table.snoozedUntil, table.userId).where(sql`${table.snoozedUntil} is not null`),
  ],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

/**
 * What became of a notification's OS banner on this computer (shown, held for quiet hours, turned
 * off, nobody signed in), for "Why did I get this?". This desktop's own record; never shared.
 */
export const bannerDeliveries = sqliteTable('banner_deliveries', {
  notificationId: integer('notification_id')
    .primaryKey()
    .references(() => notifications.id, { onDelete: 'cascade' }),
  outcome: text('outcome', { enum: ['shown', 'held', 'released', 'off', 'signed-out'] }).notNull(),
  at: integer('at').notNull(),
});
