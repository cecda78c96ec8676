import { MIN_HISTORY_DAYS, MIN_USES } from '../../contract/forecast';
import { QUANTITY_SCALE } from '../quantity';

// The forecast's arithmetic, apart from where its facts come from: how fast a part is used, and when
// its stock (with what is on order arriving on its dates) falls below the minimum at that pace.
// Quantities are scaled integers (main/core/quantity.ts); times are epoch milliseconds.

export const DAY_MS = 86_400_000;

export interface UsageHistory {
  /** How far back the administrator asked to look. */
  windowDays: number;
  /** The part's (or its variants') first movement of any kind: where its record begins. */
  firstMovementAt: number | null;
  /** Removals (by hand or by builds) within the window, summed as a positive quantity. */
  used: number;
  /** How many removals that was. */
  uses: number;
}

export type UsageRate =
  | { kind: 'too_little_history'; historyDays: number; uses: number }
  | { kind: 'rate'; historyDays: number; uses: number; perDay: number };

/**
 * Average daily use over the window, or over the part's whole record when that is shorter. A part
 * whose record is long enough but that was never taken from is used at zero a day, which is a rate.
 */
export function usageRate(history: UsageHistory, now: number): UsageRate {
  const recorded = history.firstMovementAt === null ? 0 : Math.max(0, (now - history.firstMovementAt) / DAY_MS);
  const historyDays = Math.min(history.windowDays, recorded);
  if (historyDays < MIN_HISTORY_DAYS) return { kind: 'too_little_history', historyDays, uses: history.uses };
  if (history.uses > 0 && history.uses < MIN_USES) return { kind: 'too_little_history', historyDays, uses: history.uses };
  return { kind: 'rate', historyDays, uses: history.uses, perDay: history.used / historyDays };
}

export interface Arrival {
  /** When it is due; anything overdue is taken as arriving now. */
  at: number;
  quantity: number;
}

/**
 * When stock first falls below `minimum`, used at `perDay` from `now` while orders arrive on their
 * dates: `now` if it already is below, null if it never gets there (no use, or arrivals outpace it).
 */
export function belowMinimumAt(input: { stock: number; minimum: number; perDay: number; arrivals: Arrival[]; now: number }): number | null {
  const { minimum, perDay, now } = input;
  if (input.stock < minimum) return now;
  if (perDay <= 0) return null;
  const arrivals = input.arrivals.map((arrival) => ({ at: Math.max(now, arrival.at), quantity: arrival.quantity })).sort((a, b) => a.at - b.at);
  let level = input.stock;
  let at = now;
  for (const arrival of arrivals) {
    // Strictly below: at exactly the minimum the part is not low yet (as the low-stock alert sees it).
    const crossing = at + ((level - minimum) / perDay) * DAY_MS;
    if (crossing < arrival.at) return Math.ceil(crossing);
    level -= ((arrival.at - at) / DAY_MS) * perDay;
    level += arrival.quantity;
    at = arrival.at;
  }
  return Math.ceil(at + ((level - minimum) / perDay) * DAY_MS);
}

/**
 * A stock total at each of `closes` (newest first), worked back from `total` now through `moves`
 * (newest first): each close is the total less whatever moved after it.
 */
export function closingLevels(total: number, moves: { at: number; delta: number }[], closes: number[]): number[] {
  let level = total;
  let index = 0;
  return closes.map((close) => {
    for (let move = moves[index]; move && move.at > close; move = moves[++index]) level -= move.delta;
    return level;
  });
}

/** The projected stock at each of `times`, for drawing the forecast as a continuation of the history. */
export function projectedLevels(input: { stock: number; perDay: number; arrivals: Arrival[]; now: number }, times: number[]): number[] {
  return times.map((time) => {
    const arrived = input.arrivals.reduce((sum, arrival) => (Math.max(input.now, arrival.at) <= time ? sum + arrival.quantity : sum), 0);
    return input.stock + arrived - (Math.max(0, time - input.now) / DAY_MS) * input.perDay;
  });
}

/** A daily use as people read it: to the hundredth of a unit (a rate is an estimate, not a count). */
export function roundedDailyUse(perDay: number): number {
  const hundredth = QUANTITY_SCALE / 100;
  return Math.round(perDay / hundredth) * hundredth;
}

/**
 * What to order so stock covers the minimum plus use through the lead time, the safety margin and the
 * days an order should last, less what is in stock and on order, rounded up to whole packs (whole units where no pack size is known).
 */
export function suggestedQuantity(input: {
  minimum: number;
  perDay: number;
  stock: number;
  onOrder: number;
  leadTimeDays: number;
  safetyDays: number;
  coverDays: number;
  packSize: number | null;
}): { target: number; quantity: number } {
  // Whole units: a target of 555.99598 is an artefact of averaging, not an amount anyone would order.
  const target = Math.ceil((input.minimum + input.perDay * (input.leadTimeDays + input.safetyDays + input.coverDays)) / QUANTITY_SCALE) * QUANTITY_SCALE;
  const short = target - (input.stock + input.onOrder);
  if (short <= 0) return { target, quantity: 0 };
  const pack = input.packSize && input.packSize > 0 ? input.packSize : QUANTITY_SCALE;
  return { target, quantity: Math.ceil(short / pack) * pack };
}
