import type { StockHistoryView } from '../../contract/forecast';
import { endOfPreviousLocalDay } from '../calendar';
import type { CoreContext } from '../context';
import { variantTreeIds } from '../inventory/trees';
import { QUANTITY_SCALE } from '../quantity';
import { forecastOf, readForecastSettings } from './forecast';
import { closingLevels, DAY_MS, projectedLevels } from './projection';

// The part page's chart: total stock (variants included) at the end of each day of the forecast's
// window, worked back from today's total through the movements, then the forecast carried on from
// now with what placed orders bring on their dates.

/** How far the forecast is drawn: past the projected fall below the minimum, within bounds. */
const MIN_AHEAD_DAYS = 30;
const MAX_AHEAD_DAYS = 180;

export function stockHistory(ctx: CoreContext, partId: number): StockHistoryView {
  const settings = readForecastSettings(ctx);
  const forecast = forecastOf(ctx, partId, settings);
  const now = ctx.clock.now();
  const since = now - settings.windowDays * DAY_MS;
  const moves = ctx.db.$client
    .prepare(
      `select created_at as at, delta from stock_movements
       where part_id in (select value from json_each(?)) and created_at >= ? order by created_at desc`,
    )
    .all(JSON.stringify(variantTreeIds(ctx.db.$client, partId)), since) as { at: number; delta: number }[];
  // Now, then each earlier day's close, back to the start of the window.
  const closes = [now];
  for (let close = endOfPreviousLocalDay(now); close >= since; close = endOfPreviousLocalDay(close)) closes.push(close);
  const levels = closingLevels(forecast.part.stockTotal, moves, closes);
  const history: StockHistoryView['history'] = closes.map((at, i) => ({ at, stock: (levels[i] ?? 0) / QUANTITY_SCALE })).reverse();

  const arrivals = forecast.arrivals.map((arrival) => ({ at: arrival.at, quantity: arrival.quantity / QUANTITY_SCALE, reference: arrival.reference }));
  const forecastPoints: StockHistoryView['forecast'] = [];
  if (forecast.rate.kind === 'rate' && forecast.status !== 'no_minimum') {
    const belowIn = forecast.belowMinimumAt === null ? MIN_AHEAD_DAYS : (forecast.belowMinimumAt - now) / DAY_MS + 14;
    const ahead = Math.min(MAX_AHEAD_DAYS, Math.max(MIN_AHEAD_DAYS, Math.ceil(belowIn)));
    const times = [now];
    for (let day = 1; day <= ahead; day += 1) times.push(now + day * DAY_MS);
    // Each arrival is a step: drawn just before it and at it.
    for (const arrival of forecast.arrivals) if (arrival.at > now) times.push(arrival.at - 1, arrival.at);
    times.sort((a, b) => a - b);
    const levels = projectedLevels({ stock: forecast.part.stockTotal, perDay: forecast.rate.perDay, arrivals: forecast.arrivals, now }, times);
    times.forEach((at, i) => forecastPoints.push({ at, stock: Math.max(0, (levels[i] ?? 0) / QUANTITY_SCALE) }));
  }
  return {
    partId,
    units: forecast.part.units,
    history,
    minimum: forecast.part.minimumStock / QUANTITY_SCALE,
    arrivals,
    forecast: forecastPoints,
  };
}
