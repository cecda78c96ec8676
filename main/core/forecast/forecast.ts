import type { ForecastSettings, ForecastView } from '../../contract/forecast';
import { localDate, startOfLocalDate } from '../calendar';
import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { variantTreeIds } from '../inventory/trees';
import { formatQuantity } from '../quantity';
import { readSetting } from '../settings';
import { prepared } from '../statements';
import { belowMinimumAt, DAY_MS, roundedDailyUse, usageRate, type Arrival, type UsageRate } from './projection';

// A part's forecast from its own record: removals (by hand and by builds) of the part and its
// variants over the window, what placed orders still bring and when, and the lead time of the
// supplier it would be bought from.

export function readForecastSettings(ctx: CoreContext): ForecastSettings {
  return {
    windowDays: readSetting(ctx, 'forecast.windowDays'),
    safetyDays: readSetting(ctx, 'forecast.safetyDays'),
    coverDays: readSetting(ctx, 'forecast.coverDays'),
  };
}

interface PartFacts {
  id: number;
  name: string;
  ipn: string | null;
  units: string;
  active: number;
  minimumStock: number;
  stockTotal: number;
}

export interface OrderedArrival extends Arrival {
  reference: string;
}

export interface Forecast {
  part: PartFacts;
  status: ForecastView['status'];
  rate: UsageRate;
  used: number;
  arrivals: OrderedArrival[];
  onOrder: number;
  undatedOnOrder: number;
  belowMinimumAt: number | null;
  leadTimeDays: number;
  leadTimeSource: ForecastView['leadTimeSource'];
  leadTimeSupplier: string | null;
  /** The part is low, or its projected fall below the minimum is within lead time plus margin. */
  withinReach: boolean;
}

function partFacts(ctx: CoreContext, partId: number): PartFacts {
  const part = prepared(ctx.db.$client, 'select id, name, ipn, units, active, minimum_stock as minimumStock, stock_total as stockTotal from parts where id = ?').get(
    partId,
  ) as PartFacts | undefined;
  if (!part) throw notFound('Part');
  return part;
}

function arrivalsOf(ctx: CoreContext, tree: string, now: number): { dated: OrderedArrival[]; undated: number } {
  const rows = prepared(
    ctx.db.$client,
    `select l.quantity - l.received as quantity, l.expected_date as expectedDate, o.placed_at as placedAt, sp.lead_time_days as leadTimeDays, o.reference
     from purchase_order_lines l join purchase_orders o on o.id = l.order_id join supplier_parts sp on sp.id = l.supplier_part_id
     where l.part_id in (select value from json_each(?)) and o.status = 'placed' and l.received < l.quantity`,
  )
    .all(tree) as { quantity: number; expectedDate: string | null; placedAt: number | null; leadTimeDays: number | null; reference: string }[];
  const dated: OrderedArrival[] = [];
  let undated = 0;
  for (const row of rows) {
    // Due on its expected date; else a lead time after it was placed; else it is on order with no date.
    const due = row.expectedDate ? startOfLocalDate(row.expectedDate) : row.placedAt !== null && row.leadTimeDays !== null ? row.placedAt + row.leadTimeDays * DAY_MS : null;
    if (due === null) undated += row.quantity;
    else dated.push({ at: Math.max(now, due), quantity: row.quantity, reference: row.reference });
  }
  return { dated: dated.sort((a, b) => a.at - b.at), undated };
}

/** The lead time of the preferred supplier part, or the shortest known one, of the part or its variants. */
export function leadTimeOf(ctx: CoreContext, tree: string): { days: number; source: ForecastView['leadTimeSource']; supplier: string | null } {
  const row = prepared(
    ctx.db.$client,
    `select sp.lead_time_days as days, sp.preferred, s.name as supplier from supplier_parts sp join suppliers s on s.id = sp.supplier_id
     where sp.part_id in (select value from json_each(?)) and (sp.preferred or sp.lead_time_days is not null)
     order by sp.preferred desc, sp.lead_time_days is null, sp.lead_time_days limit 1`,
  )
    .get(tree) as { days: number | null; preferred: number; supplier: string } | undefined;
  if (!row || row.days === null) return { days: 0, source: 'none', supplier: null };
  return { days: row.days, source: row.preferred ? 'preferred' : 'shortest', supplier: row.supplier };
}

