import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../dispatch/session';
import { openTestRuntime, type TestRuntime } from '../../testing/runtime';
import { ChannelWorker } from './channelWorker';
import { webhookSignature } from './requests';

// Channels against HTTP servers on loopback that each test starts: what each kind is sent, signed
// and escaped as it must be, and how a 500, a refusal, a timeout and a slow receiver are handled,
// with the worker's clock moved by hand for retries.

interface Received {
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

interface Receiver {
  url: string;
  received: Received[];
  /** Answers the next requests with these, in turn; 200 once they run out. */
  answers: ((response: ServerResponse) => void)[];
  close(): Promise<void>;
}

const open: Receiver[] = [];

async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const answers: Receiver['answers'] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({ url: request.url ?? '', headers: request.headers, body });
      const answer = answers.shift();
      if (answer) answer(response);
      else response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    answers,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(receiver);
  return receiver;
}

let app: TestRuntime;
let alice: Session;
let bob: Session;
let worker: ChannelWorker;

beforeEach(async () => {
  app = await openTestRuntime();
  alice = await app.signIn('Alice');
  bob = await app.signIn('Bob');
  worker = new ChannelWorker(app.core, app.secrets, { retry: { firstDelayMs: 1000, maxDelayMs: 1000 }, maxAttempts: 3, timeoutMs: 400, idleCheckMs: 60_000 });
  worker.start();
});
afterEach(async () => {
  await worker.stop();
  for (const receiver of open.splice(0)) await receiver.close();
  app.close();
});

/** A part Alice follows, and a way to take it below its minimum. */
async function watchedPart(name = 'Fuse 2A') {
  const bin = await app.call('locations.create', { name: 'Bin' });
  const part = await app.call('parts.create', { name, minimumStock: '10' });
  const item = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '12' });
  await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
  return {
    part,
    cross: async () => {
      await app.call('stock.remove', { itemId: item.id, quantity: '5' });
      await worker.idle();
    },
    refill: () => app.call('stock.add', { itemId: item.id, quantity: '5' }),
  };
}

async function deliveries(channelId: number, session: Session = alice) {
  return app.call('channels.deliveries', { id: channelId }, session);
}

