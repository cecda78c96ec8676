import { describe, expect, it } from 'vitest';
import type { ForecastView } from '../../../../main/contract/forecast';
import { forecastWords } from './forecastWords';

const projected: ForecastView = {
  partId: 1,
  units: 'pcs',
  status: 'projected',
  windowDays: 90,
  historyDays: 20,
  uses: 20,
  used: '80',
  dailyUse: '4',
  stock: '220',
  minimum: '20',
  onOrder: '200',
  undatedOnOrder: '0',
  belowMinimumOn: '2027-01-04',
  daysAhead: 37,
  leadTimeDays: 30,
  leadTimeSource: 'preferred',
  leadTimeSupplier: 'Farnell',
  safetyDays: 7,
  warnFrom: '2026-11-28',
  warned: true,
};
const arrival = { at: new Date(2026, 11, 14).getTime(), quantity: 200, reference: 'PO-0003' };
// The weekday's punctuation differs between ICU versions ("Mon 4 Jan" or "Mon, 4 Jan"); the words around it do not.
const day = (year: number, month: number, date: number) => new Date(year, month - 1, date).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
const words = (view: Partial<ForecastView>, arrivals = [arrival], active = true) => forecastWords({ ...projected, ...view }, arrivals, { active, locale: 'en-GB' });

describe('the forecast in words', () => {
  it('gives the date with its working: the rate, what arrives when, and the lead time that makes it urgent', () => {
    expect(words({})).toEqual({
      headline: 'Expected below the minimum in 37 days.',
      working: [
        'Uses about 4 pcs a day (80 pcs removed over the last 20 days).',
        `At that pace, with 200 pcs on order arriving 14 Dec, stock falls below the minimum of 20 pcs on ${day(2027, 1, 4)} — 37 days ahead, within its 30-day lead time (Farnell, preferred) plus the 7-day margin.`,
      ],
    });
  });

  it('says from when a farther date counts as running low, and what on order is not counted', () => {
    const far = words({ daysAhead: 60, belowMinimumOn: '2027-01-27', warnFrom: '2026-12-21', undatedOnOrder: '50', dailyUse: '2.66667', leadTimeSource: 'shortest' }, []);
    expect(far.working).toEqual([
      'Uses about 2.7 pcs a day (80 pcs removed over the last 20 days).',
      `At that pace, stock falls below the minimum of 20 pcs on ${day(2027, 1, 27)} — 60 days ahead. It will count as running low from ${day(2026, 12, 21)}, when that date is within its 30-day lead time (Farnell, the shortest known) plus the 7-day margin.`,
      '50 pcs more on order have no expected date, so they are not counted.',
    ]);
  });

  it('says plainly what is missing when there is too little history', () => {
    const young = words({ status: 'too_little_history', historyDays: 5.4, uses: 2, dailyUse: null, belowMinimumOn: null, daysAhead: null });
    expect(young).toEqual({
      headline: 'Too little history for a forecast yet.',
      working: ['A forecast needs at least 14 days of record and 3 removals; so far there are 5 days and 2 removals: 9 more days and 1 more removal to go.'],
    });
  });

  it('asks for a minimum, and says when the part is already below it', () => {
    expect(words({ status: 'no_minimum', belowMinimumOn: null }).headline).toBe('A forecast needs a minimum stock: set one to see when this part will run low.');
    expect(words({ status: 'no_minimum' }, [], false).headline).toBe('Inactive parts are not forecast.');
    expect(words({ status: 'already_low', stock: '12' })).toEqual({
      headline: 'Already below the minimum: 12 pcs in stock against a minimum of 20 pcs.',
      working: ['Uses about 4 pcs a day (80 pcs removed over the last 20 days).', '200 pcs on order.'],
    });
  });
});
