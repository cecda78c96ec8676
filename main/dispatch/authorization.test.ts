import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../contract';
import { openTestRuntime, type TestRuntime } from '../testing/runtime';
import { newSession, type Session } from './session';

// Walks the whole contract: no session, a member on administrator methods, and one person on
// another's notifications. Each refusal has the right code and leaves the database as it was.

let app: TestRuntime;
let alice: Session;
let bob: Session;
let alicesNotifications: number[];

function fingerprint(): string {
  const client = app.core.db.$client;
  const tables = client.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).pluck().all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) hash.update(table).update(JSON.stringify(client.prepare(`select * from "${table}"`).all()));
  return hash.digest('hex');
}

beforeAll(async () => {
  app = await openTestRuntime();
  await app.call('demo.load', {});
  alice = await app.signIn('Alice');
  bob = await app.signIn('Bob');
  const low = app.core.db.$client.prepare(`select id from parts where minimum_stock > 0 and not is_low and stock_total > 0 limit 3`).pluck().all() as number[];
  for (const partId of low) {
    await app.call('subscriptions.subscribe', { kind: 'part', id: partId }, alice);
    const item = app.core.db.$client.prepare('select id, quantity from stock_items where part_id = ? and quantity > 0 limit 1').get(partId) as { id: number; quantity: number };
    await app.call('stock.count', { itemId: item.id, quantity: '0' });
  }
  alicesNotifications = (await app.call('notifications.list', { state: 'unread' }, alice)).rows.map((row) => row.id);
  await app.call('notifications.markRead', { ids: alicesNotifications.slice(0, 1) }, alice);
});
afterAll(() => app.close());

describe('authorisation across the whole contract', () => {
  it('has notifications of Alice to protect', () => {
    expect(alicesNotifications.length).toBeGreaterThan(0);
  });

  it('refuses every non-public method without a session, and changes nothing', async () => {
    const before = fingerprint();
    const guarded = methodNames.filter((method) => contract[method].access !== 'public');
    expect(guarded.length).toBeGreaterThan(50);
    for (const method of guarded) {
      const result = await app.dispatch(method, {}, newSession());
      expect(result, method).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    expect(fingerprint()).toBe(before);
  });

  it('refuses every administrator method to a member, whatever the input, and changes nothing', async () => {
    const before = fingerprint();
    const adminOnly = methodNames.filter((method) => contract[method].access === 'admin');
    expect(adminOnly).toEqual(expect.arrayContaining(['users.list', 'users.create', 'users.update', 'users.resetPassword', 'settings.email.update', 'import.inventree']));
    for (const method of adminOnly) {
      for (const input of [{}, { id: 1, password: 'x'.repeat(20), username: 'bob', displayName: 'B', email: '', role: 'admin', active: true }]) {
        const result = await app.dispatch(method, input, bob);
        expect(result, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(fingerprint()).toBe(before);
  });

  it('never lets Bob read or change Alice\'s notifications through any method', async () => {
    const before = fingerprint();
    const ids = alicesNotifications;
    for (const method of ['notifications.markRead', 'notifications.markUnread', 'notifications.delete'] as const) {
      expect(await app.call(method, { ids }, bob)).toEqual({ changed: 0 });
    }
    expect(await app.call('notifications.markAllRead', {}, bob)).toEqual({ changed: 0 });
    expect(await app.call('notifications.deleteAllRead', {}, bob)).toEqual({ changed: 0 });
    for (const state of ['unread', 'read'] as const) expect((await app.call('notifications.list', { state }, bob)).total).toBe(0);
    expect((await app.call('notifications.unreadCount', {}, bob)).count).toBe(0);
    expect((await app.call('subscriptions.list', {}, bob)).parts).toEqual([]);
    expect((await app.call('profile.get', {}, bob)).user.username).toBe('bob');
    expect(fingerprint()).toBe(before);
  });

  it('ignores an acting user named in the payload', async () => {
    const before = (await app.call('notifications.unreadCount', {}, alice)).count;
    await app.dispatch('notifications.markAllRead', { userId: alice.userId, actorId: alice.userId }, bob);
    expect((await app.call('notifications.unreadCount', {}, alice)).count).toBe(before);
  });
});
