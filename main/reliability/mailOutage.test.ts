import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MailWorker } from '../core/mail/mailWorker';
import type { Session } from '../dispatch/session';
import { openTestRuntime, type TestRuntime } from '../testing/runtime';
import { startLoopbackSmtp, type LoopbackSmtp } from '../testing/smtpServer';

// The mail server goes away, comes back, answers "try later" for a while, then accepts again, while
// alerts keep coming and one person switches email off half way. In the end every email that should
// have gone arrived exactly once, none went to the person who opted out, and the app kept working.

let app: TestRuntime;
let smtp: LoopbackSmtp;
let port: number;
let worker: MailWorker;
let people: Session[];
let items: number[];

async function rounds(count: number): Promise<void> {
  for (let round = 0; round < count; round += 1) {
    worker.wake();
    await worker.idle();
    app.clock.advance(5_000);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Three more parts cross into low stock and stay there (an email whose part recovers before it can
 * be sent is dropped on purpose, which is not what this test is about).
 */
async function alertWave(): Promise<void> {
  for (const itemId of items.splice(0, 3)) {
    const remove = await app.dispatch('stock.remove', { itemId, quantity: '10' }, app.session);
    expect(remove.ok, 'stock changes keep working while mail is down').toBe(true);
  }
  // The app stays usable: reading the inbox and the mail status answer at once.
  expect((await app.dispatch('notifications.list', { state: 'unread' }, people[0] as Session)).ok).toBe(true);
  expect((await app.dispatch('mail.status', {}, people[0] as Session)).ok).toBe(true);
}

beforeAll(async () => {
  app = await openTestRuntime();
  smtp = await startLoopbackSmtp();
  port = smtp.port;
  await app.call('settings.email.update', { enabled: true, host: '127.0.0.1', port, security: 'none', username: '', password: null, sender: 'stock@outage.test', instanceName: 'Outage' });
  people = [await app.signIn('Ann'), await app.signIn('Ben'), await app.signIn('Cat'), await app.signIn('Dan')];
  const category = await app.call('categories.create', { name: 'Followed' });
  const shelf = await app.call('locations.create', { name: 'Shelf' });
  items = [];
  for (const name of ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3']) {
    const part = await app.call('parts.create', { name, minimumStock: '10', categoryId: category.id });
    items.push((await app.call('stock.create', { partId: part.id, locationId: shelf.id, quantity: '15' })).id);
  }
  for (const person of people) await app.call('subscriptions.subscribe', { kind: 'category', id: category.id }, person);
  worker = new MailWorker(app.core, app.secrets, { retry: { firstDelayMs: 1_000, maxDelayMs: 4_000 } });
  worker.start();
});

afterAll(async () => {
  await worker.stop();
  await smtp.stop();
  app.close();
});

describe('a mail server that comes and goes', () => {
  it('delivers every eligible email exactly once', async () => {
    await alertWave();
    await rounds(2);
    expect(smtp.received.length).toBe(12);
    const delivered = [...smtp.received];

    await smtp.stop();
    await alertWave();
    await rounds(3);
    expect((await app.call('mail.status', {})).paused).toBe(true);

    // Dan opts out while his emails wait: they must not go.
    const dan = people[3] as Session;
    const prefs = await app.call('profile.get', {}, dan);
    await app.call('profile.savePreferences', { preferences: prefs.preferences.map(({ label: _label, ...entry }) => ({ ...entry, email: false })) }, dan);

    smtp = await startLoopbackSmtp({ port });
    smtp.mood = 'busy';
    await alertWave();
    await rounds(3);
    expect(smtp.received.length).toBe(0);

    smtp.mood = 'accept';
    await rounds(20);

    const outbox = app.core.db.$client.prepare('select status, count(*) as count from outbox group by status').all() as { status: string; count: number }[];
    const byStatus = Object.fromEntries(outbox.map((row) => [row.status, row.count]));
    // Wave 2 waited through the outage; Dan's 3 from it were dropped when he opted out, and wave 3
    // queued none for him.
    expect(byStatus).toEqual({ sent: 12 + 9 + 9, dropped: 3 });
    delivered.push(...smtp.received);
    expect(delivered.length).toBe(12 + 9 + 9);
    const recipients = delivered.map((mail) => mail.envelopeTo[0]);
    expect(recipients.filter((to) => to === 'dan@example.test')).toHaveLength(3);
    for (const to of ['ann@example.test', 'ben@example.test', 'cat@example.test']) expect(recipients.filter((r) => r === to)).toHaveLength(9);
    const ids = delivered.map((mail) => mail.parsed.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await app.call('mail.status', {})).paused).toBe(false);
  });
});
