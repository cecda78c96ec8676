import { describe, expect, it } from 'vitest';
import { relativeTime, timeUntil } from './relativeTime';

const now = Date.UTC(2025, 5, 15, 12, 0, 0);
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const ago = (ms: number) => relativeTime(now - ms, now, 'en');

describe('relativeTime', () => {
  it('says "just now" for the last minute', () => {
    expect(ago(0)).toBe('just now');
    expect(ago(59_999)).toBe('just now');
  });

  it('counts whole minutes and hours', () => {
    expect(ago(minute)).toBe('1 minute ago');
    expect(ago(5 * minute + 40_000)).toBe('5 minutes ago');
    expect(ago(59 * minute)).toBe('59 minutes ago');
    expect(ago(hour)).toBe('1 hour ago');
    expect(ago(23 * hour + 59 * minute)).toBe('23 hours ago');
  });

  it('never wraps at 24 hours', () => {
    expect(ago(day)).toBe('1 day ago');
    expect(ago(day + 2 * hour)).toBe('1 day ago');
    expect(ago(3 * day + 5 * hour)).toBe('3 days ago');
    expect(ago(29 * day + 23 * hour)).toBe('29 days ago');
  });

  it('moves to months after 30 days and years after 365', () => {
    expect(ago(30 * day)).toBe('1 month ago');
    expect(ago(45 * day)).toBe('1 month ago');
    expect(ago(95 * day)).toBe('3 months ago');
    expect(ago(364 * day)).toBe('12 months ago');
    expect(ago(365 * day)).toBe('1 year ago');
    expect(ago(3 * 365 * day + 10 * day)).toBe('3 years ago');
  });

  it('treats a little clock skew as "just now" and a real future time as future', () => {
    expect(ago(-30_000)).toBe('just now');
    expect(ago(-4 * minute)).toBe('just now');
    expect(ago(-10 * minute)).toBe('in 10 minutes');
    expect(ago(-2 * day)).toBe('in 2 days');
  });
});

describe('timeUntil', () => {
  const until = (ms: number) => timeUntil(now + ms, now, 'en');

  it('counts down seconds for a time less than a minute away, never "just now"', () => {
    expect(until(15_000)).toBe('in 15 seconds');
    expect(until(30_000)).toBe('in 30 seconds');
    expect(until(44_200)).toBe('in 45 seconds');
    expect(until(1_000)).toBe('in 1 second');
  });

  it('moves to minutes, hours and days further out', () => {
    expect(until(minute)).toBe('in 1 minute');
    expect(until(2 * minute)).toBe('in 2 minutes');
    expect(until(90_000)).toBe('in 2 minutes');
    expect(until(59 * minute)).toBe('in 59 minutes');
    expect(until(59 * minute + 50_000)).toBe('in 1 hour');
    expect(until(2 * hour)).toBe('in 2 hours');
    expect(until(3 * day)).toBe('in 3 days');
  });

  it('says "now" for a time that has come', () => {
    expect(until(0)).toBe('now');
    expect(until(-5_000)).toBe('now');
  });
});
