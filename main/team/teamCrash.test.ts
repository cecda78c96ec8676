import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../core/users/passwords';
import { users } from '../core/users/users';
import { keyFileSecrets } from '../hosts/headless/keyFileSecrets';
import { startCore } from '../hosts/startCore';
import { startHostProcess, type HostProcess } from '../reliability/hostProcess';
import { natsServerMissing, startNats, type LoopbackNats } from '../testing/natsServer';

// Two desktops as real headless-host processes with their own data folders, on a real NATS server.
// One is killed with SIGKILL again and again while changes arrive, sometimes with the server down
// (so its changes are committed locally and not yet published), and restarted: nothing it
// acknowledged is lost, nothing is applied twice, and both end with the same stock.

const missing = natsServerMissing();
const ROUNDS = Number(process.env.TEAM_CRASH_ROUNDS ?? 6);
const PASSWORD = 'team crash password';
let nats: LoopbackNats;
const folders: string[] = [];

async function preparedFolder(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stockbell-team-crash-'));
  folders.push(dataDir);
  const runtime = await startCore(dataDir, { secrets: keyFileSecrets(dataDir) });
  const passwordHash = await hashPassword(PASSWORD);
  runtime.core.write(null, (ctx) => users.create(ctx, { username: 'driver', displayName: 'Driver', email: null, role: 'admin', passwordHash }));
  runtime.core.close();
  return dataDir;
}

async function until<T>(probe: () => Promise<T | null>, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stockOf(dataDir: string, itemId: number): { quantity: number; movements: number; deltas: number; ids: string } {
  const db = new Database(join(dataDir, 'stockbell.db'), { readonly: true });
  try {
    return db
      .prepare(
        `select (select quantity from stock_items where id = ?) as quantity, count(*) as movements, coalesce(sum(delta), 0) as deltas,
           group_concat(id) as ids from (select id, delta from stock_movements where item_id = ? order by id)`,
      )
      .get(itemId, itemId) as { quantity: number; movements: number; deltas: number; ids: string };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  if (!missing) nats = await startNats();
});
afterAll(async () => {
  await nats?.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe.skipIf(missing !== null)('a team desktop killed between its commit and its publish', () => {
  it(`loses and doubles nothing through ${ROUNDS} SIGKILLs, with and without the server`, async () => {
    const [folderA, folderB] = [await preparedFolder(), await preparedFolder()];
    let a: HostProcess = await startHostProcess(folderA);
    await a.signIn('driver', PASSWORD);
    expect((await a.call('team.found', { servers: nats.url, team: 'crash', desktop: 'A' }))?.ok).toBe(true);
    const shelf = (await a.call('locations.create', { name: 'Shelf' }))?.value as { id: number };
    const part = (await a.call('parts.create', { name: 'Bolt', minimumStock: '0' }))?.value as { id: number };
    const item = (await a.call('stock.create', { partId: part.id, locationId: shelf.id, quantity: '0' }))?.value as { id: number };

    const b = await startHostProcess(folderB);
    await b.signIn('driver', PASSWORD);
    expect((await b.call('team.join', { servers: nats.url, team: 'crash', desktop: 'B' }))?.ok).toBe(true);
    await b.signIn('driver', PASSWORD);

    let acknowledged = 1;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const serverDown = round % 2 === 0;
      if (serverDown) await nats.stop();
      let stop = false;
      const drive = async () => {
        while (!stop) {
          const answer = await a.call('stock.add', { itemId: item.id, quantity: '1' });
          if (answer === null) return;
          if (answer.ok) acknowledged += 1;
        }
      };
      const drivers = [drive(), drive()];
      await new Promise((resolve) => setTimeout(resolve, 200 + round * 60));
      await a.kill('SIGKILL');
      stop = true;
      await Promise.all(drivers);
      if (serverDown) await nats.start();
      a = await startHostProcess(folderA);
      await a.signIn('driver', PASSWORD);
    }

    // Both desktops settle on the same history: every change once, the quantity its sum.
    const settled = await until(async () => {
      const [onA, onB] = [stockOf(folderA, item.id), stockOf(folderB, item.id)];
      const status = (await a.call('team.status', {}))?.value as { sync: { kind: string } | null } | undefined;
      return status?.sync?.kind === 'up-to-date' && onA.ids === onB.ids ? { onA, onB } : null;
    }, 'both desktops to hold the same movements').catch(async (error: unknown) => {
      const db = new Database(join(folderA, 'stockbell.db'), { readonly: true });
      const waiting = db.prepare('select position, published_seq, length(body) from team_outbox').all();
      const position = db.prepare("select value from settings where key = 'team.position'").pluck().get();
      db.close();
      const dbB = new Database(join(folderB, 'stockbell.db'), { readonly: true });
      const positionB = dbB.prepare("select value from settings where key = 'team.position'").pluck().get();
      dbB.close();
      console.error('A', stockOf(folderA, item.id), 'B', stockOf(folderB, item.id), { waiting, position, positionB, statusA: await a.call('team.status', {}), statusB: await b.call('team.status', {}) });
      throw error;
    });
    expect(settled.onA).toEqual(settled.onB);
    expect(settled.onA.quantity).toBe(settled.onA.deltas);
    // Every acknowledged change is there; at most the ones in flight at a kill are there too.
    expect(settled.onA.movements - 1).toBeGreaterThanOrEqual(acknowledged - 1);
    expect(settled.onA.movements - 1).toBeLessThanOrEqual(acknowledged - 1 + 2 * ROUNDS);
    expect(settled.onA.deltas).toBe((settled.onA.movements - 1) * 100_000);
    await a.kill('SIGTERM');
    await b.kill('SIGTERM');
  }, 300_000);
});