describe('a webhook', () => {
  it('posts each notification as JSON, signed over its timestamp and body with the secret shown once', async () => {
    const receiver = await startReceiver();
    const { channel, secret } = await app.call('channels.create', { kind: 'webhook', name: 'Shop floor', url: receiver.url }, alice);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(channel).toMatchObject({ hasSecret: true, kinds: expect.arrayContaining(['part.low_stock']) as unknown });
    // Read back, the secret is never shown again.
    expect(JSON.stringify(await app.call('channels.list', {}, alice))).not.toContain(secret);
    const { cross } = await watchedPart();

    await cross();
    expect(receiver.received).toHaveLength(1);
    const [post] = receiver.received;
    const timestamp = Number(post?.headers['x-stockbell-timestamp']);
    expect(timestamp).toBe(Math.floor(app.clock.now() / 1000));
    expect(post?.headers['x-stockbell-signature']).toBe(`sha256=${webhookSignature(secret ?? '', timestamp, post?.body ?? '')}`);
    expect(post?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(post?.body ?? '{}') as Record<string, unknown>;
    expect(body).toMatchObject({ kind: 'part.low_stock', title: 'Low stock: Fuse 2A', reason: 'You are subscribed to this part.' });
    expect(body.id).toBe(post?.headers['x-stockbell-delivery']);
    const [delivery] = await deliveries(channel.id);
    expect(delivery).toMatchObject({ title: 'Low stock: Fuse 2A', status: 'sent', attempts: 1, responseStatus: 200 });
    const [notice] = (await app.call('notifications.list', { state: 'unread' }, alice)).rows;
    const why = await app.call('notifications.why', { id: notice?.id ?? 0 }, alice);
    expect(why.deliveries.at(-1)).toEqual({ channel: 'Webhook “Shop floor”', outcome: 'Posted; the service answered 200.', ok: true, at: app.clock.now() });
    // Bob has no channel, and Alice's is not his to see.
    expect(await app.call('channels.list', {}, bob)).toEqual([]);
    await expect(deliveries(channel.id, bob)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('tries again after a 500 with backoff, keeps a refusal as failed with the answer, and retries it on request', async () => {
    const receiver = await startReceiver();
    const { channel } = await app.call('channels.create', { kind: 'webhook', name: 'Flaky', url: receiver.url }, alice);
    const { cross, refill } = await watchedPart();
    receiver.answers.push((response) => response.writeHead(500).end('database is down'));

    await cross();
    const [waiting] = await deliveries(channel.id);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, responseStatus: 500, lastError: 'The service answered 500 Internal Server Error: database is down.' });
    // Backoff with jitter, up to the policy's delay.
    expect(waiting?.nextAttemptAt).toBeGreaterThan(app.clock.now());
    expect(waiting?.nextAttemptAt).toBeLessThanOrEqual(app.clock.now() + 1000);
    // Not before its time, then once it is due.
    worker.wake();
    await worker.idle();
    expect(receiver.received).toHaveLength(1);
    app.clock.advance(1000);
    worker.wake();
    await worker.idle();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.headers['x-stockbell-delivery']).toBe(receiver.received[1]?.headers['x-stockbell-delivery']);
    expect((await deliveries(channel.id))[0]).toMatchObject({ status: 'sent', attempts: 2, responseStatus: 200 });

    await refill();
    receiver.answers.push((response) => response.writeHead(404).end('no such hook'));
    await cross();
    const [refused] = await deliveries(channel.id);
    expect(refused).toMatchObject({ status: 'failed', attempts: 1, lastError: 'The service refused it: 404 Not Found: no such hook.' });
    expect((await app.call('channels.list', {}, alice))[0]).toMatchObject({ failed: 1, last: { status: 'failed' } });
    expect(await app.call('channels.retryFailed', { id: channel.id }, alice)).toEqual({ changed: 1 });
    await worker.idle();
    expect((await deliveries(channel.id))[0]).toMatchObject({ status: 'sent' });
  });

  it('gives up on a receiver that never answers within the timeout, without holding up a stock change', async () => {
    const receiver = await startReceiver();
    const held: ServerResponse[] = [];
    const hold = (response: ServerResponse) => void held.push(response);
    receiver.answers.push(hold, hold, hold);
    const { channel } = await app.call('channels.create', { kind: 'webhook', name: 'Slow', url: receiver.url }, alice);
    const { cross } = await watchedPart();

    // While the post hangs, stock changes go on and answer at once: the delivery is still being sent.
    const crossing = cross();
    await expect.poll(() => held.length).toBe(1);
    const other = await app.call('parts.create', { name: 'Washer', minimumStock: '0' });
    expect(other.name).toBe('Washer');
    expect((await deliveries(channel.id))[0]).toMatchObject({ status: 'sending' });
    await crossing;
    const [timedOut] = await deliveries(channel.id);
    expect(timedOut).toMatchObject({ status: 'queued', attempts: 1, responseStatus: null, lastError: 'Not delivered: no answer in time.' });
    // The last allowed try fails the same way: kept as failed, shown with why.
    for (let attempt = 2; attempt <= 3; attempt += 1) {
      app.clock.advance(1000);
      worker.wake();
      await worker.idle();
    }
    expect((await deliveries(channel.id))[0]).toMatchObject({ status: 'failed', attempts: 3, lastError: 'Not delivered: no answer in time.' });
  });

  it('drops a post that waited while the part was refilled, and carries only the kinds chosen', async () => {
    const receiver = await startReceiver();
    const { channel } = await app.call('channels.create', { kind: 'webhook', name: 'Builds only', url: receiver.url, kinds: ['build.created'] }, alice);
    const { cross, refill } = await watchedPart();
    await cross();
    expect(receiver.received).toEqual([]);
    expect(await deliveries(channel.id)).toEqual([]);

    await app.call('channels.update', { id: channel.id, name: 'Everything', enabled: true, kinds: ['part.low_stock'] }, alice);
    receiver.answers.push((response) => response.writeHead(503).end());
    await refill();
    await cross();
    await refill();
    app.clock.advance(1000);
    worker.wake();
    await worker.idle();
    expect((await deliveries(channel.id))[0]).toMatchObject({ status: 'dropped', lastError: 'The part was no longer low on stock when it could be posted.' });
  });
});

describe('ntfy, Slack and Mattermost', () => {
  it('sends ntfy a titled push with its token, the title encoded when it is not ASCII', async () => {
    const receiver = await startReceiver();
    const { secret } = await app.call('channels.create', { kind: 'ntfy', name: 'Phone', url: `${receiver.url}/stockbell-alerts`, token: 'tk_secret' }, alice);
    expect(secret).toBeNull();
    const { cross } = await watchedPart('Resistor 10 kΩ');
    await cross();
    const [post] = receiver.received;
    expect(post?.url).toBe('/hook/stockbell-alerts');
    expect(post?.headers.authorization).toBe('Bearer tk_secret');
    expect(post?.headers.title).toBe(`=?UTF-8?B?${Buffer.from('Low stock: Resistor 10 kΩ').toString('base64')}?=`);
    expect(post?.headers.priority).toBe('high');
    expect(post?.body).toContain('Resistor 10 kΩ is down to 7');
  });

  it('sends Slack-compatible text with the names escaped', async () => {
    const receiver = await startReceiver();
    await app.call('channels.create', { kind: 'slack', name: '#stores', url: receiver.url }, alice);
    const { cross } = await watchedPart('<!channel> & co');
    await cross();
    const text = (JSON.parse(receiver.received[0]?.body ?? '{}') as { text: string }).text;
    expect(text.split('\n')[0]).toBe('*Low stock: &lt;!channel&gt; &amp; co*');
  });
});

describe('a group\'s channel', () => {
  it('gets each notice about what the group follows once, however many members were told; only administrators manage it', async () => {
    const receiver = await startReceiver();
    const passives = await app.call('categories.create', { name: 'Passives' });
    const group = await app.call('groups.create', { name: 'Purchasing' });
    for (const member of [alice, bob]) await app.call('groups.setMember', { groupId: group.id, userId: Number(member.userId), member: true });
    await app.call('groups.subscribe', { groupId: group.id, target: { kind: 'category', id: passives.id } });
    const { channel } = await app.call('channels.create', { groupId: group.id, kind: 'slack', name: '#purchasing', url: receiver.url });
    const bin = await app.call('locations.create', { name: 'Bin' });
    const part = await app.call('parts.create', { name: 'C 100n', minimumStock: '10', categoryId: passives.id });
    const item = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '12' });

    await app.call('stock.remove', { itemId: item.id, quantity: '5' });
    await worker.idle();
    expect(receiver.received).toHaveLength(1);
    const text = (JSON.parse(receiver.received[0]?.body ?? '{}') as { text: string }).text;
    expect(text).toContain('*Low stock: C 100n*');
    expect(text).toContain('_Group Purchasing is subscribed to Passives._');
    expect(await app.call('channels.list', { groupId: group.id })).toMatchObject([{ name: '#purchasing', last: { status: 'sent' } }]);

    await expect(app.call('channels.list', { groupId: group.id }, alice)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.call('channels.create', { groupId: group.id, kind: 'slack', name: 'Mine now', url: receiver.url }, alice)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.call('channels.delete', { id: channel.id }, alice)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await app.call('channels.list', {}, alice)).toEqual([]);
  });
});