export function forecastOf(ctx: CoreContext, partId: number, settings: ForecastSettings = readForecastSettings(ctx)): Forecast {
  const client = ctx.db.$client;
  const now = ctx.clock.now();
  const part = partFacts(ctx, partId);
  const tree = JSON.stringify(variantTreeIds(client, partId));
  // Each part's earliest movement is one step down its (part, time) index.
  const firstMovementAt = prepared(client, 'select min((select min(created_at) from stock_movements where part_id = value)) from json_each(?)')
    .pluck()
    .get(tree) as number | null;
  const usage = prepared(
    client,
    `select coalesce(sum(-delta), 0) as used, count(*) as uses from stock_movements
     where part_id in (select value from json_each(?)) and created_at >= ? and kind = 'remove'`,
  )
    .get(tree, now - settings.windowDays * DAY_MS) as { used: number; uses: number };
  const rate = usageRate({ windowDays: settings.windowDays, firstMovementAt, used: usage.used, uses: usage.uses }, now);
  const { dated, undated } = arrivalsOf(ctx, tree, now);
  const onOrder = dated.reduce((sum, arrival) => sum + arrival.quantity, undated);
  const lead = leadTimeOf(ctx, tree);
  const reach = now + (lead.days + settings.safetyDays) * DAY_MS;
  const base = { part, rate, used: usage.used, arrivals: dated, onOrder, undatedOnOrder: undated, leadTimeDays: lead.days, leadTimeSource: lead.source, leadTimeSupplier: lead.supplier };
  if (!part.active || part.minimumStock <= 0) return { ...base, status: 'no_minimum', belowMinimumAt: null, withinReach: false };
  if (part.stockTotal < part.minimumStock) return { ...base, status: 'already_low', belowMinimumAt: now, withinReach: true };
  if (rate.kind !== 'rate') return { ...base, status: 'too_little_history', belowMinimumAt: null, withinReach: false };
  const below = belowMinimumAt({ stock: part.stockTotal, minimum: part.minimumStock, perDay: rate.perDay, arrivals: dated, now });
  if (below === null) return { ...base, status: 'not_projected', belowMinimumAt: null, withinReach: false };
  return { ...base, status: 'projected', belowMinimumAt: below, withinReach: below <= reach };
}

export function forecastView(ctx: CoreContext, partId: number): ForecastView {
  const settings = readForecastSettings(ctx);
  const forecast = forecastOf(ctx, partId, settings);
  const { part, rate } = forecast;
  const below = forecast.belowMinimumAt;
  const now = ctx.clock.now();
  return {
    partId,
    units: part.units,
    status: forecast.status,
    windowDays: settings.windowDays,
    historyDays: Math.round(rate.historyDays * 10) / 10,
    uses: rate.uses,
    used: formatQuantity(forecast.used),
    dailyUse: rate.kind === 'rate' ? formatQuantity(roundedDailyUse(rate.perDay)) : null,
    stock: formatQuantity(part.stockTotal),
    minimum: formatQuantity(part.minimumStock),
    onOrder: formatQuantity(forecast.onOrder),
    undatedOnOrder: formatQuantity(forecast.undatedOnOrder),
    belowMinimumOn: below === null ? null : localDate(below),
    daysAhead: below === null ? null : Math.round((startOfLocalDate(localDate(below)) - startOfLocalDate(localDate(now))) / DAY_MS),
    leadTimeDays: forecast.leadTimeDays,
    leadTimeSource: forecast.leadTimeSource,
    leadTimeSupplier: forecast.leadTimeSupplier,
    safetyDays: settings.safetyDays,
    warnFrom: below === null || forecast.status !== 'projected' ? null : localDate(below - (forecast.leadTimeDays + settings.safetyDays) * DAY_MS),
    warned: prepared(ctx.db.$client, 'select 1 from part_run_low_warnings where part_id = ?').get(partId) !== undefined,
  };
}
