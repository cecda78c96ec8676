import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { partCategories, parts } from './inventory';
import { users } from './users';

/**
 * A set of people an administrator names (Purchasing, Lab B) so that one subscription covers all
 * of them: each member hears about the group's parts and categories as if subscribed themselves.
 */
export const userGroups = sqliteTable(
  'user_groups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [uniqueIndex('user_groups_name').on(sql`lower(${table.name})`)],
);

export const groupMembers = sqliteTable(
  'group_members',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => userGroups.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.userId] }), index('group_members_user').on(table.userId)],
);

export const groupPartSubscriptions = sqliteTable(
  'group_part_subscriptions',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => userGroups.id, { onDelete: 'cascade' }),
    partId: integer('part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.partId] }), index('group_part_subscriptions_part').on(table.partId)],
);

export const groupCategorySubscriptions = sqliteTable(
  'group_category_subscriptions',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => userGroups.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => partCategories.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.groupId, table.categoryId] }), index('group_category_subscriptions_category').on(table.categoryId)],
);

/**
 * A member who left one of their group's subscriptions for themselves: the group still follows it,
 * they no longer hear about it through the group. `targetId` is a part or a category by `targetKind`.
 */
export const groupOptOuts = sqliteTable(
  'group_opt_outs',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    groupId: integer('group_id')
      .notNull()
      .references(() => userGroups.id, { onDelete: 'cascade' }),
    targetKind: text('target_kind', { enum: ['part', 'category'] }).notNull(),
    targetId: integer('target_id').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.groupId, table.targetKind, table.targetId] })],
);
