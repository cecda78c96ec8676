/** The calendar date (YYYY-MM-DD) where Stockbell runs: what "today" and "due on" mean to the team. */
export function localDate(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Midnight at the start of a local calendar date (YYYY-MM-DD). */
export function startOfLocalDate(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day).getTime();
}

/** The last millisecond of the local calendar day `time` falls on: when that day's stock closes. */
export function endOfLocalDay(time: number): number {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime() - 1;
}

/** The close of the local day before the one `time` falls on; by the calendar, as a day may last 23 or 25 hours. */
export function endOfPreviousLocalDay(time: number): number {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime() - 1;
}

/** A calendar date as people read it in notices and emails: "Mon 14 Dec 2026". */
export function formatDay(date: string): string {
  return new Date(startOfLocalDate(date)).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}
