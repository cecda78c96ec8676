import { perLocale } from './intlFormats';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Clocks disagree a little between machines; a time this far ahead still reads as "just now". */
const CLOCK_SKEW = 5 * MINUTE;

const relativeFormat = perLocale((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'always' }));
const nowFormat = perLocale((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
const absoluteFormat = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));

/**
 * "just now", "5 minutes ago", "3 days ago", "2 months ago", "1 year ago": the age of `epochMs` at `now`.
 * Each step counts whole units of the full difference, so nothing wraps (an age of 26 hours is "1 day ago",
 * never "2 hours ago"). Times well in the future say so ("in 2 hours").
 */
export function relativeTime(epochMs: number, now: number, locale?: string): string {
  const diff = now - epochMs;
  if (diff < MINUTE && diff > -CLOCK_SKEW) return 'just now';
  const format = relativeFormat(locale);
  const sign = diff > 0 ? -1 : 1;
  const age = Math.abs(diff);
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    age < HOUR
      ? [age / MINUTE, 'minute']
      : age < DAY
        ? [age / HOUR, 'hour']
        : age < 30 * DAY
          ? [age / DAY, 'day']
          : age < 365 * DAY
            ? [age / (30 * DAY), 'month']
            : [age / (365 * DAY), 'year'];
  return format.format(sign * Math.max(1, Math.floor(value)), unit);
}

/**
 * How far away a scheduled time is ("in 30 seconds", "in 2 minutes", "in 3 hours"), or "now" once it
 * has come. Unlike relativeTime, nothing in the future is "just now": a retry 30 s away says so.
 */
export function timeUntil(epochMs: number, now: number, locale?: string): string {
  const ahead = epochMs - now;
  if (ahead <= 0) return nowFormat(locale).format(0, 'second');
  const format = relativeFormat(locale);
  // Each unit is tried after rounding, so 59.7 minutes reads "in 1 hour", never "in 60 minutes".
  const seconds = Math.ceil(ahead / 1000);
  if (seconds < 60) return format.format(seconds, 'second');
  const minutes = Math.round(ahead / MINUTE);
  if (minutes < 60) return format.format(minutes, 'minute');
  const hours = Math.round(ahead / HOUR);
  if (hours < 24) return format.format(hours, 'hour');
  return format.format(Math.round(ahead / DAY), 'day');
}

/** The exact time, for tooltips and `title` attributes. */
export function absoluteTime(epochMs: number, locale?: string): string {
  return absoluteFormat(locale).format(new Date(epochMs));
}
