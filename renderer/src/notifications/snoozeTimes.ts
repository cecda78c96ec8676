// The snooze menu's choices, worked out in the person's own time zone: "Tomorrow morning" is 08:00
// on the next calendar day, "Next week" 08:00 on the coming Monday, across daylight-saving changes
// (local date arithmetic, never adding 24-hour blocks).

import { perLocale } from '../components/intlFormats';

export const MORNING_HOUR = 8;

export interface SnoozeChoice {
  label: string;
  until: number;
}

function atMorning(date: Date, daysAhead: number): Date {
  const result = new Date(date.getFullYear(), date.getMonth(), date.getDate() + daysAhead, MORNING_HOUR, 0, 0, 0);
  return result;
}

/** 08:00 tomorrow, local time. */
export function tomorrowMorning(now: Date): Date {
  return atMorning(now, 1);
}

/** 08:00 on the coming Monday (a week on, if today is Monday), local time. */
export function nextWeek(now: Date): Date {
  const daysToMonday = ((8 - now.getDay()) % 7) || 7;
  return atMorning(now, daysToMonday);
}

const dayAndTimeFormat = perLocale((locale) => new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' }));

function dayAndTime(date: Date, locale?: string): string {
  return dayAndTimeFormat(locale).format(date);
}

/** The menu's quick choices, each with when it comes back. */
export function snoozeChoices(nowMs: number, locale?: string): SnoozeChoice[] {
  const now = new Date(nowMs);
  const tomorrow = tomorrowMorning(now);
  const monday = nextWeek(now);
  return [
    { label: '1 hour', until: nowMs + 3_600_000 },
    { label: `Tomorrow morning (${dayAndTime(tomorrow, locale)})`, until: tomorrow.getTime() },
    { label: `Next week (${dayAndTime(monday, locale)})`, until: monday.getTime() },
  ];
}

/** The value of a datetime-local field ("2026-12-03T14:30", seconds optional) as a time, in local time; null if empty or malformed. */
export function fromLocalInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(year, month - 1, day, hour, minute, second, 0);
  // A time that does not exist locally (skipped by a daylight-saving change) moves; refuse it.
  return date.getHours() === hour && date.getMinutes() === minute ? date.getTime() : null;
}

/** A time as a datetime-local field's value, in local time. */
export function toLocalInput(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
