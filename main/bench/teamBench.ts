import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stock } from '../core/inventory/stock';
import { newSession } from '../dispatch/session';
import { keyFileSecrets } from '../hosts/headless/keyFileSecrets';
import { startCore, type Runtime } from '../hosts/startCore';
import { startNats } from '../testing/natsServer';
import { foundTeam, joinTeam, resumeTeam, type TeamHandle } from '../team/teamMode';

// `npm run bench:team`: what team mode costs a person, on this machine, with a real nats-server on
// loopback and durable commits. How many events a desktop applies per second while catching up after
// being away for `--events` changes, how long that catch-up takes, and how long from a change
// answered on one desktop to the notification on another desktop.

const { values } = parseArgs({ options: { events: { type: 'string', default: '100000' }, samples: { type: 'string', default: '50' } } });
const EVENTS = Number(values.events);
const SAMPLES = Number(values.samples);
const scratch = mkdtempSync(join(tmpdir(), 'stockbell-team-bench-'));

async function runtimeIn(name: string): Promise<Runtime> {
  const dataDir = join(scratch, name);
  return startCore(dataDir, { secrets: keyFileSecrets(dataDir) });
}

async function until(probe: () => boolean, timeoutMs = 600_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error('Timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const nats = await startNats();
const handles: TeamHandle[] = [];
try {
  const a = await runtimeIn('a');
  const admin = a.core.write(null, (ctx) => ctx.db.$client.prepare(`insert into users (username, display_name, role, created_at) values ('bench', 'Bench', 'admin', 0) returning id`).pluck().get() as number);
  const address = { servers: nats.url, team: 'bench' };
  const teamA = await foundTeam(a.core, address, 'A');
  handles.push(teamA);
  const session = { ...newSession(), userId: admin };
  const shelf = (await a.dispatch('locations.create', { name: 'Shelf' }, session)) as { ok: true; value: { id: number } };
  const part = (await a.dispatch('parts.create', { name: 'Counted part', minimumStock: '0' }, session)) as { ok: true; value: { id: number } };
  const item = (await a.dispatch('stock.create', { partId: part.value.id, locationId: shelf.value.id, quantity: '0' }, session)) as { ok: true; value: { id: number } };

  // B joins, then is away while A makes EVENTS changes.
  const b = await runtimeIn('b');
  const teamB = await joinTeam(b.core, address, 'B');
  await until(() => teamB.replica.position() === teamA.replica.position() && teamA.replica.waitingCount() === 0);
  await teamB.stop();

  // A works offline (the server is down) and makes the changes, each answered after its durable commit.
  console.log(`Making ${EVENTS.toLocaleString()} changes on desktop A, offline...`);
  await nats.stop();
  const makeStart = Date.now();
  for (let index = 0; index < EVENTS; index += 1) a.core.write(admin, (ctx) => stock.add(ctx, { itemId: item.value.id, quantity: 100_000, note: '' }));
  const made = Date.now() - makeStart;
  // The server is back: A sends them all and applies them back in the log's order.
  const publishStart = Date.now();
  await nats.start();
  await until(() => teamA.replica.waitingCount() === 0);
  const published = Date.now() - publishStart;
  console.log(`  made in ${(made / 1000).toFixed(1)} s offline; sent and confirmed in ${(published / 1000).toFixed(1)} s once the server was back`);

  // B comes back and catches up from where it stopped.
  const catchUpStart = Date.now();
  const resumed = resumeTeam(b.core);
  if (!resumed) throw new Error('B has no team to resume');
  handles.push(resumed);
  await until(() => resumed.replica.position() === teamA.replica.position());
  const catchUp = Date.now() - catchUpStart;

  // A change answered on A, to the notification on B: a subscriber on B of a part that crosses.
  const watcher = a.core.write(null, (ctx) => ctx.db.$client.prepare(`insert into users (username, display_name, role, created_at) values ('watcher', 'Watcher', 'member', 0) returning id`).pluck().get() as number);
  const latencies: number[] = [];
  const bell = { part: 0, item: 0 };
  const low = (await a.dispatch('parts.create', { name: 'Bell part', minimumStock: '10' }, session)) as { ok: true; value: { id: number } };
  bell.part = low.value.id;
  bell.item = ((await a.dispatch('stock.create', { partId: bell.part, locationId: shelf.value.id, quantity: '20' }, session)) as { ok: true; value: { id: number } }).value.id;
  await a.dispatch('subscriptions.subscribe', { kind: 'part', id: bell.part }, { ...newSession(), userId: watcher });
  await until(() => resumed.replica.position() === teamA.replica.position() && teamA.replica.waitingCount() === 0);
  let rang = 0;
  b.core.onEvent((event, payload, audience) => {
    if (event === 'notifications.changed' && 'userId' in audience && audience.userId === watcher && (payload as { created: unknown[] }).created.length > 0) rang = Date.now();
  });
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    rang = 0;
    const answered = (() => {
      a.core.write(admin, (ctx) => stock.remove(ctx, { itemId: bell.item, quantity: 1_500_000, note: '' }));
      return Date.now();
    })();
    await until(() => rang !== 0, 10_000);
    latencies.push(rang - answered);
    a.core.write(admin, (ctx) => stock.add(ctx, { itemId: bell.item, quantity: 1_500_000, note: '' }));
    await until(() => resumed.replica.position() === teamA.replica.position() && teamA.replica.waitingCount() === 0);
  }

  console.log('| Measure | Result |');
  console.log('|---|---|');
  console.log(`| A desktop catching up after ${EVENTS.toLocaleString()} events | ${(catchUp / 1000).toFixed(1)} s (${Math.round(EVENTS / (catchUp / 1000)).toLocaleString()} events/s applied) |`);
  console.log(`| Changes made on a desktop in a team (each a durable commit, captured and queued) | ${Math.round(EVENTS / (made / 1000)).toLocaleString()} /s |`);
  console.log(`| A desktop back online sending what it made offline | ${(published / 1000).toFixed(1)} s for ${EVENTS.toLocaleString()} (${Math.round(EVENTS / (published / 1000)).toLocaleString()} /s, confirmed back) |`);
  console.log(`| From a change answered on one desktop to the notification on another (p50 / p99, ${SAMPLES} samples) | ${percentile(latencies, 50)} ms / ${percentile(latencies, 99)} ms |`);
} finally {
  for (const handle of handles) await handle.stop().catch(() => undefined);
  await nats.close();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(0);
