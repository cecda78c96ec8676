import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromLocalInput, nextWeek, snoozeChoices, toLocalInput, tomorrowMorning } from './snoozeTimes';

describe('snooze times, in local time', () => {
  it('is 08:00 the next day, and 08:00 on the coming Monday (a week on from a Monday)', () => {
    const wednesdayEvening = new Date(2026, 11, 2, 21, 15);
    expect(tomorrowMorning(wednesdayEvening)).toEqual(new Date(2026, 11, 3, 8, 0));
    expect(nextWeek(wednesdayEvening)).toEqual(new Date(2026, 11, 7, 8, 0));
    expect(nextWeek(new Date(2026, 11, 7, 7, 0))).toEqual(new Date(2026, 11, 14, 8, 0));
    expect(nextWeek(new Date(2026, 11, 6, 23, 0))).toEqual(new Date(2026, 11, 7, 8, 0));
    // Month and year ends roll over.
    expect(tomorrowMorning(new Date(2026, 11, 31, 12, 0))).toEqual(new Date(2027, 0, 1, 8, 0));
  });

  it('offers an hour, tomorrow morning and next week, soonest first', () => {
    const now = new Date(2026, 11, 2, 21, 15).getTime();
    const choices = snoozeChoices(now, 'en-GB');
    expect(choices.map((choice) => choice.until)).toEqual([now + 3_600_000, new Date(2026, 11, 3, 8).getTime(), new Date(2026, 11, 7, 8).getTime()]);
    expect(choices[1]?.label).toBe('Tomorrow morning (Thu 08:00)');
  });

  it('reads and writes a datetime-local value in local time, refusing what is not a time', () => {
    const at = new Date(2026, 11, 3, 14, 30).getTime();
    expect(toLocalInput(at)).toBe('2026-12-03T14:30');
    expect(fromLocalInput('2026-12-03T14:30')).toBe(at);
    expect(fromLocalInput('2026-12-03T14:30:15')).toBe(at + 15_000);
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
  });

  it('keeps to the wall clock across a daylight-saving change', () => {
    // The time zone is the process's: asked in a child process set to Berlin, where clocks go
    // forward at 02:00 on 28 March 2027.
    const script = `
      import { fromLocalInput, tomorrowMorning } from ${JSON.stringify(join(import.meta.dirname, 'snoozeTimes.ts'))};
      const evening = new Date(2027, 2, 27, 21, 0);
      const morning = tomorrowMorning(evening);
      console.log(JSON.stringify([morning.getHours(), morning.getDate(), morning.getTime() - evening.getTime(), fromLocalInput('2027-03-28T02:30')]));`;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { env: { ...process.env, TZ: 'Europe/Berlin' }, encoding: 'utf8' });
    // 08:00 on the 28th: 11 wall hours after 21:00 but 10 real ones; 02:30 that night does not exist.
    expect(JSON.parse(output)).toEqual([8, 28, 10 * 3_600_000, null]);
  });
});
