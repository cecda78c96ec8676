import type { ReorderLine } from '../../../../main/contract';
import { parseQuantity } from '../../../../main/core/quantity';
import { formatQuantityText } from '../../components/QuantityText';

// The reorder list's figures as a person reads them: packs, money, days. Quantities and prices come
// as exact decimal strings and are multiplied as integers, so a total never shows float dust.

function scaled(quantity: string): number | null {
  const parsed = parseQuantity(quantity);
  return parsed.ok ? parsed.scaled : null;
}

/** Whole packs in the suggestion; null where no pack size is known or nothing is suggested. */
export function packsOf(line: ReorderLine): number | null {
  const suggested = scaled(line.suggested);
  const pack = line.packSize === null ? null : scaled(line.packSize);
  if (suggested === null || pack === null || pack <= 0 || suggested <= 0) return null;
  // The core rounds the suggestion up to whole packs, so this divides evenly.
  return Math.round(suggested / pack);
}

/** "150 (3 packs of 50)"; the bare quantity where packs add nothing (no supplier, or packs of one). */
export function suggestedText(line: ReorderLine): string {
  const quantity = formatQuantityText(line.suggested);
  const packs = packsOf(line);
  if (packs === null || line.packSize === null || line.packSize === '1') return quantity;
  return `${quantity} (${packs} ${packs === 1 ? 'pack' : 'packs'} of ${formatQuantityText(line.packSize)})`;
}

const PRICE = /^(\d+)(?:\.(\d{1,4}))?$/;
/** Prices have at most four decimals (the contract's rule): counted in ten-thousandths. */
const PRICE_SCALE = 10_000n;

function priceUnits(price: string): bigint | null {
  const match = PRICE.exec(price);
  if (!match) return null;
  return BigInt(match[1] ?? '0') * PRICE_SCALE + BigInt((match[2] ?? '').padEnd(4, '0'));
}

/** Ten-thousandths as money: two decimals at least, four at most ("12.5" → "12.50", "0.0125" stays). */
function formatPrice(units: bigint): string {
  const whole = units / PRICE_SCALE;
  let fraction = String(units % PRICE_SCALE).padStart(4, '0');
  while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${formatQuantityText(String(whole))}.${fraction}`;
}

function totalUnits(line: ReorderLine): bigint | null {
  const packs = packsOf(line);
  const price = line.pricePerPack === null ? null : priceUnits(line.pricePerPack);
  return packs === null || price === null ? null : price * BigInt(packs);
}

/** What the suggested packs cost at the supplier's price; null where the price is not known. */
export function lineTotal(line: ReorderLine): string | null {
  const units = totalUnits(line);
  return units === null ? null : formatPrice(units);
}

/** The priced lines of a group added up, and how many lines to order have no price. */
export function groupTotal(lines: ReorderLine[]): { total: string | null; unpriced: number } {
  let sum: bigint | null = null;
  let unpriced = 0;
  for (const line of lines) {
    if (packsOf(line) === null) continue;
    const units = totalUnits(line);
    if (units === null) unpriced += 1;
    else sum = (sum ?? 0n) + units;
  }
  return { total: sum === null ? null : formatPrice(sum), unpriced };
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** Within this many days ahead a day and month are unambiguous ("4 Jan" in December is next month). */
const YEAR_NEEDED_AFTER_DAYS = 300;

/** A local calendar date ("2027-01-04") as "4 Jan", with the year when it is past or far off. */
export function shortDay(date: string, now = new Date()): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const at = new Date(year, month - 1, day);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const daysAhead = (at.getTime() - today.getTime()) / 86_400_000;
  return (daysAhead >= 0 && daysAhead <= YEAR_NEEDED_AFTER_DAYS ? dayMonth : dayMonthYear).format(at);
}
