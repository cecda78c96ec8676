// Quantities are stored as integers of 1/100000 of a unit: InvenTree's own precision (5 decimals),
// so imported decimal strings stay exact and no stock count ever drifts through float arithmetic.
export const QUANTITY_SCALE = 100_000;
export const QUANTITY_DECIMALS = 5;
/** The largest quantity a single entry may hold, in units. */
export const MAX_QUANTITY_UNITS = 1_000_000_000;

const DECIMAL = /^\s*([+-])?(\d+)(?:\.(\d*))?\s*$/;

export type QuantityParseFailure = 'not-a-number' | 'too-many-decimals' | 'too-large';

export type QuantityParse = { ok: true; scaled: number } | { ok: false; reason: QuantityParseFailure };

/** Parses a decimal string such as "12.5" or "-3" into scaled integer units, exactly. */
export function parseQuantity(text: string): QuantityParse {
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, reason: 'not-a-number' };
  const [, sign, whole = '0', fractionRaw = ''] = match;
  const fraction = fractionRaw.replace(/0+$/, '');
  if (fraction.length > QUANTITY_DECIMALS) return { ok: false, reason: 'too-many-decimals' };
  const wholeUnits = Number(whole);
  if (!Number.isSafeInteger(wholeUnits) || wholeUnits > MAX_QUANTITY_UNITS) return { ok: false, reason: 'too-large' };
  const scaled = wholeUnits * QUANTITY_SCALE + Number(fraction.padEnd(QUANTITY_DECIMALS, '0'));
  if (wholeUnits === MAX_QUANTITY_UNITS && scaled > MAX_QUANTITY_UNITS * QUANTITY_SCALE) {
    return { ok: false, reason: 'too-large' };
  }
  return { ok: true, scaled: sign === '-' && scaled !== 0 ? -scaled : scaled };
}

/** Formats scaled integer units as the shortest exact decimal string ("12.5", "3", "-0.00001"). */
export function formatQuantity(scaled: number): string {
  if (!Number.isSafeInteger(scaled)) throw new RangeError(`Quantity ${scaled} is not a safe integer`);
  const negative = scaled < 0;
  const magnitude = Math.abs(scaled);
  const whole = Math.floor(magnitude / QUANTITY_SCALE);
  const fraction = String(magnitude % QUANTITY_SCALE).padStart(QUANTITY_DECIMALS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export function quantityParseMessage(reason: QuantityParseFailure): string {
  switch (reason) {
    case 'not-a-number':
      return 'Enter a number, for example 12 or 2.5';
    case 'too-many-decimals':
      return `Use at most ${QUANTITY_DECIMALS} decimal places`;
    case 'too-large':
      return `Quantities are limited to ${MAX_QUANTITY_UNITS.toLocaleString('en-US')}`;
  }
}

/**
 * Quantity per unit times a number of units, both scaled, rounded up to the next 1/100000: a build
 * never plans to use less than it needs. BigInt keeps the intermediate product exact.
 */
export function multiplyQuantities(perUnit: number, units: number): number {
  const product = BigInt(perUnit) * BigInt(units);
  const scale = BigInt(QUANTITY_SCALE);
  const result = (product + scale - 1n) / scale;
  if (result > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('Quantity too large to count exactly');
  return Number(result);
}
