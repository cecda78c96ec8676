import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { createServer } from 'node:net';
import type { Session } from '../../dispatch/session';
import { startLoopbackSmtp, type LoopbackSmtp } from '../../testing/smtpServer';
import { openTestRuntime, type TestRuntime } from '../../testing/runtime';
import { HostLinks } from '../ports';
import { MailWorker } from './mailWorker';

let app: TestRuntime;
let smtp: LoopbackSmtp;
let worker: MailWorker;
let alice: Session;
let bob: Session;

const fastRetry = { firstDelayMs: 1_000, maxDelayMs: 4_000 };

async function configureMail(port: number, overrides: Partial<{ enabled: boolean; username: string; password: string | null }> = {}) {
  await app.call('settings.email.update', {
    enabled: true,
    host: '127.0.0.1',
    port,
    security: 'none',
    username: '',
    password: null,
    sender: 'stock@workshop.test',
    instanceName: 'Workshop',
    ...overrides,
  });
}

/** A part just above its minimum that both Alice and Bob follow; returns a way to push it under. */
async function watchedPart(name = 'R 10k 0603') {
  const bin = await app.call('locations.create', { name: `Bin for ${name}` });
  const part = await app.call('parts.create', { name, ipn: 'RES-0001', minimumStock: '10' });
  const item = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '12' });
  await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
  await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, bob);
  return { part, item, cross: () => app.call('stock.remove', { itemId: item.id, quantity: '5' }) };
}

