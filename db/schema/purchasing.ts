import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { parts } from './inventory';
import { users } from './users';

/** Who parts are bought from. */
export const suppliers = sqliteTable(
  'suppliers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    website: text('website').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [uniqueIndex('suppliers_name').on(sql`lower(${table.name})`)],
);

/**
 * A part as one supplier sells it: their SKU, the pack it comes in (in the part's units, scaled like
 * every quantity), the price of a pack (a decimal string in the workshop's currency), and how many
 * days it takes to arrive. One supplier part of a part may be the preferred one.
 */
export const supplierParts = sqliteTable(
  'supplier_parts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'cascade' }),
    partId: integer('part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'cascade' }),
    sku: text('sku').notNull().default(''),
    packSize: integer('pack_size').notNull(),
    pricePerPack: text('price_per_pack'),
    leadTimeDays: integer('lead_time_days'),
    preferred: integer('preferred', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    index('supplier_parts_part').on(table.partId),
    index('supplier_parts_supplier').on(table.supplierId),
    check('supplier_parts_pack_positive', sql`${table.packSize} > 0`),
  ],
);

/**
 * draft -> placed -> (partly) received, or cancelled. Only what a person decides is stored; how much
 * has arrived is read from the lines, so receipts on two desktops of a team add up and the state
 * always agrees with them.
 */
export const purchaseOrderStatuses = ['draft', 'placed', 'cancelled'] as const;
export type PurchaseOrderStatus = (typeof purchaseOrderStatuses)[number];

export const purchaseOrders = sqliteTable(
  'purchase_orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull(),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'restrict' }),
    status: text('status', { enum: purchaseOrderStatuses }).notNull().default('draft'),
    notes: text('notes').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    placedAt: integer('placed_at'),
  },
  (table) => [uniqueIndex('purchase_orders_reference').on(sql`lower(${table.reference})`), index('purchase_orders_supplier').on(table.supplierId)],
);

/** What an order asks for, in the part's units, and how much of it has arrived. */
export const purchaseOrderLines = sqliteTable(
  'purchase_order_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => purchaseOrders.id, { onDelete: 'cascade' }),
    supplierPartId: integer('supplier_part_id')
      .notNull()
      .references(() => supplierParts.id, { onDelete: 'restrict' }),
    partId: integer('part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'restrict' }),
    quantity: integer('quantity').notNull(),
    received: integer('received').notNull().default(0),
    /** A calendar date (YYYY-MM-DD): "due on the 3rd" wherever the team is. */
    expectedDate: text('expected_date'),
  },
  (table) => [
    index('purchase_order_lines_order').on(table.orderId),
    index('purchase_order_lines_part').on(table.partId),
    check('purchase_order_lines_quantity_positive', sql`${table.quantity} > 0`),
  ],
);
