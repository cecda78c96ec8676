import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../core/users/passwords';
import { users } from '../core/users/users';
import { newSession } from '../dispatch/session';
import { keyFileSecrets } from '../hosts/headless/keyFileSecrets';
import { startCore } from '../hosts/startCore';
import { startMaintenance } from '../core/maintenance';
import { timing, type Timing } from '../bench/stats';

export interface LoadOptions {
  seconds: number;
  /** Stock changes per second to attempt. */
  rate: number;
  parts?: number;
  subscribersPerPart?: number;
  /**
   * Stop early once resident memory has not set a new high for this many seconds (it has levelled
   * off); `seconds` is then the longest the run may take.
   */
  untilSteadySeconds?: number;
}

export interface LoadResult {
  seconds: number;
  targetRate: number;
  changes: number;
  achievedRate: number;
  errors: number;
  crossings: number;
  notificationsExpected: number;
  notificationsFound: number;
  reads: number;
  readLatency: Timing;
  rssMb: { start: number; end: number; max: number };
  heapMb: { start: number; end: number };
  /** Memory every 10 s of the run: where it climbs and where it levels off. */
  memory: { second: number; rssMb: number; heapMb: number }[];
  /** When the last new high of resident memory was set, in seconds from the start. */
  lastHighAt: number;
  /** The run stopped because memory had levelled off (see untilSteadySeconds). */
  levelledOff: boolean;
}

const SCALE = 100_000;
const MINIMUM = 50;
const TICK_MS = 10;

