import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedEmailSettings, writeEmailSettings } from '../core/mail/emailSettings';
import { hashPassword } from '../core/users/passwords';
import { users } from '../core/users/users';
import { keyFileSecrets } from '../hosts/headless/keyFileSecrets';
import { startCore } from '../hosts/startCore';
import { startHostProcess } from './hostProcess';

// The host is killed with SIGKILL at random moments while stock changes that cross thresholds keep
// arriving. After every kill the file must be whole and every committed change complete: its
// movements, totals, one notification per subscriber per crossing and one email per notification.
// CRASH_ROUNDS sets the number of rounds (20 in CI; the README gives the full-size command).

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const SUBSCRIBERS = 3;
const MINIMUM = 50;
const SCALE = 100_000;

let dataDir: string;
const itemIds: number[] = [];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'stockbell-crash-'));
  const runtime = await startCore(dataDir, { secrets: keyFileSecrets(dataDir) });
  const passwordHash = await hashPassword('crash-test-password');
  runtime.core.write(null, (ctx) => {
    users.create(ctx, { username: 'driver', displayName: 'Driver', email: 'driver@crash.test', role: 'admin', passwordHash });
    const client = ctx.db.$client;
    const category = Number(client.prepare(`insert into part_categories (name, created_at) values ('Watched', 0)`).run().lastInsertRowid);
    const location = Number(client.prepare(`insert into stock_locations (name, created_at) values ('Shelf', 0)`).run().lastInsertRowid);
    for (let person = 0; person < SUBSCRIBERS; person += 1) {
      const user = users.create(ctx, { username: `watcher${person}`, displayName: `Watcher ${person}`, email: `watcher${person}@crash.test`, role: 'member', passwordHash: null });
      client.prepare('insert into category_subscriptions (user_id, category_id, created_at) values (?, ?, 0)').run(user.id, category);
    }
    for (let index = 0; index < 8; index += 1) {
      const part = Number(client.prepare(`insert into parts (name, category_id, minimum_stock, stock_total, created_at, updated_at) values (?, ?, ?, ?, 0, 0)`).run(`Part ${index}`, category, MINIMUM * SCALE, 100 * SCALE).lastInsertRowid);
      const item = Number(client.prepare(`insert into stock_items (part_id, location_id, quantity, created_at, updated_at) values (?, ?, ?, 0, 0)`).run(part, location, 100 * SCALE).lastInsertRowid);
      client.prepare(`insert into stock_movements (item_id, part_id, kind, delta, quantity_after, created_at) values (?, ?, 'create', ?, ?, 0)`).run(item, part, 100 * SCALE, 100 * SCALE);
      itemIds.push(item);
    }
    // Email on, towards a port where nothing listens: every email stays queued in the outbox.
    writeEmailSettings(ctx, storedEmailSettings.parse({ enabled: true, host: '127.0.0.1', port: 9, security: 'none', sender: 'stock@crash.test' }));
  });
  runtime.core.close();
}, 30_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function checkInvariants(round: number): void {
  const db = new Database(join(dataDir, 'stockbell.db'));
  try {
    const label = `after kill ${round}`;
    expect(db.pragma('integrity_check', { simple: true }), label).toBe('ok');
    expect(db.prepare('select count(*) from stock_items i where i.quantity != (select sum(delta) from stock_movements m where m.item_id = i.id)').pluck().get(), label).toBe(0);
    expect(db.prepare('select count(*) from parts p where p.stock_total != (select coalesce(sum(quantity), 0) from stock_items where part_id = p.id)').pluck().get(), label).toBe(0);
    expect(db.prepare('select count(*) from parts where is_low != (active and minimum_stock > 0 and stock_total < minimum_stock)').pluck().get(), label).toBe(0);
    for (const part of db.prepare(`select id from parts where name like 'Part %'`).pluck().all() as number[]) {
      // Replaying the committed movements says how many times this part crossed into "low".
      let total = 0;
      let crossings = 0;
      for (const delta of db.prepare('select delta from stock_movements where part_id = ? order by id').pluck().all(part) as number[]) {
        const wasLow = total < MINIMUM * SCALE;
        total += delta;
        if (!wasLow && total < MINIMUM * SCALE) crossings += 1;
      }
      const perUser = db
        .prepare(`select u.id, (select count(*) from notifications n join notification_events e on e.id = n.event_id where n.user_id = u.id and e.target_id = ? and n.kind = 'part.low_stock') as count from users u where u.username like 'watcher%'`)
        .all(String(part)) as { id: number; count: number }[];
      for (const row of perUser) expect(row.count, `${label}: notifications of user ${row.id} for part ${part}`).toBe(crossings);
    }
    // Each notification has one email: in the outbox, or still inside a fan-out the worker expands.
    const waiting = new Set((db.prepare('select notification_ids from mail_fanouts').pluck().all() as string[]).flatMap((ids) => JSON.parse(ids) as number[]));
    const emails = db.prepare('select n.id, (select count(*) from outbox o where o.notification_id = n.id) as count from notifications n').all() as { id: number; count: number }[];
    expect(emails.filter((row) => row.count + (waiting.has(row.id) ? 1 : 0) !== 1), `${label}: one email per notification`).toEqual([]);
    expect(db.prepare(`select count(*) from outbox where notification_id is null`).pluck().get(), label).toBe(0);
    expect(db.prepare('select count(*) from users u where u.unread_notifications != (select count(*) from notifications n where n.user_id = u.id and n.read_at is null)').pluck().get(), label).toBe(0);
  } finally {
    db.close();
  }
}

describe('killed at random moments', () => {
  it(`keeps every committed change whole through ${ROUNDS} SIGKILLs`, async () => {
    const rand = random(7);
    let committed = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const host = await startHostProcess(dataDir);
      await host.signIn('driver', 'crash-test-password');
      let stop = false;
      const driver = async () => {
        while (!stop) {
          const itemId = itemIds[Math.floor(rand() * itemIds.length)] as number;
          const amount = String(1 + Math.floor(rand() * 30));
          const result =
            rand() < 0.3
              ? await host.call('stock.adjustMany', { changes: itemIds.filter(() => rand() < 0.5).map((id) => ({ itemId: id, kind: 'remove', quantity: '2' })) })
              : await host.call(rand() < 0.55 ? 'stock.remove' : 'stock.add', { itemId, quantity: amount });
          if (result === null) return;
          if (result.ok) committed += 1;
          else if (result.error?.code === 'INVALID_INPUT') await host.call('stock.add', { itemId, quantity: '60' });
        }
      };
      const drivers = [driver(), driver(), driver()];
      await new Promise((resolve) => setTimeout(resolve, 150 + rand() * 500));
      await host.kill('SIGKILL');
      stop = true;
      await Promise.all(drivers);
      checkInvariants(round);
    }
    expect(committed).toBeGreaterThan(ROUNDS);
    const db = new Database(join(dataDir, 'stockbell.db'), { readonly: true });
    // The run did cross thresholds, so the checks above had notifications and emails to count.
    expect(db.prepare('select count(*) from notifications').pluck().get()).toBeGreaterThan(0);
    db.close();
  }, 600_000);
});
