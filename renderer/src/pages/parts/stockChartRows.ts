import type { StockHistoryView } from '../../../../main/contract/forecast';

// What the stock chart plots, apart from how: the history and the forecast joined on their shared
// "now" point, a part's empty days before it was first stocked left out, and date ticks at local
// midnights so the axis reads as days.

export interface StockChartRow {
  at: number;
  stock?: number;
  forecast?: number;
}

const DAY_MS = 86_400_000;

/** Days before the part was first stocked would flatten the chart at zero: drawn from its first stocked day. */
function fromFirstStock(history: StockHistoryView['history']): StockHistoryView['history'] {
  const first = history.findIndex((point) => point.stock !== 0);
  return first <= 0 ? history : history.slice(first);
}

export function stockChartRows(view: StockHistoryView): StockChartRow[] {
  const rows = new Map<number, StockChartRow>();
  for (const point of fromFirstStock(view.history)) rows.set(point.at, { at: point.at, stock: point.stock });
  for (const point of view.forecast) rows.set(point.at, { ...rows.get(point.at), at: point.at, forecast: point.stock });
  return [...rows.values()].sort((a, b) => a.at - b.at);
}

/** Nothing was ever in stock, on order or forecast: a sentence says so instead of a flat line. */
export function hasNothingToChart(view: StockHistoryView): boolean {
  return view.history.every((point) => point.stock === 0) && view.forecast.length === 0 && view.arrivals.length === 0;
}

/** Where the drawn forecast first goes below the minimum, between the two points either side of it. */
export function minimumCrossing(view: StockHistoryView): number | null {
  const points = view.forecast;
  for (let index = 1; index < points.length; index += 1) {
    const before = points[index - 1];
    const after = points[index];
    if (!before || !after || before.stock < view.minimum || after.stock >= view.minimum) continue;
    const share = before.stock === after.stock ? 0 : (before.stock - view.minimum) / (before.stock - after.stock);
    return before.at + share * (after.at - before.at);
  }
  return null;
}

/** Local midnights from `from` to `to`, a whole number of days apart, about `count` of them. */
export function dayTicks(from: number, to: number, count = 7): number[] {
  const start = new Date(from);
  const first = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
  const span = Math.max(1, (to - first.getTime()) / DAY_MS);
  const step = Math.max(1, Math.ceil(span / count));
  const ticks: number[] = [];
  // Stepped by calendar day rather than 24 hours, so a clock change never moves a tick off midnight.
  for (let day = 0; ; day += step) {
    const tick = new Date(first.getFullYear(), first.getMonth(), first.getDate() + day).getTime();
    if (tick > to) break;
    ticks.push(tick);
  }
  return ticks;
}

/** Round steps (1, 2 or 5 times a power of ten) from zero to just above `highest`, four or five of them. */
export function quantityTicks(highest: number): number[] {
  const rough = Math.max(highest, 1) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((multiple) => multiple * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const count = Math.ceil((Math.max(highest, 1) * 1.05) / step);
  // Through toPrecision, so 3 × 0.1 is labelled 0.3.
  return Array.from({ length: count + 1 }, (_, index) => Number((index * step).toPrecision(12)));
}