/**
 * Drives stock changes at a set rate through the core (bulk calls every 10 ms) while a reader keeps
 * asking for the unread count and the inbox, then checks that every crossing produced its
 * notifications and reports throughput, read latency and memory.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stockbell-load-'));
  const runtime = await startCore(dataDir, { secrets: keyFileSecrets(dataDir) });
  // As in a host: fresh notifications settle and the log is folded in, in idle moments.
  const stopMaintenance = startMaintenance(runtime.core);
  try {
    const partCount = options.parts ?? 200;
    const followers = options.subscribersPerPart ?? 5;
    const passwordHash = await hashPassword('load-test-password');
    const { driver, reader, items } = runtime.core.write(null, (ctx) => {
      const client = ctx.db.$client;
      const admin = users.create(ctx, { username: 'driver', displayName: 'Driver', email: null, role: 'admin', passwordHash });
      const watchers = Array.from({ length: followers }, (_, index) =>
        users.create(ctx, { username: `watcher${index}`, displayName: `Watcher ${index}`, email: null, role: 'member', passwordHash }),
      );
      const location = Number(client.prepare(`insert into stock_locations (name, created_at) values ('Shelf', 0)`).run().lastInsertRowid);
      const itemIds: number[] = [];
      for (let index = 0; index < partCount; index += 1) {
        const part = Number(client.prepare(`insert into parts (name, minimum_stock, stock_total, created_at, updated_at) values (?, ?, ?, 0, 0)`).run(`Load part ${index}`, MINIMUM * SCALE, 100 * SCALE).lastInsertRowid);
        const item = Number(client.prepare(`insert into stock_items (part_id, location_id, quantity, created_at, updated_at) values (?, ?, ?, 0, 0)`).run(part, location, 100 * SCALE).lastInsertRowid);
        client.prepare(`insert into stock_movements (item_id, part_id, kind, delta, quantity_after, created_at) values (?, ?, 'create', ?, ?, 0)`).run(item, part, 100 * SCALE, 100 * SCALE);
        for (const watcher of watchers) client.prepare('insert into part_subscriptions (user_id, part_id, created_at) values (?, ?, 0)').run(watcher.id, part);
        itemIds.push(item);
      }
      return { driver: { ...newSession(), userId: admin.id }, reader: { ...newSession(), userId: watchers[0]?.id ?? admin.id }, items: itemIds };
    });

    const quantities = new Map(items.map((id) => [id, 100]));
    const perTick = Math.max(1, Math.round((options.rate * TICK_MS) / 1000));
    const readSamples: number[] = [];
    let changes = 0;
    let errors = 0;
    let cursor = 0;
    let rssMax = 0;
    const rssStart = process.memoryUsage().rss / 1048576;
    const heapStart = process.memoryUsage().heapUsed / 1048576;
    const started = Date.now();
    const deadline = started + options.seconds * 1000;
    const memory: LoadResult['memory'] = [];
    // A new high must beat the last by 1%: the allocator's small steps are not growth.
    let highRss = rssStart;
    let lastHighAt = 0;
    let levelledOff = false;
    let nextTick = started;
    while (Date.now() < deadline) {
      const second = (Date.now() - started) / 1000;
      const { rss, heapUsed } = process.memoryUsage();
      if (rss / 1048576 > highRss * 1.01) {
        highRss = rss / 1048576;
        lastHighAt = second;
      }
      if (second >= memory.length * 10) memory.push({ second: Math.round(second), rssMb: rss / 1048576, heapMb: heapUsed / 1048576 });
      if (options.untilSteadySeconds !== undefined && second - lastHighAt >= options.untilSteadySeconds) {
        levelledOff = true;
        break;
      }
      // One bulk call per tick; each item moves one way only within a call, so every crossing counts.
      const batch = [];
      const seen = new Set<number>();
      for (let index = 0; index < perTick; index += 1) {
        const itemId = items[cursor % items.length] as number;
        cursor += 1;
        if (seen.has(itemId)) continue;
        seen.add(itemId);
        const now = quantities.get(itemId) as number;
        const remove = now > 60;
        const amount = remove ? 1 + (cursor % 25) : 20 + (cursor % 40);
        quantities.set(itemId, remove ? now - amount : now + amount);
        batch.push({ itemId, kind: remove ? ('remove' as const) : ('add' as const), quantity: String(amount) });
      }
      const result = await runtime.dispatch('stock.adjustMany', { changes: batch }, driver);
      if (result.ok) changes += batch.length;
      else errors += 1;
      const readStart = process.hrtime.bigint();
      const count = await runtime.dispatch('notifications.unreadCount', {}, reader);
      const inbox = await runtime.dispatch('notifications.list', { state: 'unread', limit: 25 }, reader);
      readSamples.push(Number(process.hrtime.bigint() - readStart) / 1e6);
      if (!count.ok || !inbox.ok) errors += 1;
      rssMax = Math.max(rssMax, process.memoryUsage().rss / 1048576);
      nextTick += TICK_MS;
      const wait = nextTick - Date.now();
      await new Promise((resolve) => (wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve)));
    }
    const elapsed = (Date.now() - started) / 1000;

    const client = runtime.core.db.$client;
    let crossings = 0;
    for (const part of client.prepare(`select id from parts`).pluck().all() as number[]) {
      let total = 0;
      for (const delta of client.prepare('select delta from stock_movements where part_id = ? order by id').pluck().all(part) as number[]) {
        const wasLow = total < MINIMUM * SCALE;
        total += delta;
        if (!wasLow && total < MINIMUM * SCALE) crossings += 1;
      }
    }
    const found = client.prepare(`select count(*) from notifications where kind = 'part.low_stock'`).pluck().get() as number;
    return {
      seconds: elapsed,
      targetRate: options.rate,
      changes,
      achievedRate: changes / elapsed,
      errors,
      crossings,
      notificationsExpected: crossings * followers,
      notificationsFound: found,
      reads: readSamples.length,
      readLatency: timing(readSamples),
      rssMb: { start: rssStart, end: process.memoryUsage().rss / 1048576, max: rssMax },
      heapMb: { start: heapStart, end: process.memoryUsage().heapUsed / 1048576 },
      memory,
      lastHighAt,
      levelledOff,
    };
  } finally {
    stopMaintenance();
    runtime.core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
