import { describe, expect, it } from 'vitest';
import type { StockHistoryView } from '../../../../main/contract/forecast';
import { dayTicks, hasNothingToChart, minimumCrossing, quantityTicks, stockChartRows } from './stockChartRows';

const day = (date: number, hour = 0) => new Date(2026, 10, date, hour).getTime();
const view = (history: [number, number][], forecast: [number, number][] = []): StockHistoryView => ({
  partId: 1,
  units: 'pcs',
  history: history.map(([at, stock]) => ({ at, stock })),
  minimum: 20,
  arrivals: [],
  forecast: forecast.map(([at, stock]) => ({ at, stock })),
});

describe('the stock chart', () => {
  it('starts on the first stocked day and carries the forecast on from now', () => {
    const now = day(5, 10);
    const rows = stockChartRows(view([[day(2), 0], [day(3), 100], [day(4), 90], [now, 85]], [[now, 85], [day(6), 80]]));
    expect(rows).toEqual([
      { at: day(3), stock: 100 },
      { at: day(4), stock: 90 },
      { at: now, stock: 85, forecast: 85 },
      { at: day(6), forecast: 80 },
    ]);
  });

  it('has nothing to draw for a part never stocked, ordered or forecast', () => {
    expect(hasNothingToChart(view([[day(2), 0], [day(3), 0]]))).toBe(true);
    expect(hasNothingToChart(view([[day(2), 0], [day(3), 4]]))).toBe(false);
  });

  it('marks where the drawn forecast first goes below the minimum', () => {
    expect(minimumCrossing(view([], [[day(1), 40], [day(2), 30], [day(3), 10]]))).toBe(day(2) + (day(3) - day(2)) / 2);
    expect(minimumCrossing(view([], [[day(1), 40], [day(2), 20]]))).toBeNull();
  });

  it('puts date ticks on local midnights and quantity ticks on round numbers', () => {
    expect(dayTicks(day(1, 23), day(8, 12), 7)).toEqual([2, 3, 4, 5, 6, 7, 8].map((date) => day(date)));
    expect(dayTicks(day(1, 23), day(29, 12), 7)).toEqual([2, 6, 10, 14, 18, 22, 26].map((date) => day(date)));
    expect(quantityTicks(200)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(quantityTicks(0.7)).toEqual([0, 0.5, 1, 1.5]);
    expect(quantityTicks(0)).toEqual([0, 0.5, 1, 1.5]);
  });
});
