import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { parts, stockLocations } from './inventory';
import { users } from './users';

/** One line of an assembly's bill of materials; quantities in 1/100000 units like all stock. */
export const bomLines = sqliteTable(
  'bom_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    assemblyId: integer('assembly_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'cascade' }),
    subPartId: integer('sub_part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'restrict' }),
    quantity: integer('quantity').notNull(),
    allowVariants: integer('allow_variants', { mode: 'boolean' }).notNull().default(false),
    optional: integer('optional', { mode: 'boolean' }).notNull().default(false),
    note: text('note').notNull().default(''),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    uniqueIndex('bom_lines_assembly_sub_part').on(table.assemblyId, table.subPartId),
    index('bom_lines_sub_part').on(table.subPartId),
    check('bom_lines_quantity_positive', sql`${table.quantity} > 0`),
  ],
);

export const buildStatuses = ['pending', 'in_production', 'complete', 'cancelled'] as const;
export type BuildStatus = (typeof buildStatuses)[number];

export const buildOrders = sqliteTable(
  'build_orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull(),
    assemblyId: integer('assembly_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'restrict' }),
    quantity: integer('quantity').notNull(),
    status: text('status', { enum: buildStatuses }).notNull().default('pending'),
    /** A calendar date (YYYY-MM-DD), not a moment: "due on the 3rd" wherever the team is. */
    targetDate: text('target_date'),
    notes: text('notes').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    completedBy: integer('completed_by').references(() => users.id, { onDelete: 'set null' }),
    outputLocationId: integer('output_location_id').references(() => stockLocations.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    completedAt: integer('completed_at'),
    overdueNotifiedAt: integer('overdue_notified_at'),
  },
  (table) => [
    uniqueIndex('build_orders_reference').on(sql`lower(${table.reference})`),
    index('build_orders_status').on(table.status, table.targetDate),
    index('build_orders_assembly').on(table.assemblyId),
    check('build_orders_quantity_positive', sql`${table.quantity} > 0`),
  ],
);
