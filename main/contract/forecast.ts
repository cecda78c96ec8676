import { z } from 'zod';
import { purchaseOrderDetail } from './purchasing';
import { id, quantityText, timestamp } from './shared';

/** Less record than this, or fewer removals in it, and a daily rate would be a guess: the forecast says so. */
export const MIN_HISTORY_DAYS = 14;
export const MIN_USES = 3;

/**
 * A part's usage forecast. `status` says which of the plain cases applies; the numbers behind it are
 * always given so the page can show its working.
 */
export const forecastStatus = z.enum(['no_minimum', 'too_little_history', 'already_low', 'not_projected', 'projected']);
export type ForecastStatus = z.infer<typeof forecastStatus>;

export const forecastView = z.object({
  partId: id,
  units: z.string(),
  status: forecastStatus,
  windowDays: z.number().int(),
  /** Days of record the rate is taken over: the window, or less for a younger part. */
  historyDays: z.number(),
  uses: z.number().int(),
  used: quantityText,
  /** Null when there is too little history to say. */
  dailyUse: quantityText.nullable(),
  stock: quantityText,
  minimum: quantityText,
  /** Still to come on placed orders; undated is the part of it with no expected date or lead time. */
  onOrder: quantityText,
  undatedOnOrder: quantityText,
  /** The local date stock is projected to fall below the minimum. */
  belowMinimumOn: z.string().nullable(),
  /** Whole days from the host's today to that date (its clock, not the viewer's, says what today is). */
  daysAhead: z.number().int().nullable(),
  leadTimeDays: z.number().int(),
  leadTimeSource: z.enum(['preferred', 'shortest', 'none']),
  /** Who the lead time is from, when one is known. */
  leadTimeSupplier: z.string().nullable(),
  safetyDays: z.number().int(),
  /** The date from which the part counts as "will run low": the projected date less lead time and margin. */
  warnFrom: z.string().nullable(),
  /** A "Will run low" warning stands for it (told once; re-armed when the projection moves out). */
  warned: z.boolean(),
});
export type ForecastView = z.infer<typeof forecastView>;

export const forecastSettings = z.object({
  windowDays: z.number({ message: 'Enter a number of days' }).int('Enter a whole number of days').min(14, 'Look back at least 14 days').max(730, 'Look back at most 730 days'),
  safetyDays: z.number({ message: 'Enter a number of days' }).int('Enter a whole number of days').min(0, 'A margin cannot be negative').max(365, 'Use at most 365 days'),
  coverDays: z.number({ message: 'Enter a number of days' }).int('Enter a whole number of days').min(1, 'An order should last at least a day').max(730, 'Use at most 730 days'),
});
export type ForecastSettings = z.infer<typeof forecastSettings>;

export const stockPoint = z.object({ at: timestamp, stock: z.number() });

export const stockHistoryView = z.object({
  partId: id,
  units: z.string(),
  /** Total stock (variants included) at the end of each day of the window, in units, then now. */
  history: z.array(stockPoint),
  minimum: z.number(),
  /** Placed orders still to come, on their due dates (overdue ones today). */
  arrivals: z.array(z.object({ at: timestamp, quantity: z.number(), reference: z.string() })),
  /** The projection from now at the forecast's daily use, with arrivals; empty without a rate. */
  forecast: z.array(stockPoint),
});
export type StockHistoryView = z.infer<typeof stockHistoryView>;

/**
 * A part's total stock (variants included) at the close of each of the last 30 days, oldest first, in
 * units, today's being now; fewer when its record began later, none when it has no record at all.
 */
export const stockSparkline = z.object({ partId: id, points: z.array(z.number()) });
export type StockSparkline = z.infer<typeof stockSparkline>;

export const reorderLine = z.object({
  partId: id,
  partName: z.string(),
  ipn: z.string().nullable(),
  units: z.string(),
  reason: z.enum(['low', 'will_run_low']),
  stock: quantityText,
  minimum: quantityText,
  onOrder: quantityText,
  dailyUse: quantityText.nullable(),
  belowMinimumOn: z.string().nullable(),
  target: quantityText,
  /** target − (stock + on order), rounded up to the supplier's pack size. */
  suggested: quantityText,
  supplierPartId: id.nullable(),
  sku: z.string().nullable(),
  packSize: quantityText.nullable(),
  pricePerPack: z.string().nullable(),
  leadTimeDays: z.number().int().nullable(),
});
export type ReorderLine = z.infer<typeof reorderLine>;

export const reorderGroup = z.object({
  supplierId: id.nullable(),
  supplierName: z.string().nullable(),
  lines: z.array(reorderLine),
});
export type ReorderGroup = z.infer<typeof reorderGroup>;

export const forecastContract = {
  'forecast.part': { access: 'member', input: z.object({ partId: id }), output: forecastView },
  'forecast.history': { access: 'member', input: z.object({ partId: id }), output: stockHistoryView },
  /** The stock trend of a page of parts at once (the parts table's small charts); unknown ids are left out. */
  'forecast.sparklines': { access: 'member', input: z.object({ partIds: z.array(id).max(200) }), output: z.array(stockSparkline) },
  'forecast.settings.get': { access: 'member', input: z.object({}), output: forecastSettings },
  'forecast.settings.update': { access: 'admin', input: forecastSettings, output: forecastSettings },
  /** Every part that is low or will run low within its lead time, grouped by its preferred supplier. */
  'reorder.list': { access: 'member', input: z.object({}), output: z.array(reorderGroup) },
  /** Turns one supplier's group of the reorder list, as it stands now, into a draft purchase order. */
  'reorder.createOrder': { access: 'member', input: z.object({ supplierId: id }), output: purchaseOrderDetail },
} as const;
