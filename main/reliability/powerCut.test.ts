import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { stockItemView } from '../contract/inventory';
import { formatQuantity, QUANTITY_SCALE } from '../core/quantity';
import { hashPassword } from '../core/users/passwords';
import { users } from '../core/users/users';
import { keyFileSecrets } from '../hosts/headless/keyFileSecrets';
import { startCore } from '../hosts/startCore';
import { startHostProcess, type HostProcess } from './hostProcess';
import { createLoopDisk, mountRecovered, powerCutUnavailable, type LoopDisk } from './loopDisk';

// The real headless host runs on a small ext4 disk; after it has acknowledged a run of stock
// changes the power goes: the disk is read as it stands, with whatever the kernel still held in
// memory lost, and the next boot repairs it. Every change the app said was saved must be there.

const CHANGES = 10;
const PASSWORD = 'power-cut-test-password';
const unavailable = powerCutUnavailable();
if (unavailable) console.warn(`Skipping the power-cut test: ${unavailable}.`);

let workDir: string;
let disk: LoopDisk | null = null;
let recovered: LoopDisk | null = null;
let host: HostProcess | null = null;
let itemId = 0;

describe.skipIf(unavailable !== null)('a power cut right after stock changes were acknowledged', () => {
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'stockbell-power-'));
    disk = createLoopDisk(workDir);
    const dataDir = join(disk.mountPoint, 'data');
    const runtime = await startCore(dataDir, { secrets: keyFileSecrets(dataDir) });
    const passwordHash = await hashPassword(PASSWORD);
    runtime.core.write(null, (ctx) => {
      users.create(ctx, { username: 'clerk', displayName: 'Clerk', email: 'clerk@power.test', role: 'admin', passwordHash });
      const client = ctx.db.$client;
      const category = Number(client.prepare(`insert into part_categories (name, created_at) values ('Fasteners', 0)`).run().lastInsertRowid);
      const location = Number(client.prepare(`insert into stock_locations (name, created_at) values ('Shelf', 0)`).run().lastInsertRowid);
      const part = Number(client.prepare(`insert into parts (name, category_id, stock_total, created_at, updated_at) values ('M3 screw', ?, ?, 0, 0)`).run(category, 100 * QUANTITY_SCALE).lastInsertRowid);
      itemId = Number(client.prepare(`insert into stock_items (part_id, location_id, quantity, created_at, updated_at) values (?, ?, ?, 0, 0)`).run(part, location, 100 * QUANTITY_SCALE).lastInsertRowid);
      client.prepare(`insert into stock_movements (item_id, part_id, kind, delta, quantity_after, created_at) values (?, ?, 'create', ?, ?, 0)`).run(itemId, part, 100 * QUANTITY_SCALE, 100 * QUANTITY_SCALE);
    });
    runtime.core.close();
    // The inventory as it stood before the host started is safely on the disk; only what the host
    // acknowledges from here on is at stake.
    disk.flush();
  }, 30_000);

  afterAll(async () => {
    await host?.kill('SIGKILL');
    recovered?.remove();
    disk?.remove();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it(`keeps all ${CHANGES} acknowledged changes`, async () => {
    if (!disk) throw new Error('The disk was not made.');
    host = await startHostProcess(join(disk.mountPoint, 'data'));
    await host.signIn('clerk', PASSWORD);
    let acknowledged = '';
    for (let change = 1; change <= CHANGES; change += 1) {
      const answer = await host.call('stock.add', { itemId, quantity: '1', note: `Delivery ${change}` });
      if (!answer?.ok) throw new Error(`Change ${change} was not acknowledged: ${JSON.stringify(answer)}`);
      acknowledged = stockItemView.parse(answer.value).quantity;
    }
    expect(acknowledged).toBe(formatQuantity((100 + CHANGES) * QUANTITY_SCALE));

    // The power goes: the host freezes mid-flight and the disk keeps only what reached it.
    host.child.kill('SIGSTOP');
    const image = join(workDir, 'after-power-cut.img');
    disk.snapshot(image);
    await host.kill('SIGKILL');
    host = null;
    disk.remove();

    recovered = mountRecovered(image, join(workDir, 'recovered'));
    const db = await openDatabase(join(recovered.mountPoint, 'data/stockbell.db'));
    try {
      const quantity = db.$client.prepare('select quantity from stock_items where id = ?').pluck().get(itemId) as number;
      const deliveries = db.$client.prepare(`select count(*) from stock_movements where item_id = ? and kind = 'add'`).pluck().get(itemId);
      expect({ quantity: formatQuantity(quantity), deliveries }).toEqual({ quantity: acknowledged, deliveries: CHANGES });
      expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.$client.close();
    }
  }, 30_000);
});
