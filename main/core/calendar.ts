/** The calendar date (YYYY-MM-DD) where Stockbell runs: what "today" and "due on" mean to the team. */
export function localDate(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}
