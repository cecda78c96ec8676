import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../dispatch/session';
import { failure, openTestRuntime, type TestRuntime } from '../../testing/runtime';
import { runDailyCleanup, startMaintenance, wakeSnoozed } from '../maintenance';
import { notifications } from './notifications';

let app: TestRuntime;
let alice: Session;
let bob: Session;

/** Gives Alice `count` low-stock notifications, one per part. */
async function alertsForAlice(count: number): Promise<number[]> {
  const bin = await app.call('locations.create', { name: `Bin ${Math.random()}` });
  for (let index = 0; index < count; index += 1) {
    const part = await app.call('parts.create', { name: `Part ${index}`, minimumStock: '10' });
    const item = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '20' });
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
    await app.call('stock.remove', { itemId: item.id, quantity: '15' });
  }
  return (await app.call('notifications.list', { state: 'unread' }, alice)).rows.map((row) => row.id);
}

const count = (session: Session) => app.call('notifications.unreadCount', {}, session).then((result) => result.count);

beforeEach(async () => {
  app = await openTestRuntime();
  alice = await app.signIn('Alice');
  bob = await app.signIn('Bob');
});
afterEach(() => app.close());

describe('notification centre', () => {
  it('lists unread newest first, marks read, unread, and deletes from history', async () => {
    const ids = await alertsForAlice(3);
    expect(ids).toHaveLength(3);
    expect(await count(alice)).toBe(3);
    await app.call('notifications.markRead', { ids: [ids[0] as number] }, alice);
    expect(await count(alice)).toBe(2);
    const history = await app.call('notifications.list', { state: 'read' }, alice);
    expect(history.rows.map((row) => row.id)).toEqual([ids[0]]);
    await app.call('notifications.markUnread', { ids: [ids[0] as number] }, alice);
    expect(await count(alice)).toBe(3);
    await app.call('notifications.markAllRead', {}, alice);
    expect(await count(alice)).toBe(0);
    await app.call('notifications.delete', { ids: [ids[1] as number] }, alice);
    expect((await app.call('notifications.list', { state: 'read' }, alice)).total).toBe(2);
    await app.call('notifications.deleteAllRead', {}, alice);
    expect((await app.call('notifications.list', { state: 'read' }, alice)).total).toBe(0);
  });

  it('keeps each person\'s unread counter equal to their unread notifications', async () => {
    const ids = await alertsForAlice(4);
    await app.call('notifications.markRead', { ids: ids.slice(0, 2) }, alice);
    await app.call('notifications.markRead', { ids: ids.slice(0, 3) }, alice);
    await app.call('notifications.markUnread', { ids: ids.slice(0, 1) }, alice);
    await app.call('notifications.markRead', { ids }, bob);
    const counted = () =>
      app.core.db.$client
        .prepare('select count(*) from users u where u.unread_notifications != (select count(*) from notifications n where n.user_id = u.id and n.read_at is null)')
        .pluck()
        .get();
    expect(counted()).toBe(0);
    expect(await count(alice)).toBe(2);
    expect((await app.call('notifications.list', { state: 'unread' }, alice)).total).toBe(2);
    await app.call('notifications.markAllRead', {}, alice);
    expect(counted()).toBe(0);
  });

  it('never lets one user see or change another user\'s notifications', async () => {
    const ids = await alertsForAlice(2);
    const mine = ids[0] as number;
    expect((await app.call('notifications.list', { state: 'unread' }, bob)).total).toBe(0);
    expect(await count(bob)).toBe(0);
    expect(await app.call('notifications.markRead', { ids }, bob)).toEqual({ changed: 0 });
    expect(await app.call('notifications.markAllRead', {}, bob)).toEqual({ changed: 0 });
    expect(await count(alice)).toBe(2);
    await app.call('notifications.markRead', { ids: [mine] }, alice);
    expect(await app.call('notifications.markUnread', { ids: [mine] }, bob)).toEqual({ changed: 0 });
    expect(await app.call('notifications.delete', { ids: [mine] }, bob)).toEqual({ changed: 0 });
    expect(await app.call('notifications.deleteAllRead', {}, bob)).toEqual({ changed: 0 });
    expect((await app.call('notifications.list', { state: 'read' }, alice)).rows.map((row) => row.id)).toEqual([mine]);
  });

  it('filters the inbox by kind and pages through it', async () => {
    await alertsForAlice(5);
    const page = await app.call('notifications.list', { state: 'unread', kind: 'part.low_stock', limit: 2, offset: 2 }, alice);
    expect(page.total).toBe(5);
    expect(page.rows).toHaveLength(2);
  });

  it('removes read notifications past the retention period in the daily clean-up, keeping unread ones', async () => {
    const ids = await alertsForAlice(2);
    await app.call('notifications.markRead', { ids: [ids[0] as number] }, alice);
    app.clock.advance(31 * 86_400_000);
    expect(runDailyCleanup(app.core)).toBe(1);
    expect(await count(alice)).toBe(1);
    expect((await app.call('notifications.list', { state: 'read' }, alice)).total).toBe(0);
    // Ran today already: a second pass does nothing until a day has gone by.
    expect(runDailyCleanup(app.core)).toBeNull();
  });

  it('keeps read notifications for the period an administrator sets, never under 7 days', async () => {
    expect(await app.call('settings.retention.get', {})).toEqual({ retentionDays: 30 });
    expect((await failure(app.call('settings.retention.update', { retentionDays: 3 }))).fields?.retentionDays).toMatch(/at least 7 days/);
    await app.call('settings.retention.update', { retentionDays: 10 });
    const ids = await alertsForAlice(1);
    await app.call('notifications.markRead', { ids }, alice);
    app.clock.advance(11 * 86_400_000);
    expect(runDailyCleanup(app.core)).toBe(1);
  });
});

