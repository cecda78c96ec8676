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

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    message: text('message').notNull(),
    targetKind: text('target_kind').notNull(),
    targetId: text('target_id').notNull(),
    /** Why this person got it ("you are subscribed to Resistors"), kept apart for email and the UI. */
    reason: text('reason').notNull().default(''),
    /** The facts the message was written from, so it can be rendered again in another language. */
    data: text('data', { mode: 'json' }).notNull().default({}),
    createdAt: integer('created_at').notNull(),
    readAt: integer('read_at'),
  },
  (table) => [
    index('notifications_unread').on(table.userId, table.createdAt, table.id).where(sql`${table.readAt} is null`),
    index('notifications_read').on(table.userId, table.readAt, table.id).where(sql`${table.readAt} is not null`),
  ],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});