describe('setting a channel up', () => {
  it('sends a test message on request and says what the other end answered', async () => {
    const receiver = await startReceiver();
    const { channel } = await app.call('channels.create', { kind: 'webhook', name: 'Test me', url: receiver.url }, alice);
    expect(await app.call('channels.test', { id: channel.id }, alice)).toEqual({ ok: true, status: 200, message: 'Delivered: the service answered 200.' });
    expect((JSON.parse(receiver.received[0]?.body ?? '{}') as { title: string }).title).toBe('Stockbell test message');
    await receiver.close();
    const down = await app.call('channels.test', { id: channel.id }, alice);
    expect(down).toMatchObject({ ok: false, status: null });
    expect(down.message).toMatch(/^Not delivered: the connection was refused/);
  });

  it('refuses an address that is not a web address, and writes nothing', async () => {
    await expect(app.call('channels.create', { kind: 'webhook', name: 'Bad', url: 'ftp://example.test/x' }, alice)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      fields: { url: 'Enter a full web address starting with https:// (or http:// on your own network)' },
    });
    expect(await app.call('channels.list', {}, alice)).toEqual([]);
  });

  it('holds posts in the person\'s quiet hours until they end', async () => {
    const receiver = await startReceiver();
    const { channel } = await app.call('channels.create', { kind: 'webhook', name: 'Night', url: receiver.url }, alice);
    // 09:00 UTC now: quiet from 08:00 to 10:00.
    await app.call('profile.setQuietHours', { quietHours: { start: '08:00', end: '10:00', weekends: false, timeZone: 'UTC' } }, alice);
    const { cross } = await watchedPart();
    await cross();
    expect(receiver.received).toEqual([]);
    expect((await deliveries(channel.id))[0]?.nextAttemptAt).toBe(app.clock.now() + 3_600_000);
    app.clock.advance(3_600_000);
    worker.wake();
    await worker.idle();
    expect(receiver.received).toHaveLength(1);
  });
});
