import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { parts } from './inventory';

/**
 * Parts whose projected fall below their minimum came within their lead time (plus the safety
 * margin), and whose subscribers were told so. A row is the armed-and-fired state: it goes when the
 * projection moves out again (or the part goes low, which its own alert covers), so the next time it
 * comes within reach tells people again. The facts are the ones told, so every desktop of a team
 * words the notice the same.
 */
export const partRunLowWarnings = sqliteTable('part_run_low_warnings', {
  partId: integer('part_id')
    .primaryKey()
    .references(() => parts.id, { onDelete: 'cascade' }),
  /** The local calendar date (YYYY-MM-DD) the part was projected to fall below its minimum. */
  belowMinimumOn: text('below_minimum_on').notNull(),
  /** Average use per day over the window, scaled like every quantity. */
  dailyUse: integer('daily_use').notNull(),
  leadTimeDays: integer('lead_time_days').notNull(),
  warnedAt: integer('warned_at').notNull(),
});