/** Runs the worker until `done` holds, moving the test clock past retry delays as a real one would. */
async function drainUntil(done: () => boolean, rounds = 30) {
  for (let round = 0; round < rounds && !done(); round += 1) {
    worker.wake();
    await worker.idle();
    if (!done()) {
      app.clock.advance(5_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function outboxStatuses() {
  return app.core.db.$client.prepare('select status from outbox order by id').pluck().all();
}

beforeEach(async () => {
  app = await openTestRuntime();
  alice = await app.signIn('Alice');
  bob = await app.signIn('Bob');
  smtp = await startLoopbackSmtp();
  worker = new MailWorker(app.core, app.secrets, { retry: fastRetry, idleCheckMs: 60_000 });
  worker.start();
});
afterEach(async () => {
  await worker.stop();
  await smtp.stop();
  app.close();
});

describe('low-stock email', () => {
  it('sends one email per eligible subscriber, with subject, text and escaped HTML', async () => {
    await configureMail(smtp.port);
    const { cross } = await watchedPart('<b>Bold</b> & "quoted"');
    await cross();
    await drainUntil(() => smtp.received.length >= 2);
    expect(smtp.received.map((mail) => mail.envelopeTo[0]).sort()).toEqual(['alice@example.test', 'bob@example.test']);
    const mail = smtp.received[0]?.parsed;
    expect(mail?.subject).toBe('[Workshop] Low stock: <b>Bold</b> & "quoted"');
    expect(mail?.text).toContain('In stock: 7');
    expect(mail?.text).toContain('Minimum: 10');
    expect(mail?.text).toContain('You are subscribed to this part.');
    expect(mail?.text).toMatch(/Open in Stockbell: stockbell:\/\/part\/\d+/);
    expect(mail?.html).toContain('&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;quoted&quot;');
    expect(mail?.html).not.toContain('<b>Bold</b>');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(smtp.received).toHaveLength(2);
    expect(outboxStatuses()).toEqual(['sent', 'sent']);
  });

  it('comes from the instance by name, and offers unsubscribing only where a link can open the person\'s preferences', async () => {
    await configureMail(smtp.port);
    const header = (mail: ParsedMail | undefined, key: string) => mail?.headerLines.find((line) => line.key === key)?.line ?? null;

    // The desktop host has no web address: no List-Unsubscribe (a mailto to the sender reached nobody).
    await (await watchedPart('Desktop')).cross();
    await drainUntil(() => smtp.received.length >= 2);
    const desktop = smtp.received[0]?.parsed;
    expect(desktop?.from?.value).toEqual([{ name: 'Workshop', address: 'stock@workshop.test' }]);
    expect(header(desktop, 'list-unsubscribe')).toBeNull();
    expect(desktop?.text).toContain('change your notification preferences: stockbell://profile');

    // A host with a web address: the header opens the person's preferences; no one-click POST, as nothing would answer it.
    if (!(app.core.links instanceof HostLinks)) throw new Error('The test runtime builds links with HostLinks');
    app.core.links.webBase = 'http://127.0.0.1:41237';
    await (await watchedPart('Headless')).cross();
    await drainUntil(() => smtp.received.length >= 4);
    const headless = smtp.received[2]?.parsed;
    expect(headless?.from?.value).toEqual([{ name: 'Workshop', address: 'stock@workshop.test' }]);
    expect(header(headless, 'list-unsubscribe')).toBe('List-Unsubscribe: <http://127.0.0.1:41237/#/profile>');
    expect(header(headless, 'list-unsubscribe-post')).toBeNull();
    expect(headless?.text).toContain('change your notification preferences: http://127.0.0.1:41237/#/profile');
    expect(headless?.html).toContain('href="http://127.0.0.1:41237/#/profile"');
  });

  it('queues a crossing\'s email as one fan-out row that the worker turns into a row per person who wants it', async () => {
    await worker.stop();
    await configureMail(smtp.port);
    const { part, cross } = await watchedPart();
    const carol = await app.signIn('Carol');
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, carol);
    const prefs = await app.call('profile.get', {}, carol);
    await app.call('profile.savePreferences', { preferences: prefs.preferences.map(({ label: _label, ...entry }) => ({ ...entry, email: false })) }, carol);
    await cross();
    const count = (table: string) => app.core.db.$client.prepare(`select count(*) from ${table}`).pluck().get();
    expect([count('mail_fanouts'), count('outbox'), count('outbox_bodies')]).toEqual([1, 0, 1]);

    worker = new MailWorker(app.core, app.secrets, { retry: fastRetry });
    worker.start();
    await drainUntil(() => smtp.received.length >= 2);
    await drainUntil(() => false, 2);
    expect(smtp.received.map((mail) => mail.envelopeTo[0]).sort()).toEqual(['alice@example.test', 'bob@example.test']);
    expect([count('mail_fanouts'), count('outbox'), count('outbox_bodies')]).toEqual([0, 2, 1]);
  });

  it('sends the rest of the mail when one queued fan-out cannot be expanded, and keeps that one', async () => {
    await worker.stop();
    await configureMail(smtp.port);
    const client = app.core.db.$client;
    client.prepare(`insert into mail_fanouts (kind, notification_ids, bodies, created_at) values ('part.low_stock', '[]', 'not json', 0)`).run();
    const { cross } = await watchedPart();
    await cross();
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args[0]));
    try {
      worker = new MailWorker(app.core, app.secrets, { retry: fastRetry });
      worker.start();
      await drainUntil(() => smtp.received.length >= 2);
    } finally {
      spy.mockRestore();
    }
    expect(smtp.received).toHaveLength(2);
    expect(errors).toEqual([expect.stringMatching(/^Queued email \d+ could not be expanded/)]);
    expect(client.prepare('select bodies from mail_fanouts').pluck().all()).toEqual(['not json']);
  });

  it('sends nothing while the master switch is off', async () => {
    await configureMail(smtp.port, { enabled: false });
    const { cross } = await watchedPart();
    await cross();
    await drainUntil(() => false, 2);
    expect(smtp.received).toHaveLength(0);
    expect(outboxStatuses()).toEqual([]);
  });

  it('respects a turned-off preference and skips missing or invalid addresses', async () => {
    await configureMail(smtp.port);
    const prefs = await app.call('profile.get', {}, bob);
    await app.call('profile.savePreferences', { preferences: prefs.preferences.map(({ label: _label, ...entry }) => ({ ...entry, email: false })) }, bob);
    const carol = await app.signIn('Carol');
    const dave = await app.signIn('Dave');
    app.core.db.$client.prepare('update users set email = null where id = ?').run(carol.userId);
    app.core.db.$client.prepare("update users set email = 'not an address' where id = ?").run(dave.userId);
    expect((await app.call('profile.get', {}, carol)).emailProblem).toMatch(/no email address/);
    expect((await app.call('profile.get', {}, dave)).emailProblem).toMatch(/not a valid email address/);
    const { part, cross } = await watchedPart();
    for (const person of [carol, dave]) await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, person);
    await cross();
    await drainUntil(() => smtp.received.length >= 1);
    await drainUntil(() => false, 2);
    expect(smtp.received.map((mail) => mail.envelopeTo[0])).toEqual(['alice@example.test']);
    expect((await app.call('notifications.unreadCount', {}, carol)).count).toBe(1);
  });

  it('offers a replaced change in the app and as a banner by default, by email only when asked', async () => {
    const { preferences } = await app.call('profile.get', {}, alice);
    expect(preferences.find((entry) => entry.kind === 'team.overwritten')).toMatchObject({ desktop: true, email: false });
    expect(preferences.filter((entry) => entry.kind !== 'team.overwritten').every((entry) => entry.email)).toBe(true);
  });

  it('keeps mail while the server is down and delivers it exactly once when it is back', async () => {
    const port = smtp.port;
    await smtp.stop();
    await configureMail(port);
    const { cross } = await watchedPart();
    await cross();
    await drainUntil(() => false, 3);
    expect(outboxStatuses()).toEqual(['queued', 'queued']);
    const health = await app.call('mail.status', {});
    expect(health).toMatchObject({ paused: true, waiting: 2 });
    expect(health.lastError).toMatch(/connect/i);
    smtp = await startLoopbackSmtp({ port });
    await drainUntil(() => smtp.received.length >= 2);
    await drainUntil(() => false, 2);
    expect(smtp.received).toHaveLength(2);
    expect(outboxStatuses()).toEqual(['sent', 'sent']);
    expect((await app.call('mail.status', {})).paused).toBe(false);
  });

  it('retries a 4xx answer and gives up at once on a 5xx, keeping the server\'s words', async () => {
    await configureMail(smtp.port);
    smtp.mood = 'busy';
    const first = await watchedPart('First');
    await first.cross();
    await drainUntil(() => false, 2);
    expect(smtp.received).toHaveLength(0);
    smtp.mood = 'accept';
    await drainUntil(() => smtp.received.length >= 2);
    expect(smtp.received).toHaveLength(2);

    smtp.mood = 'reject';
    const second = await watchedPart('Second');
    await second.cross();
    await drainUntil(() => outboxStatuses().filter((status) => status === 'failed').length >= 2);
    const summary = await app.call('outbox.summary', {});
    expect(summary.counts.failed).toBe(2);
    expect(summary.problems[0]?.lastError).toMatch(/refused the message: 550 Mailbox unavailable/);
    const attempts = app.core.db.$client.prepare(`select attempts from outbox where status = 'failed'`).pluck().all();
    expect(attempts).toEqual([1, 1]);
  });

  it('drops a low-stock email whose part recovered before it could be sent', async () => {
    const port = smtp.port;
    await smtp.stop();
    await configureMail(port);
    const { item, cross } = await watchedPart();
    await cross();
    await drainUntil(() => false, 2);
    await app.call('stock.add', { itemId: item.id, quantity: '10' });
    smtp = await startLoopbackSmtp({ port });
    await drainUntil(() => !outboxStatuses().includes('queued'));
    expect(smtp.received).toHaveLength(0);
    const reasons = app.core.db.$client.prepare(`select last_error from outbox where status = 'dropped'`).pluck().all();
    expect(reasons).toEqual([expect.stringMatching(/no longer low/), expect.stringMatching(/no longer low/)]);
  });

  it('keeps queued mail across a restart of the host and sends it afterwards', async () => {
    const port = smtp.port;
    await smtp.stop();
    await configureMail(port);
    const { cross } = await watchedPart();
    await cross();
    await worker.stop();
    const { dataDir, clock } = app;
    app.close({ keepData: true });

    app = await openTestRuntime({ dataDir, clock });
    smtp = await startLoopbackSmtp({ port });
    worker = new MailWorker(app.core, app.secrets, { retry: fastRetry });
    worker.start();
    await drainUntil(() => smtp.received.length >= 2);
    expect(smtp.received).toHaveLength(2);
  });

  it('answers "why did I get this?" with the facts, the subscription, and what each channel did', async () => {
    await configureMail(smtp.port);
    const prefs = await app.call('profile.get', {}, alice);
    await app.call('profile.savePreferences', { preferences: prefs.preferences.map(({ label: _label, ...entry }) => ({ ...entry, email: false })) }, alice);
    await (await watchedPart('Why part')).cross();
    await drainUntil(() => smtp.received.length >= 1);
    const [forBob] = (await app.call('notifications.list', { state: 'unread' }, bob)).rows;
    const why = await app.call('notifications.why', { id: forBob?.id as number }, bob);
    expect(why).toMatchObject({
      reason: 'You are subscribed to this part.',
      coverageNow: 'Still true: You are subscribed to this part.',
      facts: [
        { label: 'Stock then', value: '7' },
        { label: 'Minimum', value: '10' },
        { label: 'Changed by', value: 'Test Person' },
      ],
    });
    expect(why.deliveries.map((entry) => [entry.channel, entry.ok])).toEqual([
      ['In the app', true],
      ['Desktop banner', null],
      ['Email', true],
    ]);
    expect(why.deliveries[2]?.outcome).toMatch(/^Sent to bob@example.test/);
    const [forAlice] = (await app.call('notifications.list', { state: 'unread' }, alice)).rows;
    expect((await app.call('notifications.why', { id: forAlice?.id as number }, alice)).deliveries[2]).toMatchObject({ outcome: 'Not emailed: email for this kind is off in your preferences.', ok: false });
    // Another person's notification is not theirs to ask about.
    expect(await app.dispatch('notifications.why', { id: forBob?.id as number }, alice)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('holds a person\'s immediate emails through their quiet hours and sends them as one summary when the hours end', async () => {
    await configureMail(smtp.port);
    // The test clock stands at 09:00 UTC on a Thursday: inside Alice's 08:00-10:00.
    await app.call('profile.setQuietHours', { quietHours: { start: '08:00', end: '10:00', weekends: false, timeZone: 'UTC' } }, alice);
    expect((await app.call('profile.get', {}, alice)).quietHours).toMatchObject({ start: '08:00', timeZone: 'UTC' });
    for (const name of ['One', 'Two']) await (await watchedPart(name)).cross();
    await drainUntil(() => smtp.received.length >= 2);
    await drainUntil(() => false, 2);
    expect(smtp.received.map((mail) => mail.envelopeTo[0])).toEqual(['bob@example.test', 'bob@example.test']);
    // In the app nothing waits: both are in Alice's inbox already.
    expect((await app.call('notifications.unreadCount', {}, alice)).count).toBe(2);

    const [held] = (await app.call('notifications.list', { state: 'unread' }, alice)).rows;
    const whyHeld = await app.call('notifications.why', { id: held?.id as number }, alice);
    expect(whyHeld.deliveries.find((entry) => entry.channel === 'Email')).toMatchObject({ outcome: expect.stringContaining('Held for your quiet hours'), at: expect.any(Number) });

    app.clock.advance(60 * 60_000);
    await drainUntil(() => smtp.received.length >= 3);
    await drainUntil(() => false, 2);
    const toAlice = smtp.received.filter((mail) => mail.envelopeTo[0] === 'alice@example.test');
    expect(toAlice).toHaveLength(1);
    expect(toAlice[0]?.parsed.subject).toBe('[Workshop] During your quiet hours: 2 notifications');
    expect(toAlice[0]?.parsed.text).toContain('Low stock: One');
    expect(toAlice[0]?.parsed.text).toContain('Low stock: Two');
  });

  it('refuses quiet hours in a time zone nobody knows, or at a time that is not one', async () => {
    const refused = await app.dispatch('profile.setQuietHours', { quietHours: { start: '25:00', end: '07:30', weekends: false, timeZone: 'Mars/Olympus' } }, alice);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await app.call('profile.get', {}, alice)).quietHours).toBeNull();
  });

  it('merges a day of notifications into one digest per person', async () => {
    await configureMail(smtp.port);
    const prefs = await app.call('profile.get', {}, alice);
    await app.call('profile.savePreferences', { preferences: prefs.preferences.map(({ label: _label, ...entry }) => ({ ...entry, emailMode: 'digest' as const })) }, alice);
    const hour = new Date(app.clock.now()).getHours();
    await app.call('profile.update', { displayName: 'Alice', email: 'alice@example.test', digestHour: (hour + 1) % 24 }, alice);
    for (const name of ['One', 'Two', 'Three']) await (await watchedPart(name)).cross();
    await drainUntil(() => smtp.received.length >= 3);
    expect(smtp.received.every((mail) => mail.envelopeTo[0] === 'bob@example.test')).toBe(true);
    app.clock.advance(60 * 60_000);
    await drainUntil(() => smtp.received.length >= 4);
    await drainUntil(() => false, 2);
    const digests = smtp.received.filter((mail) => mail.envelopeTo[0] === 'alice@example.test');
    expect(digests).toHaveLength(1);
    expect(digests[0]?.parsed.subject).toBe('[Workshop] Your daily summary: 3 notifications');
    expect(digests[0]?.parsed.text).toContain('Low stock: Two');
  });
});

describe('test email', () => {
  it('reports success, and the server\'s own words for refused credentials', async () => {
    await configureMail(smtp.port);
    expect(await app.call('settings.email.test', {})).toMatchObject({ delivered: true, recipient: 'test.person@example.test' });
    expect(smtp.received[0]?.parsed.from?.value).toEqual([{ name: 'Workshop', address: 'stock@workshop.test' }]);
    const guarded = await startLoopbackSmtp({ credentials: { user: 'stock', pass: 'right' } });
    await configureMail(guarded.port, { username: 'stock', password: 'wrong' });
    const result = await app.call('settings.email.test', {});
    expect(result.delivered).toBe(false);
    expect(result.message).toMatch(/refused the username or password: .*535/);
    await guarded.stop();
  });

  it('reports a refused connection', async () => {
    const free = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    await configureMail(free);
    expect((await app.call('settings.email.test', {})).message).toMatch(/Could not connect.*ECONNREFUSED/);
  });

  it('never returns the stored password', async () => {
    await configureMail(smtp.port, { username: 'stock', password: 'hunter2-secret' });
    const view = await app.call('settings.email.get', {});
    expect(view.passwordSet).toBe(true);
    expect(JSON.stringify(view)).not.toContain('hunter2');
    const stored = app.core.db.$client.prepare(`select value from settings where key = 'mail.settings'`).pluck().get() as string;
    expect(stored).not.toContain('hunter2');
  });
});
