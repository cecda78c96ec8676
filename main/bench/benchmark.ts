import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { SyntheticSize } from '../../db/synthetic/generate';
import { MailWorker } from '../core/mail/mailWorker';
import { startMaintenance } from '../core/maintenance';
import { outbox } from '../core/mail/outbox';
import { expandFanout, nextFanout } from '../core/mail/delivery';
import { notifications } from '../core/notifications/notifications';
import { writeEmailSettings, storedEmailSettings } from '../core/mail/emailSettings';
import { QUANTITY_SCALE, formatQuantity } from '../core/quantity';
import { newSession, type Session } from '../dispatch/session';
import { keyFileSecrets } from '../hosts/headless/keyFileSecrets';
import { startCore, type Runtime } from '../hosts/startCore';
import { rawWriter } from './rawBaselines';
import { fillSyntheticInventory } from './syntheticInventory';
import { reconsiderAllForecasts } from '../core/forecast/runLowWarnings';
import { measure, median, overRuns, type RunTiming } from './stats';
import { subscribersOfPart } from '../core/subscriptions/subscribers';

export interface BenchOptions {
  size: SyntheticSize;
  /** Samples per single-adjustment case and per read, in each run. */
  iterations: number;
  /** How many times each timed case runs: figures are the median of the runs, with their spread. */
  runs: number;
  bulkMovements: number;
  emails: number;
  log: (line: string) => void;
}

export interface BenchResult {
  machine: { cpus: number; node: string; platform: string };
  size: SyntheticSize;
  generateSeconds: number;
  runs: number;
  adjustment: { noCrossing: AgainstRaw; forecast: AgainstRaw; crossing100: AgainstRaw & { subscribers: number }; crossing1000: AgainstRaw & { subscribers: number } };
  /** Work a 1 000-person crossing leaves for idle moments, measured on its own. */
  deferred: { settleMs: number; expandEmailsMs: number; emails: number };
  bulk: { movements: number; movementsPerSecond: number; rawInsertsPerSecond: number } & RatioRuns;
  inbox: { notifications: number; unreadCount: RunTiming; firstPage: RunTiming };
  outbox: { emails: number; drainPerSecond: number; rawPerSecond: number } & RatioRuns;
  open: { firstCallMs: number };
  /** The daily look at every part's forecast (also what a host does when it starts on a new day). */
  forecastPass: { parts: number; ms: number };
  peakRssMb: number;
}

/** A timed case beside its raw baseline from the same run: app / raw, at p50 and p99. */
export interface AgainstRaw extends RunTiming {
  raw: RunTiming;
  ratioP50: number;
  ratioP99: number;
}

/** A throughput ratio (app / raw, higher is better) over several runs: the median and the spread. */
export interface RatioRuns {
  ratio: number;
  ratioMin: number;
  ratioMax: number;
}

function againstRaw(app: number[][], raw: number[][]): AgainstRaw {
  const ours = overRuns(app);
  const baseline = overRuns(raw);
  return { ...ours, raw: baseline, ratioP50: ours.p50 / baseline.p50, ratioP99: ours.p99 / baseline.p99 };
}

function ratioRuns(ratios: number[]): RatioRuns {
  return { ratio: median(ratios), ratioMin: Math.min(...ratios), ratioMax: Math.max(...ratios) };
}

async function call(runtime: Runtime, session: Session, method: string, input: unknown): Promise<unknown> {
  const result = await runtime.dispatch(method, input, session);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value;
}

