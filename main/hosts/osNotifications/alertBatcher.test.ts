import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotificationView } from '../../contract/notifications';
import { AlertBatcher, summarize, type OsAlert } from './alertBatcher';

function notification(id: number, kind: string, title: string): NotificationView {
  return { id, kind, title, message: `${title} message`, reason: '', target: { kind: 'part', id: String(id) }, link: `/parts/${id}`, createdAt: 0, readAt: null, snoozedUntil: null, archivedAt: null };
}

afterEach(() => vi.useRealTimers());

describe('OS banners', () => {
  it('shows one notification as itself and several as one summary', () => {
    expect(summarize([notification(1, 'part.low_stock', 'Low stock: R 10k')])).toEqual({
      title: 'Low stock: R 10k',
      body: 'Low stock: R 10k message',
      path: '/parts/1',
    });
    const many = [1, 2, 3, 4].map((id) => notification(id, 'part.low_stock', `Low stock: Part ${id}`));
    expect(summarize(many)).toEqual({ title: '4 parts are low on stock', body: 'Part 1, Part 2, Part 3 and 1 more', path: '/inbox' });
    expect(summarize([notification(1, 'part.low_stock', 'A'), notification(2, 'build.created', 'B')])?.title).toBe('2 new notifications');
    const forecast = [notification(5, 'part.will_run_low', 'Will run low: Fuse 2A'), notification(6, 'part.will_run_low', 'Will run low: Relay')];
    expect(summarize(forecast)).toEqual({ title: '2 parts will run low', body: 'Fuse 2A, Relay', path: '/inbox' });
    // Among other kinds, a forecast keeps its words, so a reader can tell it from a part already low.
    expect(summarize([notification(1, 'part.low_stock', 'Low stock: R 10k'), notification(2, 'part.will_run_low', 'Will run low: Fuse 2A')])).toMatchObject({
      title: '2 new notifications',
      body: 'R 10k, Will run low: Fuse 2A',
    });
  });

  it('groups what arrives together, leaves out unwanted kinds, and opens the target on click', () => {
    vi.useFakeTimers();
    const shown: OsAlert[] = [];
    const opened: string[] = [];
    const batcher = new AlertBatcher({
      windowMs: 1000,
      wants: (kind) => kind !== 'build.created',
      notifier: { show: (alert, onClick) => (shown.push(alert), onClick()) },
      open: (path) => opened.push(path),
    });
    batcher.add([notification(1, 'part.low_stock', 'Low stock: A')]);
    batcher.add([notification(2, 'part.low_stock', 'Low stock: B'), notification(3, 'build.created', 'New build order BO-0001')]);
    expect(shown).toHaveLength(0);
    vi.advanceTimersByTime(1000);
    expect(shown.map((alert) => alert.title)).toEqual(['2 parts are low on stock']);
    expect(opened).toEqual(['/inbox']);
  });

  it('shows nothing queued after clear (signed out)', () => {
    vi.useFakeTimers();
    const shown: OsAlert[] = [];
    const batcher = new AlertBatcher({ wants: () => true, notifier: { show: (alert) => shown.push(alert) }, open: () => undefined });
    batcher.add([notification(1, 'part.low_stock', 'Low stock: A')]);
    batcher.clear();
    vi.advanceTimersByTime(5000);
    expect(shown).toEqual([]);
  });

  it('holds banners through quiet hours and shows one summary when they end', () => {
    vi.useFakeTimers();
    const shown: OsAlert[] = [];
    let now = 1_000_000;
    let quietUntil: number | null = now + 60_000;
    const recorded: [number[], string][] = [];
    const batcher = new AlertBatcher({
      windowMs: 1000,
      wants: (kind) => kind !== 'build.cancelled',
      record: (ids, outcome) => recorded.push([ids, outcome]),
      notifier: { show: (alert) => shown.push(alert) },
      open: () => undefined,
      quietUntil: () => quietUntil,
      now: () => now,
    });
    batcher.add([notification(1, 'part.low_stock', 'Low stock: A')]);
    vi.advanceTimersByTime(30_000);
    batcher.add([notification(2, 'build.created', 'New build order BO-0002')]);
    vi.advanceTimersByTime(29_000);
    expect(shown).toEqual([]);
    now += 60_000;
    quietUntil = null;
    vi.advanceTimersByTime(1_000);
    expect(shown).toEqual([{ title: 'During your quiet hours: 2 notifications', body: 'A, New build order BO-0002', path: '/inbox' }]);
    // Outside quiet hours, banners come as before.
    batcher.add([notification(3, 'part.low_stock', 'Low stock: C'), notification(4, 'build.cancelled', 'Cancelled: BO-0004')]);
    vi.advanceTimersByTime(1000);
    expect(shown.at(-1)?.title).toBe('Low stock: C');
    // Each banner's fate is kept for "Why did I get this?".
    expect(recorded).toEqual([
      [[1], 'held'],
      [[2], 'held'],
      [[1, 2], 'released'],
      [[4], 'off'],
      [[3], 'shown'],
    ]);
  });
});
