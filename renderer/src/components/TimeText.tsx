import { Tooltip } from '@mantine/core';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

export function relativeTime(epochMs: number, now = Date.now()): string {
  const diff = epochMs - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return relative.format(Math.round(diff / size), unit);
  }
  return 'just now';
}

export function absoluteTime(epochMs: number): string {
  return absolute.format(new Date(epochMs));
}

/** Relative time for scanning ("3 hours ago"), the exact time on hover and in the markup. */
export function TimeText({ value }: { value: number }) {
  return (
    <Tooltip label={absoluteTime(value)} openDelay={300}>
      <time dateTime={new Date(value).toISOString()}>{relativeTime(value)}</time>
    </Tooltip>
  );
}
