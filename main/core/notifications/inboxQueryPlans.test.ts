import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../dispatch/session';
import { openTestRuntime, type TestRuntime } from '../../testing/runtime';
import { MailWorker } from '../mail/mailWorker';
import { runDailyCleanup } from '../maintenance';
import { notifications } from './notifications';

// The inbox lives in partial indexes (unread settled, unread fresh, read). A statement that names
// neither partial condition makes SQLite read the whole table, which at a million notifications is
// the difference between a millisecond and a second. This walks the notification centre, records
// every statement that reads or writes notifications, and checks each plan.

let app: TestRuntime;
let alice: Session;
const statements = new Set<string>();

/** Whole-table reads allowed on purpose, with why. */
const allowedScans: { statement: RegExp; why: string }[] = [
  { statement: /^delete from notifications where read_at is not null and read_at < \?/, why: 'the daily clean-up goes through all read notifications once a day' },
];

beforeEach(async () => {
  statements.clear();
  app = await openTestRuntime();
  alice = await app.signIn('Alice');
  const client = app.core.db.$client;
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => {
    if (/\bnotifications\b/.test(source) && !source.startsWith('explain')) statements.add(source);
    return prepare(source);
  }) as typeof client.prepare;
});
afterEach(() => app.close());

describe('inbox query plans', () => {
  it('counts History and Archived from their own index alone, without reading each row\'s wording', async () => {
    for (const state of ['read', 'archived'] as const) await app.call('notifications.list', { state, kind: null }, alice);
    const counts = [...statements].filter((statement) => statement.startsWith('select count(*) from notifications n where'));
    expect(counts).toHaveLength(2);
    const client = app.core.db.$client;
    const plans = counts.map((statement) =>
      (client.prepare(`explain query plan ${statement}`).all(...Array.from({ length: countParameters(statement) }, () => null)) as { detail: string }[]).map((row) => row.detail).join(' | '),
    );
    expect(plans.sort()).toEqual(['SEARCH n USING COVERING INDEX notifications_archived (user_id=? AND read_at>?)', 'SEARCH n USING COVERING INDEX notifications_history (user_id=? AND read_at>?)']);
  });

  it('reaches notifications through an index in every statement of the notification centre', async () => {
    await app.call('settings.email.update', { enabled: true, host: '127.0.0.1', port: 2525, security: 'none', username: '', password: null, sender: 'stock@workshop.test', instanceName: 'Workshop' });
    const bin = await app.call('locations.create', { name: 'Bin' });
    const part = await app.call('parts.create', { name: 'R 10k', minimumStock: '10' });
    const item = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '20' });
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
    for (let round = 0; round < 2; round += 1) {
      await app.call('stock.remove', { itemId: item.id, quantity: '15' });
      await app.call('stock.add', { itemId: item.id, quantity: '15' });
    }
    const worker = new MailWorker(app.core, app.secrets);
    worker.wake();
    await worker.idle();
    await worker.stop();
    for (const state of ['unread', 'read', 'snoozed', 'archived'] as const) {
      await app.call('notifications.list', { state }, alice);
      await app.call('notifications.list', { state, kind: 'part.low_stock' }, alice);
      await app.call('notifications.list', { state, search: '10k' }, alice);
    }
    await app.call('notifications.unreadCount', {}, alice);
    const ids = (await app.call('notifications.list', { state: 'unread' }, alice)).rows.map((row) => row.id);
    await app.call('notifications.markRead', { ids: ids.slice(0, 1) }, alice);
    await app.call('notifications.markUnread', { ids: ids.slice(0, 1) }, alice);
    app.core.write(null, (ctx) => notifications.settle(ctx));
    await app.call('notifications.snooze', { ids: ids.slice(0, 1), until: app.clock.now() + 60_000 }, alice);
    await app.call('notifications.unsnooze', { ids: ids.slice(0, 1) }, alice);
    await app.call('notifications.snooze', { ids: ids.slice(0, 1), until: app.clock.now() + 60_000 }, alice);
    app.clock.advance(60_000);
    app.core.write(null, (ctx) => notifications.wakeDue(ctx));
    app.core.read((ctx) => notifications.nextWake(ctx));
    await app.call('notifications.why', { id: ids[0] as number }, alice);
    await app.call('notifications.markAllRead', {}, alice);
    await app.call('notifications.archive', { ids: ids.slice(1, 2) }, alice);
    await app.call('notifications.unarchive', { ids: ids.slice(1, 2) }, alice);
    await app.call('notifications.delete', { ids: ids.slice(0, 1) }, alice);
    await app.call('notifications.deleteAllRead', {}, alice);
    app.clock.advance(40 * 86_400_000);
    runDailyCleanup(app.core);

    expect(statements.size).toBeGreaterThan(10);
    const client = app.core.db.$client;
    const scans: string[] = [];
    for (const statement of [...statements]) {
      if (allowedScans.some((allowed) => allowed.statement.test(statement))) continue;
      const plan = client.prepare(`explain query plan ${statement}`).all(...Array.from({ length: countParameters(statement) }, () => null)) as { detail: string }[];
      for (const { detail } of plan) {
        // "SCAN n USING INDEX notifications_fresh" reads the small fresh index whole, by design.
        if (/^SCAN (notifications|n)\b/.test(detail) && !/notifications_fresh/.test(detail)) scans.push(`${detail}\n  in: ${statement.replace(/\s+/g, ' ')}`);
      }
    }
    expect(scans).toEqual([]);
  });
});

function countParameters(statement: string): number {
  return (statement.match(/\?/g) ?? []).length;
}
