import type { QuietHours } from '../../../db/schema/users';
import type { CoreContext } from '../context';

// A person's quiet hours, read in their own time zone: the wall clock decides (19:00 is 19:00 on
// both sides of a daylight-saving change), so times are worked out from the zone's local fields
// rather than by adding hours. A window that wraps midnight (19:00-07:30) counts from its start day.

export type { QuietHours };

const MINUTE = 60_000;
/** A window never lasts longer than a weekend plus a night. */
const LOOK_AHEAD_MINUTES = 4 * 24 * 60;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', weekday: 'short', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

/** Local weekday (0 = Sunday) and minute of the day at `at` in `timeZone`. */
function localTime(at: number, timeZone: string): { weekday: number; minute: number } {
  const parts = formatterFor(timeZone).formatToParts(new Date(at));
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'));
  return { weekday, minute: Number(part('hour')) * 60 + Number(part('minute')) };
}

/** Whether `at` falls in the person's quiet hours. */
export function isQuiet(rule: QuietHours | null, at: number): boolean {
  if (!rule) return false;
  const { weekday, minute } = localTime(at, rule.timeZone);
  if (rule.weekends && (weekday === 0 || weekday === 6)) return true;
  const start = minutesOf(rule.start);
  const end = minutesOf(rule.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** When the quiet hours that `at` is in end (the first minute that is not quiet), or null if `at` is not quiet. */
export function quietEndsAt(rule: QuietHours | null, at: number): number | null {
  if (!isQuiet(rule, at)) return null;
  // Minute by minute from the next whole minute: exact across daylight-saving changes, and cheap
  // enough for how rarely it is asked (once per held email or banner batch).
  let candidate = Math.floor(at / MINUTE) * MINUTE + MINUTE;
  for (let step = 0; step < LOOK_AHEAD_MINUTES; step += 1, candidate += MINUTE) {
    if (!isQuiet(rule, candidate)) return candidate;
  }
  return candidate;
}

/** A person's quiet hours as stored, or null. */
export function quietHoursOf(ctx: CoreContext, userId: number): QuietHours | null {
  const stored = ctx.db.$client.prepare('select quiet_hours from users where id = ?').pluck().get(userId) as string | null | undefined;
  return stored ? (JSON.parse(stored) as QuietHours) : null;
}
