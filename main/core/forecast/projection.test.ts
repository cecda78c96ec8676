import { describe, expect, it } from 'vitest';
import { belowMinimumAt, closingLevels, DAY_MS, projectedLevels, roundedDailyUse, suggestedQuantity, usageRate } from './projection';

// The forecast's arithmetic on its own: rates from history, the projected date, and order sizes.

const now = Date.UTC(2026, 11, 1, 12);
const unit = 100_000;

describe('daily use', () => {
  it('is what was removed over the window, for a part older than the window', () => {
    const rate = usageRate({ windowDays: 90, firstMovementAt: now - 400 * DAY_MS, used: 180 * unit, uses: 30 }, now);
    expect(rate).toEqual({ kind: 'rate', historyDays: 90, uses: 30, perDay: 2 * unit });
  });

  it('is taken over the part\'s own record when it is younger than the window', () => {
    const rate = usageRate({ windowDays: 90, firstMovementAt: now - 30 * DAY_MS, used: 60 * unit, uses: 12 }, now);
    expect(rate).toMatchObject({ kind: 'rate', historyDays: 30, perDay: 2 * unit });
  });

  it('spreads bursts over the whole window rather than the days they happened on', () => {
    // Three builds took 50 each, weeks apart: 150 over 90 days.
    const rate = usageRate({ windowDays: 90, firstMovementAt: now - 200 * DAY_MS, used: 150 * unit, uses: 3 }, now);
    expect(rate.kind === 'rate' && rate.perDay).toBeCloseTo((150 * unit) / 90);
  });

  it('says there is too little history rather than guess: no record, a young record, or one or two removals', () => {
    expect(usageRate({ windowDays: 90, firstMovementAt: null, used: 0, uses: 0 }, now)).toMatchObject({ kind: 'too_little_history', historyDays: 0 });
    expect(usageRate({ windowDays: 90, firstMovementAt: now - 10 * DAY_MS, used: 40 * unit, uses: 8 }, now)).toMatchObject({ kind: 'too_little_history', historyDays: 10 });
    expect(usageRate({ windowDays: 90, firstMovementAt: now - 60 * DAY_MS, used: 40 * unit, uses: 2 }, now)).toMatchObject({ kind: 'too_little_history', uses: 2 });
  });

  it('is zero a day for a part with a long record that nobody took from', () => {
    expect(usageRate({ windowDays: 90, firstMovementAt: now - 60 * DAY_MS, used: 0, uses: 0 }, now)).toMatchObject({ kind: 'rate', perDay: 0 });
  });
});

describe('the projected fall below the minimum', () => {
  it('at a steady pace is (stock − minimum) / daily use away', () => {
    expect(belowMinimumAt({ stock: 100 * unit, minimum: 20 * unit, perDay: 4 * unit, arrivals: [], now })).toBe(now + 20 * DAY_MS);
  });

  it('is now when stock already is below, and never without use', () => {
    expect(belowMinimumAt({ stock: 10 * unit, minimum: 20 * unit, perDay: 4 * unit, arrivals: [], now })).toBe(now);
    expect(belowMinimumAt({ stock: 100 * unit, minimum: 20 * unit, perDay: 0, arrivals: [], now })).toBeNull();
  });

  it('moves out by what arrives before it, and not by what arrives after', () => {
    const early = [{ at: now + 10 * DAY_MS, quantity: 40 * unit }];
    expect(belowMinimumAt({ stock: 100 * unit, minimum: 20 * unit, perDay: 4 * unit, arrivals: early, now })).toBe(now + 30 * DAY_MS);
    const late = [{ at: now + 25 * DAY_MS, quantity: 40 * unit }];
    expect(belowMinimumAt({ stock: 100 * unit, minimum: 20 * unit, perDay: 4 * unit, arrivals: late, now })).toBe(now + 20 * DAY_MS);
  });

  it('takes an overdue order as arriving now', () => {
    const overdue = [{ at: now - 5 * DAY_MS, quantity: 40 * unit }];
    expect(belowMinimumAt({ stock: 100 * unit, minimum: 20 * unit, perDay: 4 * unit, arrivals: overdue, now })).toBe(now + 30 * DAY_MS);
  });

  it('works closing totals back from now through the movements after each close', () => {
    const moves = [{ at: 30, delta: -5 }, { at: 20, delta: 10 }, { at: 10, delta: -1 }];
    expect(closingLevels(100, moves, [35, 25, 15, 5])).toEqual([100, 105, 95, 96]);
  });

  it('draws the projection as steps at each arrival', () => {
    const arrivals = [{ at: now + 2 * DAY_MS, quantity: 10 * unit }];
    expect(projectedLevels({ stock: 20 * unit, perDay: 5 * unit, arrivals, now }, [now, now + DAY_MS, now + 2 * DAY_MS, now + 3 * DAY_MS])).toEqual([
      20 * unit,
      15 * unit,
      20 * unit,
      15 * unit,
    ]);
  });
});

describe('the suggested order', () => {
  const base = { minimum: 20 * unit, perDay: 2 * unit, stock: 10 * unit, onOrder: 0, leadTimeDays: 14, safetyDays: 7, coverDays: 30 };

  it('covers the minimum and use through lead time, margin and cover, less stock and what is on order', () => {
    // 20 + 2 × (14 + 7 + 30) = 122; less 10 in stock and 30 on order = 82.
    expect(suggestedQuantity({ ...base, onOrder: 30 * unit, packSize: null })).toEqual({ target: 122 * unit, quantity: 82 * unit });
  });

  it('rounds up to whole packs', () => {
    expect(suggestedQuantity({ ...base, packSize: 25 * unit }).quantity).toBe(125 * unit);
    expect(suggestedQuantity({ ...base, stock: 12 * unit, packSize: 100 * unit }).quantity).toBe(200 * unit);
  });

  it('suggests nothing when what is on order already reaches the target', () => {
    expect(suggestedQuantity({ ...base, onOrder: 150 * unit, packSize: 10 * unit })).toEqual({ target: 122 * unit, quantity: 0 });
  });

  it('aims at a whole number of units, whatever fraction the average left', () => {
    // 20 + 7.99994 a day over 51 days is 427.99694: the target is 428.
    expect(suggestedQuantity({ ...base, perDay: 799_994, stock: 0, packSize: null }).target).toBe(428 * unit);
    expect(roundedDailyUse(799_994)).toBe(8 * unit);
    expect(roundedDailyUse(123_456)).toBe(1.23 * unit);
  });

  it('rounds to whole units where no pack size is known, and brings a part with no history back to its minimum', () => {
    expect(suggestedQuantity({ ...base, perDay: 0, stock: 12.5 * unit, packSize: null })).toEqual({ target: 20 * unit, quantity: 8 * unit });
  });
});
