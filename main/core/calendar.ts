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

/** A calendar date as people read it in notices and emails: "Mon 14 Dec 2026". */
export function formatDay(date: string): string {
  return new Date(startOfLocalDate(date)).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}
