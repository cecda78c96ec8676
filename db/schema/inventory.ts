import { sql } from 'drizzle-orm';
import { check, index, integer, type AnySQLiteColumn, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './users';

// Quantities are integers of 1/100000 unit (see main/core/quantity.ts); times are epoch milliseconds.

export const partCategories = sqliteTable(
  'part_categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => partCategories.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [index('part_categories_parent').on(table.parentId)],
);

export const parts = sqliteTable(
  'parts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    ipn: text('ipn'),
    description: text('description').notNull().default(''),
    categoryId: integer('category_id').references(() => partCategories.id, { onDelete: 'restrict' }),
    variantOfId: integer('variant_of_id').references((): AnySQLiteColumn => parts.id, { onDelete: 'restrict' }),
    isTemplate: integer('is_template', { mode: 'boolean' }).notNull().default(false),
    isAssembly: integer('is_assembly', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    minimumStock: integer('minimum_stock').notNull().default(0),
    units: text('units').notNull().default(''),
    // Variant-inclusive stock, kept current inside every stock transaction so reads never aggregate.
    stockTotal: integer('stock_total').notNull().default(0),
    // Whether the part was low when last evaluated; alerts fire only when this flips to true.
    isLow: integer('is_low', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [
    index('parts_category').on(table.categoryId),
    index('parts_variant_of').on(table.variantOfId),
    index('parts_name').on(sql`${table.name} collate nocase`),
    index('parts_low').on(table.isLow).where(sql`${table.isLow}`),
    check('parts_minimum_not_negative', sql`${table.minimumStock} >= 0`),
    // Totals are read into JavaScript numbers, so they must stay exact there. Below zero only when a
    // team's merged removals took more than there was (see stock_items.recount).
    check('parts_stock_total_in_range', sql`${table.stockTotal} between -9007199254740991 and 9007199254740991`),
  ],
);

export const stockLocations = sqliteTable(
  'stock_locations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => stockLocations.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [index('stock_locations_parent').on(table.parentId)],
);

export const stockItems = sqliteTable(
  'stock_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    partId: integer('part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'restrict' }),
    locationId: integer('location_id')
      .notNull()
      .references(() => stockLocations.id, { onDelete: 'restrict' }),
    quantity: integer('quantity').notNull(),
    batch: text('batch').notNull().default(''),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    // Deleted items are kept (at zero) so their movement history stays whole.
    deletedAt: integer('deleted_at'),
    /**
     * Desktops of a team took more from this item, offline, than it held once their changes were
     * merged: the quantity went below zero, which is a fact about the shelf to be counted again.
     */
    recount: integer('recount', { mode: 'boolean' }).notNull().default(false),
  },
  (table) => [
    index('stock_items_part').on(table.partId),
    index('stock_items_location').on(table.locationId),
    check('stock_items_quantity_in_range', sql`${table.quantity} between -100000000000000 and 100000000000000`),
  ],
);

export const movementKinds = ['create', 'add', 'remove', 'count', 'transfer', 'delete'] as const;
export type MovementKind = (typeof movementKinds)[number];

export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => stockItems.id, { onDelete: 'restrict' }),
    partId: integer('part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'restrict' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: movementKinds }).notNull(),
    delta: integer('delta').notNull(),
    quantityAfter: integer('quantity_after').notNull(),
    fromLocationId: integer('from_location_id').references(() => stockLocations.id, { onDelete: 'set null' }),
    toLocationId: integer('to_location_id').references(() => stockLocations.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    index('stock_movements_part_time').on(table.partId, table.createdAt),
    index('stock_movements_item').on(table.itemId),
    // The usage forecast sums each part's removals over a window on every change to it: covered here.
    index('stock_movements_removals').on(table.partId, table.createdAt, table.delta).where(sql`${table.kind} = 'remove'`),
  ],
);
