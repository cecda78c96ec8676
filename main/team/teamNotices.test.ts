import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../dispatch/session';
import { wakeSnoozed } from '../core/maintenance';
import { openTestRuntime, type TestRuntime } from '../testing/runtime';
import { TeamReplica, type TeamEvent } from './replica';

// How the log's order settles a change made without seeing a teammate's, and who is told, with the
// order chosen by the test: two replicas fed the same log by hand (no server), each order in turn.

const opened: { app: TestRuntime; replica: TeamReplica }[] = [];
afterEach(() => {
  for (const { app, replica } of opened.splice(0)) {
    expect(replica.skippedEvents()).toBe(0);
    replica.stop();
    app.close();
  }
});

class HandLog {
  private seq = 0;
  private readonly events: { seq: number; event: TeamEvent }[] = [];
  constructor(private readonly replicas: TeamReplica[]) {}
  /** Takes what `from` has waiting into the log, in order, without delivering it yet. */
  take(from: TeamReplica): void {
    for (const waiting of from.waiting()) if (!this.events.some((entry) => entry.event.id === waiting.event.id)) this.events.push({ seq: (this.seq += 1), event: waiting.event });
  }
  deliver(): void {
    for (const replica of this.replicas) replica.applyFromLog(this.events);
  }
}

async function desktops(): Promise<{ a: TestRuntime; b: TestRuntime; ra: TeamReplica; rb: TeamReplica; log: HandLog }> {
  const a = await openTestRuntime();
  const b = await openTestRuntime();
  const ra = new TeamReplica(a.core, 0);
  const rb = new TeamReplica(b.core, 1);
  opened.push({ app: a, replica: ra }, { app: b, replica: rb });
  return { a, b, ra, rb, log: new HandLog([ra, rb]) };
}

const on = (desktop: TestRuntime, person: Session): Session => ({ ...person, generation: desktop.core.sessionGeneration });

async function noticesOf(desktop: TestRuntime, person: Session): Promise<{ title: string; message: string }[]> {
  return (await desktop.call('notifications.list', { state: 'unread', kind: 'team.overwritten' }, on(desktop, person))).rows;
}