describe('one event, many copies', () => {
  /** A part below which Alice (on the part) and Bob (on its category) hear about a crossing. */
  async function crossingForTwo() {
    const bin = await app.call('locations.create', { name: 'Bin' });
    const category = await app.call('categories.create', { name: 'Resistors' });
    const part = await app.call('parts.create', { name: 'R 10k', minimumStock: '10', categoryId: category.id });
    const item = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '20' });
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
    await app.call('subscriptions.subscribe', { kind: 'category', id: category.id }, bob);
    return { cross: () => app.call('stock.remove', { itemId: item.id, quantity: '15' }), refill: () => app.call('stock.add', { itemId: item.id, quantity: '15' }) };
  }
  const client = () => app.core.db.$client;

  it('stores the wording once and gives each person their own row, id and reason', async () => {
    const created: { userId: number; id: number; reason: string }[] = [];
    app.core.onEvent((event, payload, audience) => {
      if (event !== 'notifications.changed' || !('userId' in audience)) return;
      for (const view of (payload as { created: { id: number; reason: string }[] }).created) created.push({ userId: audience.userId, id: view.id, reason: view.reason });
    });
    const { cross } = await crossingForTwo();
    await cross();
    expect(client().prepare('select count(*) from notification_events').pluck().get()).toBe(1);
    // The ids pushed to each person's windows are the ids stored for them.
    const stored = client().prepare('select id, user_id as userId, reason from notifications order by id').all();
    expect(created.sort((a, b) => a.id - b.id)).toEqual(stored);
    expect(created).toEqual([
      { userId: alice.userId, id: expect.any(Number), reason: 'You are subscribed to this part.' },
      { userId: bob.userId, id: expect.any(Number), reason: 'You are subscribed to Resistors.' },
    ]);
    const [row] = (await app.call('notifications.list', { state: 'unread' }, bob)).rows;
    expect(row).toMatchObject({ title: 'Low stock: R 10k', message: 'R 10k is down to 5, below its minimum of 10.', reason: 'You are subscribed to Resistors.', link: expect.stringMatching(/^\/parts\/\d+$/) });
  });

  it('lists fresh and settled notifications together, newest first, before and after they settle', async () => {
    const { cross, refill } = await crossingForTwo();
    await cross();
    await refill();
    expect(app.core.write(null, (ctx) => notifications.settle(ctx))).toBe(2);
    app.clock.advance(60_000);
    await cross();
    const fresh = client().prepare('select count(*) from notifications where settled = 0').pluck().get();
    expect(fresh).toBe(2);
    const before = await app.call('notifications.list', { state: 'unread' }, alice);
    expect(before.total).toBe(2);
    expect(before.rows[0]?.createdAt).toBeGreaterThan(before.rows[1]?.createdAt as number);
    const newest = before.rows[0]?.id as number;
    await app.call('notifications.markRead', { ids: [newest] }, alice);
    await app.call('notifications.markUnread', { ids: [newest] }, alice);
    expect(app.core.write(null, (ctx) => notifications.settle(ctx))).toBe(2);
    expect(await app.call('notifications.list', { state: 'unread' }, alice)).toEqual(before);
    expect(await count(alice)).toBe(2);
    expect(await app.call('notifications.markAllRead', {}, alice)).toEqual({ changed: 2 });
    expect(await count(alice)).toBe(0);
  });

  it('settles fresh notifications in idle time, a batch at a time', async () => {
    const { cross } = await crossingForTwo();
    await cross();
    const fresh = () => client().prepare('select count(*) from notifications where settled = 0').pluck().get();
    expect(fresh()).toBe(2);
    expect(app.core.write(null, (ctx) => notifications.settle(ctx, 1))).toBe(1);
    expect(fresh()).toBe(1);
    const stop = startMaintenance(app.core);
    try {
      await new Promise((resolve) => setTimeout(resolve, 2_300));
      expect(fresh()).toBe(0);
    } finally {
      stop();
    }
    expect((await app.call('notifications.list', { state: 'unread' }, bob)).total).toBe(1);
  });

  it('removes an event once nobody has a copy of it', async () => {
    const { cross } = await crossingForTwo();
    await cross();
    await app.call('notifications.markAllRead', {}, alice);
    await app.call('notifications.deleteAllRead', {}, alice);
    expect(client().prepare('select count(*) from notification_events').pluck().get()).toBe(1);
    await app.call('notifications.markAllRead', {}, bob);
    await app.call('notifications.deleteAllRead', {}, bob);
    expect(client().prepare('select count(*) from notification_events').pluck().get()).toBe(0);
  });
});

