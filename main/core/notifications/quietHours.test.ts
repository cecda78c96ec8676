import { describe, expect, it } from 'vitest';
import { isQuiet, quietEndsAt, type QuietHours } from './quietHours';

const evenings: QuietHours = { start: '19:00', end: '07:30', weekends: false, timeZone: 'Europe/Berlin' };

describe('quiet hours, in the person\'s own time zone', () => {
  it('holds from the evening to the morning across midnight, in local time', () => {
    // 18:59 and 19:00 Berlin time in winter (UTC+1).
    expect(isQuiet(evenings, Date.UTC(2026, 11, 2, 17, 59))).toBe(false);
    expect(isQuiet(evenings, Date.UTC(2026, 11, 2, 18, 0))).toBe(true);
    expect(isQuiet(evenings, Date.UTC(2026, 11, 3, 6, 29))).toBe(true);
    expect(isQuiet(evenings, Date.UTC(2026, 11, 3, 6, 30))).toBe(false);
    expect(quietEndsAt(evenings, Date.UTC(2026, 11, 2, 21, 0))).toBe(Date.UTC(2026, 11, 3, 6, 30));
    expect(quietEndsAt(evenings, Date.UTC(2026, 11, 2, 12, 0))).toBeNull();
    // The same rule for someone in New York is other instants.
    expect(isQuiet({ ...evenings, timeZone: 'America/New_York' }, Date.UTC(2026, 11, 2, 18, 0))).toBe(false);
  });

  it('ends at 07:30 on the wall clock across a daylight-saving change', () => {
    // Clocks go forward in Berlin at 02:00 on 29 March 2026: 07:30 that morning is 05:30 UTC, not 06:30.
    expect(quietEndsAt(evenings, Date.UTC(2026, 2, 28, 20, 0))).toBe(Date.UTC(2026, 2, 29, 5, 30));
    // And back on 25 October 2026: 07:30 is 06:30 UTC again.
    expect(quietEndsAt(evenings, Date.UTC(2026, 9, 24, 20, 0))).toBe(Date.UTC(2026, 9, 25, 6, 30));
  });

  it('keeps a whole weekend quiet when asked, ending Monday morning', () => {
    const weekends = { ...evenings, weekends: true };
    // Saturday 5 December 2026, noon in Berlin.
    expect(isQuiet(weekends, Date.UTC(2026, 11, 5, 11, 0))).toBe(true);
    expect(isQuiet(evenings, Date.UTC(2026, 11, 5, 11, 0))).toBe(false);
    expect(quietEndsAt(weekends, Date.UTC(2026, 11, 4, 20, 0))).toBe(Date.UTC(2026, 11, 7, 6, 30));
  });

  it('is never quiet without a rule or with a window of no length', () => {
    expect(isQuiet(null, Date.UTC(2026, 11, 2, 20, 0))).toBe(false);
    expect(isQuiet({ ...evenings, start: '07:30' }, Date.UTC(2026, 11, 2, 20, 0))).toBe(false);
  });
});