describe('what the team order did to a change made without seeing a teammate\'s', () => {
  it.each(['deletion first', 'deletion first, seen alone', 'new part first'] as const)('a category deleted while a part was added to it: %s', async (order) => {
    const { a, b, ra, rb, log } = await desktops();
    const alice = await a.signIn('Alice');
    const bob = await a.signIn('Bob');
    const drawers = await a.call('categories.create', { name: 'Old drawers' });
    log.take(ra);
    log.deliver();

    await a.call('categories.delete', { id: drawers.id }, alice);
    await b.call('parts.create', { name: 'Hinge', categoryId: drawers.id }, on(b, bob));
    const deletionFirst = order !== 'new part first';
    for (const replica of deletionFirst ? [ra, rb] : [rb, ra]) {
      log.take(replica);
      // Seen alone, the deletion reaches Bob's desktop while his part is still waiting: the part
      // brings the category back there first, and again when the log brings the part.
      if (order === 'deletion first, seen alone') log.deliver();
    }
    log.deliver();

    for (const desktop of [a, b]) {
      expect((await desktop.call('categories.list', {})).map((category) => category.name)).toEqual(['Old drawers']);
      const [notice, ...more] = await noticesOf(desktop, alice);
      expect(more).toEqual([]);
      expect(notice?.title).toBe(deletionFirst ? 'Brought back: Old drawers' : 'Not deleted: Old drawers');
      expect(await noticesOf(desktop, bob)).toEqual([]);
    }
  });

  it('a build order number both desktops took: the later one is renamed and its author told', async () => {
    const { a, b, ra, rb, log } = await desktops();
    const alice = await a.signIn('Alice');
    const bob = await a.signIn('Bob');
    const lamp = await a.call('parts.create', { name: 'Lamp', isAssembly: true });
    log.take(ra);
    log.deliver();
    await a.call('builds.create', { assemblyId: lamp.id, quantity: '1', reference: 'BO-0042' }, alice);
    await b.call('builds.create', { assemblyId: lamp.id, quantity: '2', reference: 'BO-0042' }, on(b, bob));
    log.take(ra);
    log.take(rb);
    log.deliver();
    for (const desktop of [a, b]) {
      expect(await noticesOf(desktop, alice)).toEqual([]);
      const [notice] = await noticesOf(desktop, bob);
      expect(notice).toMatchObject({ title: 'Renamed: BO-0042-2' });
      expect(notice?.message).toContain('took a number another desktop had already used');
    }
  });

  it('a person subscribing to a part already low is told once, on every desktop, from the team\'s order', async () => {
    const { a, b, ra, rb, log } = await desktops();
    const alice = await a.signIn('Alice');
    const shelf = await a.call('locations.create', { name: 'Shelf' });
    const fuse = await a.call('parts.create', { name: 'Fuse 2A', minimumStock: '10' });
    const item = await a.call('stock.create', { partId: fuse.id, locationId: shelf.id, quantity: '20' });
    await a.call('stock.remove', { itemId: item.id, quantity: '15' });
    log.take(ra);
    log.deliver();
    await b.call('subscriptions.subscribe', { kind: 'part', id: fuse.id }, on(b, alice));
    // Not before the team has the subscription: the notice follows from its place in the order.
    expect(await b.call('notifications.list', { state: 'unread' }, on(b, alice))).toMatchObject({ total: 0 });
    log.take(rb);
    log.deliver();
    for (const desktop of [a, b]) {
      const { rows } = await desktop.call('notifications.list', { state: 'unread' }, on(desktop, alice));
      expect(rows.map((row) => row.title)).toEqual(['Already low: Fuse 2A']);
    }
  });

  it('a part both desktops brought within reach of running low is announced once, on every desktop, from the team\'s order', async () => {
    const { a, b, ra, rb, log } = await desktops();
    const alice = await a.signIn('Alice');
    const shelf = await a.call('locations.create', { name: 'Shelf' });
    const fuse = await a.call('parts.create', { name: 'Fuse 2A', minimumStock: '20' });
    const item = await a.call('stock.create', { partId: fuse.id, locationId: shelf.id, quantity: '300' });
    await a.call('subscriptions.subscribe', { kind: 'part', id: fuse.id }, alice);
    // Two weeks of taking 10 a day: 160 left, two weeks from the minimum, beyond the 7-day margin.
    for (let day = 0; day < 14; day += 1) {
      for (const desktop of [a, b]) desktop.clock.advance(86_400_000);
      await a.call('stock.remove', { itemId: item.id, quantity: '10' }, alice);
    }
    log.take(ra);
    log.deliver();
    expect(await b.call('forecast.part', { partId: fuse.id }, on(b, alice))).toMatchObject({ status: 'projected', dailyUse: '10', warned: false });

    // Offline from each other, each desktop takes 80: each alone brings it within the margin.
    await a.call('stock.remove', { itemId: item.id, quantity: '80' }, alice);
    await b.call('stock.remove', { itemId: item.id, quantity: '80' }, on(b, alice));
    for (const desktop of [a, b]) {
      // Decided, but told only once the change has its place in the team's order.
      expect(await desktop.call('forecast.part', { partId: fuse.id }, on(desktop, alice))).toMatchObject({ warned: true });
      expect(await desktop.call('notifications.list', { state: 'unread', kind: 'part.will_run_low' }, on(desktop, alice))).toMatchObject({ total: 0 });
    }
    log.take(rb);
    log.take(ra);
    log.deliver();
    for (const desktop of [a, b]) {
      const { rows } = await desktop.call('notifications.list', { state: 'unread', kind: 'part.will_run_low' }, on(desktop, alice));
      expect(rows.map((row) => row.title)).toEqual(['Will run low: Fuse 2A']);
    }
  });

  it('a group subscribed on one desktop reaches its members on every desktop, each told once what is already low', async () => {
    const { a, b, ra, rb, log } = await desktops();
    const alice = await a.signIn('Alice');
    const bob = await a.signIn('Bob');
    const shelf = await a.call('locations.create', { name: 'Shelf' });
    const fuses = await a.call('categories.create', { name: 'Fuses' });
    const fuse = await a.call('parts.create', { name: 'Fuse 2A', minimumStock: '10', categoryId: fuses.id });
    const item = await a.call('stock.create', { partId: fuse.id, locationId: shelf.id, quantity: '5' });
    log.take(ra);
    log.deliver();
    const group = await b.call('groups.create', { name: 'Purchasing' });
    await b.call('groups.setMember', { groupId: group.id, userId: Number(alice.userId), member: true });
    await b.call('groups.subscribe', { groupId: group.id, target: { kind: 'category', id: fuses.id } });
    log.take(rb);
    log.deliver();
    for (const desktop of [a, b]) {
      const { rows } = await desktop.call('notifications.list', { state: 'unread' }, on(desktop, alice));
      expect(rows.map((row) => [row.title, row.reason])).toEqual([['Already low: Fuse 2A', 'Your group Purchasing subscribed to Fuses.']]);
      expect((await desktop.call('notifications.list', { state: 'unread' }, on(desktop, bob))).rows).toEqual([]);
    }
    // A crossing made on the other desktop reaches her through the group there too.
    await a.call('stock.add', { itemId: item.id, quantity: '10' });
    await a.call('stock.remove', { itemId: item.id, quantity: '10' });
    log.take(ra);
    log.deliver();
    for (const desktop of [a, b]) {
      const { rows } = await desktop.call('notifications.list', { state: 'unread' }, on(desktop, alice));
      expect(rows.map((row) => row.reason)).toEqual(['Your group Purchasing is subscribed to Fuses.', 'Your group Purchasing subscribed to Fuses.']);
    }
  });

  it('a snooze follows the person to every desktop, and its coming back is announced on each', async () => {
    const { a, b, ra, rb, log } = await desktops();
    const alice = await a.signIn('Alice');
    const shelf = await a.call('locations.create', { name: 'Shelf' });
    const fuse = await a.call('parts.create', { name: 'Fuse 2A', minimumStock: '10' });
    const item = await a.call('stock.create', { partId: fuse.id, locationId: shelf.id, quantity: '20' });
    await a.call('subscriptions.subscribe', { kind: 'part', id: fuse.id }, alice);
    await a.call('stock.remove', { itemId: item.id, quantity: '15' });
    log.take(ra);
    log.deliver();
    const [notice] = (await b.call('notifications.list', { state: 'unread' }, on(b, alice))).rows;
    const until = a.clock.now() + 3_600_000;
    await b.call('notifications.snooze', { ids: [notice?.id as number], until }, on(b, alice));
    log.take(rb);
    log.deliver();
    for (const desktop of [a, b]) expect((await desktop.call('notifications.unreadCount', {}, on(desktop, alice))).count).toBe(0);

    const announcedOnB: number[] = [];
    b.core.onEvent((event, payload, audience) => {
      if (event === 'notifications.changed' && 'userId' in audience) announcedOnB.push(...(payload as { created: { id: number }[] }).created.map((view) => view.id));
    });
    a.clock.advance(3_600_000);
    expect(wakeSnoozed(a.core)).toBe(1);
    log.take(ra);
    log.deliver();
    expect(announcedOnB).toEqual([notice?.id]);
    for (const desktop of [a, b]) {
      expect((await desktop.call('notifications.unreadCount', {}, on(desktop, alice))).count).toBe(1);
      expect((await desktop.call('notifications.list', { state: 'snoozed' }, on(desktop, alice))).total).toBe(0);
    }
  });

  it('counts an event of the log that cannot be applied, skips it the same way everywhere, and goes on', async () => {
    const { a, ra, rb, log } = await desktops();
    const broken: TeamEvent = { id: 'broken-event', origin: 1, author: null, at: 0, base: 0, changes: [{ t: 'no_such_table', op: 'i', row: { id: 1 } }] };
    await a.call('locations.create', { name: 'After the broken one' });
    ra.applyFromLog([{ seq: 1, event: broken }]);
    rb.applyFromLog([{ seq: 1, event: broken }]);
    expect([ra.skippedEvents(), rb.skippedEvents()]).toEqual([1, 1]);
    // The log goes on past it.
    log.take(ra);
    const [waiting] = ra.waiting();
    ra.applyFromLog([{ seq: 2, event: waiting?.event as TeamEvent }]);
    rb.applyFromLog([{ seq: 2, event: waiting?.event as TeamEvent }]);
    expect(ra.position()).toBe(2);
    expect(ra.waitingCount()).toBe(0);
    // This test skipped on purpose; the others must not.
    for (const { app, replica } of opened.splice(0)) {
      replica.stop();
      app.close();
    }
  });
});