async function loopbackSmtp(): Promise<{ port: number; received: () => number; stop: () => Promise<void> }> {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        count += 1;
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { port: (server.server.address() as AddressInfo).port, received: () => count, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Builds the synthetic inventory in a fresh data folder and measures the core directly, in this
 * process: single adjustments with and without fan-out, a bulk call, the inbox, the outbox, start-up.
 */
export async function runBenchmark(options: BenchOptions): Promise<BenchResult> {
  const { log } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'stockbell-bench-'));
  const secrets = keyFileSecrets(dataDir);
  try {
    let runtime = await startCore(dataDir, { secrets });
    const session: Session = newSession();
    const { fixture, adminId, generateSeconds } = fillSyntheticInventory(runtime.core, options.size, log);
    session.userId = adminId;

    // Email on, pointing at a loopback server: the crossing cases include queuing every email.
    const smtp = await loopbackSmtp();
    runtime.core.write(null, (ctx) =>
      writeEmailSettings(ctx, storedEmailSettings.parse({ enabled: true, host: '127.0.0.1', port: smtp.port, security: 'none', sender: 'bench@stockbell.test' })),
    );

    // A host starting on a new day first looks at every part's forecast, in batches between changes;
    // done here before anything is timed, and timed itself.
    const forecastParts = runtime.core.db.$client.prepare('select count(*) from parts where active and minimum_stock > 0').pluck().get() as number;
    const forecastPassMs = await measure(() => reconsiderAllForecasts(runtime.core));

    // As in the hosts: the log is folded into the database in idle moments, not inside a change.
    const stopMaintenance = startMaintenance(runtime.core);
    log(`1. Single stock adjustments, ${options.runs} runs, each beside its raw baseline...`);
    const client = runtime.core.db.$client;
    const raw = rawWriter(client, session.userId as number);
    // In a host the next request arrives on a later turn of the event loop, when idle work (settling
    // fresh notifications, folding the log in) has had its chance; a tight loop of awaits would starve it.
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    // The same adjustment of a part with no minimum (nothing to forecast) and of one whose forecast
    // is worked out on every change (a minimum, 90 days of use, an order due), each beside its raw writes.
    const adjustmentOf = async (itemId: number) => {
      const runs: { app: number[][]; raw: number[][] } = { app: [], raw: [] };
      for (let run = 0; run < options.runs; run += 1) {
        const ours: number[] = [];
        const theirs: number[] = [];
        for (let index = 0; index < options.iterations; index += 1) {
          ours.push(await measure(() => call(runtime, session, index % 2 ? 'stock.add' : 'stock.remove', { itemId, quantity: '1' })));
          await nextTurn();
          theirs.push(await measure(() => raw.adjust(itemId, index % 2 ? QUANTITY_SCALE : -QUANTITY_SCALE)));
          await nextTurn();
        }
        runs.app.push(ours);
        runs.raw.push(theirs);
      }
      return runs;
    };
    const quiet = await adjustmentOf(fixture.quietItemId);
    const forecast = await adjustmentOf(fixture.forecastItemId);
    const crossings: AgainstRaw[] = [];
    const clearMail = () => client.exec('delete from mail_fanouts; delete from outbox; delete from outbox_bodies');
    // Each crowd's part holds 1,000 units; removing this much takes it just under its minimum.
    const fallScaled = (crowd: { minimum: number }) => 1000 * QUANTITY_SCALE - crowd.minimum + QUANTITY_SCALE;
    const fallOf = (crowd: { minimum: number }) => formatQuantity(fallScaled(crowd));
    for (const crowd of fixture.crowds) {
      const fall = fallOf(crowd);
      const recipients = runtime.core.read((ctx) => subscribersOfPart(ctx, crowd.partId).map((subscriber) => subscriber.userId));
      const app: number[][] = [];
      const baseline: number[][] = [];
      for (let run = 0; run < options.runs; run += 1) {
        const ours: number[] = [];
        const theirs: number[] = [];
        for (let index = 0; index < options.iterations; index += 1) {
          ours.push(await measure(() => call(runtime, session, 'stock.remove', { itemId: crowd.itemId, quantity: fall })));
          await call(runtime, session, 'stock.add', { itemId: crowd.itemId, quantity: fall });
          await nextTurn();
          theirs.push(await measure(() => raw.cross(crowd.itemId, -fallScaled(crowd), recipients)));
          raw.restore(crowd.itemId, fallScaled(crowd));
          await nextTurn();
        }
        app.push(ours);
        baseline.push(theirs);
        // The crossings queued email; keep it out of the outbox measurement below.
        clearMail();
      }
      crossings.push(againstRaw(app, baseline));
    }
    // What the largest crossing hands to idle moments: its people's rows moving into the settled
    // inbox index (maintenance), and its email fan-out becoming outbox rows (the mail worker).
    const largest = fixture.crowds[fixture.crowds.length - 1];
    let deferred = { settleMs: 0, expandEmailsMs: 0, emails: 0 };
    if (largest) {
      const fall = fallOf(largest);
      runtime.core.write(null, (ctx) => notifications.settle(ctx));
      await call(runtime, session, 'stock.remove', { itemId: largest.itemId, quantity: fall });
      const settleMs = await measure(() => runtime.core.write(null, (ctx) => notifications.settle(ctx)));
      const fanoutId = runtime.core.read((ctx) => nextFanout(ctx, 0)) ?? 0;
      const expandEmailsMs = await measure(() => runtime.core.write(null, (ctx) => expandFanout(ctx, fanoutId)));
      deferred = { settleMs, expandEmailsMs, emails: client.prepare('select count(*) from outbox').pluck().get() as number };
      await call(runtime, session, 'stock.add', { itemId: largest.itemId, quantity: fall });
      clearMail();
    }

    log('2. Bulk movements...');
    const bulkItems = fixture.itemIds.slice(0, Math.min(fixture.itemIds.length, options.bulkMovements));
    const changes = Array.from({ length: options.bulkMovements }, (_, index) => ({ itemId: bulkItems[index % bulkItems.length] as number, kind: 'add' as const, quantity: '1' }));
    const bulkRuns: { bulkMs: number; rawMs: number }[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      const bulkMs = await measure(() => call(runtime, session, 'stock.adjustMany', { changes, note: 'Benchmark' }));
      // The raw baseline inserts the very rows the call wrote, read back, one prepared statement per
      // row, in one transaction.
      const movementColumns = 'item_id, part_id, user_id, kind, delta, quantity_after, from_location_id, to_location_id, note, created_at';
      const written = client.prepare(`select ${movementColumns} from stock_movements order by id desc limit ?`).raw().all(changes.length).reverse() as unknown[][];
      const rawInsert = client.prepare(`insert into stock_movements (${movementColumns}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const rawMs = await measure(() =>
        client.transaction(() => {
          for (const row of written) rawInsert.run(row);
        })(),
      );
      client.exec(`delete from stock_movements where note = 'Benchmark' and id > (select max(id) - ${changes.length} from stock_movements)`);
      bulkRuns.push({ bulkMs, rawMs });
      await nextTurn();
    }

    log('3. Inbox of a busy person...');
    const busy: Session = { ...newSession(), userId: fixture.busyUserId };
    const countRuns: number[][] = [];
    const pageRuns: number[][] = [];
    for (let run = 0; run < options.runs; run += 1) {
      const countSamples: number[] = [];
      const pageSamples: number[] = [];
      for (let index = 0; index < options.iterations; index += 1) {
        countSamples.push(await measure(() => call(runtime, busy, 'notifications.unreadCount', {})));
        pageSamples.push(await measure(() => call(runtime, busy, 'notifications.list', { state: 'unread', limit: 25 })));
      }
      countRuns.push(countSamples);
      pageRuns.push(pageSamples);
    }
    const busyCount = client.prepare('select count(*) from notifications where user_id = ?').pluck().get(fixture.busyUserId) as number;

    log('4. Outbox drain against raw pooled sends...');
    const message = { from: 'bench@stockbell.test', to: 'someone@bench.test', subject: '[Stockbell] Low stock: Part', text: 'Body '.repeat(100), html: `<p>${'Body '.repeat(100)}</p>` };
    const outboxRuns: { rawSendMs: number; drainMs: number }[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      const rawTransport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, pool: true, maxConnections: 4, maxMessages: Infinity });
      const rawStart = smtp.received();
      const rawSendMs = await measure(async () => {
        for (let start = 0; start < options.emails; start += 50) {
          await Promise.all(Array.from({ length: Math.min(50, options.emails - start) }, () => rawTransport.sendMail(message)));
        }
      });
      rawTransport.close();
      if (smtp.received() - rawStart !== options.emails) throw new Error('Raw sends went missing');
      runtime.core.write(null, (ctx) =>
        outbox.enqueueMany(
          ctx,
          // A body of its own per email, as distinct notifications would have.
          Array.from({ length: options.emails }, () => ({
            content: { subject: message.subject, text: message.text, html: message.html },
            userId: null,
            notificationId: null,
            kind: 'digest',
            recipient: message.to,
            headers: {},
          })),
        ),
      );
      const worker = new MailWorker(runtime.core, secrets, { batchSize: 50, maxConnections: 4 });
      const drainStart = smtp.received();
      const drainMs = await measure(async () => {
        worker.start();
        while (smtp.received() - drainStart < options.emails) await new Promise((resolve) => setTimeout(resolve, 5));
        await worker.idle();
      });
      await worker.stop();
      outboxRuns.push({ rawSendMs, drainMs });
    }
    await smtp.stop();

    log('5. Opening the database...');
    stopMaintenance();
    runtime.core.close();
    const openMs = await measure(async () => {
      runtime = await startCore(dataDir, { secrets });
      await call(runtime, session, 'parts.list', { limit: 25 });
    });
    runtime.core.close();

    return {
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version, platform: `${process.platform}-${process.arch}` },
      size: options.size,
      generateSeconds,
      runs: options.runs,
      adjustment: {
        noCrossing: againstRaw(quiet.app, quiet.raw),
        forecast: againstRaw(forecast.app, forecast.raw),
        crossing100: { ...(crossings[0] as AgainstRaw), subscribers: fixture.crowds[0]?.subscribers ?? 0 },
        crossing1000: { ...(crossings[1] as AgainstRaw), subscribers: fixture.crowds[1]?.subscribers ?? 0 },
      },
      deferred,
      bulk: {
        movements: changes.length,
        movementsPerSecond: median(bulkRuns.map((run) => changes.length / (run.bulkMs / 1000))),
        rawInsertsPerSecond: median(bulkRuns.map((run) => changes.length / (run.rawMs / 1000))),
        ...ratioRuns(bulkRuns.map((run) => run.rawMs / run.bulkMs)),
      },
      inbox: { notifications: busyCount, unreadCount: overRuns(countRuns), firstPage: overRuns(pageRuns) },
      outbox: {
        emails: options.emails,
        drainPerSecond: median(outboxRuns.map((run) => options.emails / (run.drainMs / 1000))),
        rawPerSecond: median(outboxRuns.map((run) => options.emails / (run.rawSendMs / 1000))),
        ...ratioRuns(outboxRuns.map((run) => run.rawSendMs / run.drainMs)),
      },
      open: { firstCallMs: openMs },
      forecastPass: { parts: forecastParts, ms: forecastPassMs },
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