describe('snoozing a notification', () => {
  const HOUR = 3_600_000;

  it('takes it out of the inbox and the count until its time, then brings it back unread and announces it, across a restart', async () => {
    const [newest, older] = await alertsForAlice(2);
    await app.call('notifications.markRead', { ids: [older as number] }, alice);
    const until = app.clock.now() + HOUR;
    expect(await app.call('notifications.snooze', { ids: [newest as number, older as number], until }, alice)).toEqual({ changed: 2, until });
    expect(await count(alice)).toBe(0);
    expect((await app.call('notifications.list', { state: 'unread' }, alice)).total).toBe(0);
    expect((await app.call('notifications.list', { state: 'read' }, alice)).total).toBe(0);
    const snoozed = await app.call('notifications.list', { state: 'snoozed' }, alice);
    expect(snoozed.rows.map((row) => [row.id, row.snoozedUntil, row.readAt])).toEqual([
      [older, until, null],
      [newest, until, null],
    ]);
    // "Mark all as read" is about the inbox: a snoozed one stays snoozed, and cannot be read from elsewhere either.
    await app.call('notifications.markAllRead', {}, alice);
    expect(await app.call('notifications.markRead', { ids: [newest as number] }, alice)).toEqual({ changed: 0 });
    expect((await app.call('notifications.list', { state: 'snoozed' }, alice)).total).toBe(2);
    expect(await app.call('notifications.snooze', { ids: [newest as number], until }, bob)).toEqual({ changed: 0, until });

    // Nothing comes back early, and a restart keeps the snooze.
    app.clock.advance(HOUR - 1000);
    expect(wakeSnoozed(app.core)).toBe(0);
    const { dataDir, clock } = app;
    app.close({ keepData: true });
    app = await openTestRuntime({ dataDir, clock });
    alice = { ...alice, generation: app.core.sessionGeneration };
    const announced: number[] = [];
    app.core.onEvent((event, payload, audience) => {
      if (event === 'notifications.changed' && 'userId' in audience && audience.userId === alice.userId) announced.push(...(payload as { created: { id: number }[] }).created.map((view) => view.id));
    });
    app.clock.advance(1000);
    expect(wakeSnoozed(app.core)).toBe(2);
    expect(announced.sort()).toEqual([newest, older].sort());
    expect(await count(alice)).toBe(2);
    const inbox = await app.call('notifications.list', { state: 'unread' }, alice);
    expect(inbox.rows.map((row) => row.snoozedUntil)).toEqual([null, null]);
    expect((await app.call('notifications.list', { state: 'snoozed' }, alice)).total).toBe(0);
  });

  it('refuses a time in the past or more than a year ahead, and comes back at once when unsnoozed', async () => {
    const [id] = await alertsForAlice(1);
    const refused = await app.dispatch('notifications.snooze', { ids: [id as number], until: app.clock.now() - 1 }, alice);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { until: 'Choose a time in the future.' } } });
    expect((await failure(app.call('notifications.snooze', { ids: [id as number], until: app.clock.now() + 400 * 24 * HOUR }, alice))).message).toMatch(/within a year/);
    expect(await count(alice)).toBe(1);
    await app.call('notifications.snooze', { ids: [id as number], until: app.clock.now() + 24 * HOUR }, alice);
    expect(await count(alice)).toBe(0);
    expect(await app.call('notifications.unsnooze', { ids: [id as number] }, alice)).toEqual({ changed: 1 });
    expect(await count(alice)).toBe(1);
  });

  it('is brought back by the running app when its time comes, without anyone calling', async () => {
    const [id] = await alertsForAlice(1);
    const stop = startMaintenance(app.core);
    try {
      await app.call('notifications.snooze', { ids: [id as number], until: app.clock.now() + HOUR }, alice);
      // The app's clock moves past it; the next change to snoozes makes the waker look again.
      app.clock.advance(HOUR);
      const [other] = await alertsForAlice(1);
      await app.call('notifications.snooze', { ids: [other as number], until: app.clock.now() + HOUR }, alice);
      const end = Date.now() + 5_000;
      while ((await count(alice)) !== 1) {
        if (Date.now() > end) throw new Error('never came back');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect((await app.call('notifications.list', { state: 'unread' }, alice)).rows.map((row) => row.id)).toEqual([id]);
    } finally {
      stop();
    }
  });
});

