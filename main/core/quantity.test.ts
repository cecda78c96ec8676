import { describe, expect, it } from 'vitest';
import { formatQuantity, parseQuantity, QUANTITY_SCALE } from './quantity';

describe('quantities', () => {
  it('parses decimal strings exactly', () => {
    expect(parseQuantity('12.5')).toEqual({ ok: true, scaled: 1_250_000 });
    expect(parseQuantity('100.000000')).toEqual({ ok: true, scaled: 100 * QUANTITY_SCALE });
    expect(parseQuantity('0.00001')).toEqual({ ok: true, scaled: 1 });
    expect(parseQuantity('-3')).toEqual({ ok: true, scaled: -3 * QUANTITY_SCALE });
  });

  it('refuses what it cannot hold exactly', () => {
    expect(parseQuantity('0.000001')).toEqual({ ok: false, reason: 'too-many-decimals' });
    expect(parseQuantity('1e3')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseQuantity('NaN')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseQuantity('')).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseQuantity('1000000001')).toEqual({ ok: false, reason: 'too-large' });
    expect(parseQuantity('1000000000.5')).toEqual({ ok: false, reason: 'too-large' });
  });

  it('formats the shortest exact decimal', () => {
    expect(formatQuantity(1_250_000)).toBe('12.5');
    expect(formatQuantity(300_000)).toBe('3');
    expect(formatQuantity(-1)).toBe('-0.00001');
    expect(formatQuantity(0)).toBe('0');
  });

  it('adds tenths without drift where floats would', () => {
    const sum = [0.1, 0.2].map((value) => parseQuantity(String(value))).reduce((total, parsed) => total + (parsed.ok ? parsed.scaled : 0), 0);
    expect(formatQuantity(sum)).toBe('0.3');
    expect(0.1 + 0.2).not.toBe(0.3);
  });
});