describe('archiving and searching notifications', () => {
  it('archives read ones out of History, keeps them past the retention period, and finds them by text and kind', async () => {
    const ids = await alertsForAlice(3);
    await app.call('notifications.markAllRead', {}, alice);
    const [first, second] = ids as [number, number];
    // Unread ones cannot be archived; read ones leave History for Archived.
    expect(await app.call('notifications.archive', { ids: [first, second] }, alice)).toEqual({ changed: 2 });
    expect(await app.call('notifications.archive', { ids: [first] }, bob)).toEqual({ changed: 0 });
    expect((await app.call('notifications.list', { state: 'read' }, alice)).total).toBe(1);
    const archived = await app.call('notifications.list', { state: 'archived' }, alice);
    expect(archived.rows.map((row) => row.id).sort()).toEqual([first, second].sort());
    expect(archived.rows.every((row) => row.archivedAt !== null)).toBe(true);

    // Search by text (case-insensitive, wildcards taken literally) within a state, and by kind.
    const part1 = await app.call('notifications.list', { state: 'archived', search: 'part 1' }, alice);
    expect(part1.rows.map((row) => row.title)).toEqual(['Low stock: Part 1']);
    expect((await app.call('notifications.list', { state: 'archived', search: '%' }, alice)).total).toBe(0);
    expect((await app.call('notifications.list', { state: 'read', search: 'Part', kind: 'build.created' }, alice)).total).toBe(0);

    // The daily clean-up leaves archived ones; unarchived, they are History again.
    app.clock.advance(40 * 86_400_000);
    runDailyCleanup(app.core);
    expect((await app.call('notifications.list', { state: 'archived' }, alice)).total).toBe(2);
    expect((await app.call('notifications.list', { state: 'read' }, alice)).total).toBe(0);
    await app.call('notifications.unarchive', { ids: [first] }, alice);
    expect((await app.call('notifications.list', { state: 'read' }, alice)).rows.map((row) => row.id)).toEqual([first]);
  });
});
