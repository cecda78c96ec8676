import { formatDay, localDate } from '../calendar';
import type { Core } from '../core';
import type { WriteContext } from '../context';
import { queueEmails } from '../mail/delivery';
import { renderEmail } from '../mail/templates';
import { notifications } from '../notifications/notifications';
import { formatQuantity } from '../quantity';
import { readSetting, writeSetting } from '../settings';
import { prepared } from '../statements';
import { describeVia } from '../subscriptions/subscribers';
import { subscribersToTell } from '../subscriptions/mutes';
import { forecastOf, readForecastSettings } from './forecast';
import { roundedDailyUse } from './projection';

// "Will run low": told once when a part's projected fall below its minimum comes within its lead
// time plus the safety margin, and re-armed when the projection moves out again (or the part goes
// low, which its own alert covers). Looked at for the parts a change touched (stock, orders,
// thresholds, lead times) before the change commits, and for every part once a day, since the
// calendar alone moves a projection: a young part's record grows long enough to give a rate, a pace
// slows as busy days leave the window, orders fall due.

export interface RunLowWarning {
  partId: number;
  belowMinimumOn: string;
  dailyUse: number;
  leadTimeDays: number;
}

function withUnits(quantity: number, units: string): string {
  return units ? `${formatQuantity(quantity)} ${units}` : formatQuantity(quantity);
}

/** Parts among `partIds` that could warn now or hold a warning that may have to go. */
function candidatesAmong(ctx: WriteContext, partIds: Iterable<number>): number[] {
  return prepared(
    ctx.db.$client,
    `select id from parts where id in (select value from json_each(?))
     and ((active and minimum_stock > 0 and stock_total >= minimum_stock) or id in (select part_id from part_run_low_warnings))`,
  )
    .pluck()
    .all(JSON.stringify([...partIds])) as number[];
}

/** Sets or clears one part's warning from its forecast; true when it newly warns. */
function reconsider(ctx: WriteContext, partId: number, settings = readForecastSettings(ctx)): boolean {
  const client = ctx.db.$client;
  const forecast = forecastOf(ctx, partId, settings);
  const warns = forecast.status === 'projected' && forecast.withinReach && forecast.belowMinimumAt !== null && forecast.rate.kind === 'rate';
  const held = prepared(client, 'select 1 from part_run_low_warnings where part_id = ?').get(partId) !== undefined;
  if (warns === held) return false;
  ctx.change.touch('parts');
  if (!warns) {
    client.prepare('delete from part_run_low_warnings where part_id = ?').run(partId);
    return false;
  }
  const warning: RunLowWarning = {
    partId,
    belowMinimumOn: localDate(forecast.belowMinimumAt ?? ctx.clock.now()),
    dailyUse: forecast.rate.kind === 'rate' ? roundedDailyUse(forecast.rate.perDay) : 0,
    leadTimeDays: forecast.leadTimeDays,
  };
  client
    .prepare('insert into part_run_low_warnings (part_id, below_minimum_on, daily_use, lead_time_days, warned_at) values (?, ?, ?, ?, ?)')
    .run(partId, warning.belowMinimumOn, warning.dailyUse, warning.leadTimeDays, ctx.clock.now());
  // A loaded inventory states what is; in a team the notice follows from the log (main/team).
  if (!ctx.change.alertsSilenced && !ctx.change.derivationsDeferred) tellRunLow(ctx, warning);
  return true;
}

/** Past this many parts in one change, their forecasts are looked at after it commits (see Change.forecastsLater). */
const INLINE_LIMIT = 50;

/** Runs inside every write's transaction, after the low-stock evaluation, for the parts it touched. */
export function evaluateRunLowWarnings(ctx: WriteContext): void {
  const touched = ctx.change.touchedParts;
  if (touched.size === 0) return;
  if (touched.size > INLINE_LIMIT) {
    for (const partId of touched) ctx.change.forecastsLater.add(partId);
    return;
  }
  const settings = readForecastSettings(ctx);
  for (const partId of candidatesAmong(ctx, touched)) if (!settledByDirection(ctx, partId)) reconsider(ctx, partId, settings);
}

/**
 * A change that only moved a part's stock settles its warning without a forecast where the
 * direction alone decides: more stock leaves the pace as it was and puts the fall further off, so an
 * unwarned part that was not low stays unwarned (one coming back from low is a new approach); less stock (a removal only quickens the pace) brings it closer, so a
 * warned part stays warned while it is not yet low. This keeps a busy part's frequent changes from
 * reading its whole window of removals each time.
 */
function settledByDirection(ctx: WriteContext, partId: number): boolean {
  if (ctx.change.touchedBesidesStock.has(partId)) return false;
  const moved = ctx.change.stockMoves.get(partId) ?? 0;
  if (moved === 0) return false;
  const state = prepared(
    ctx.db.$client,
    `select stock_total >= minimum_stock as above, stock_total - @moved >= minimum_stock as wasAbove,
       exists (select 1 from part_run_low_warnings w where w.part_id = parts.id) as held
     from parts where id = @partId`,
  ).get({ partId, moved }) as { above: number; wasAbove: number; held: number } | undefined;
  if (!state) return false;
  return moved > 0 ? state.held === 0 && state.wasAbove === 1 : state.held === 1 && state.above === 1;
}

/** Tells the part's subscribers (less those who muted it) that it will run low, in every channel. */
export function tellRunLow(ctx: WriteContext, warning: RunLowWarning): void {
  const part = ctx.db.$client
    .prepare('select name, ipn, units, minimum_stock as minimumStock, stock_total as stockTotal from parts where id = ?')
    .get(warning.partId) as { name: string; ipn: string | null; units: string; minimumStock: number; stockTotal: number } | undefined;
  if (!part) return;
  const settings = readForecastSettings(ctx);
  const day = formatDay(warning.belowMinimumOn);
  const pace = withUnits(warning.dailyUse, part.units);
  const reach = warning.leadTimeDays > 0 ? `its ${warning.leadTimeDays}-day lead time plus the ${settings.safetyDays}-day margin` : `the ${settings.safetyDays}-day margin (no lead time is known)`;
  const created = notifications.createMany(
    ctx,
    {
      kind: 'part.will_run_low',
      title: `Will run low: ${part.name}`,
      message: `At about ${pace} a day, ${part.name} is projected to fall below its minimum of ${withUnits(part.minimumStock, part.units)} on ${day}, within ${reach}.`,
      target: { kind: 'part', id: String(warning.partId) },
      data: {
        partId: warning.partId,
        partName: part.name,
        stock: formatQuantity(part.stockTotal),
        minimum: formatQuantity(part.minimumStock),
        units: part.units,
        belowMinimumOn: warning.belowMinimumOn,
        dailyUse: formatQuantity(warning.dailyUse),
        leadTimeDays: warning.leadTimeDays,
      },
    },
    subscribersToTell(ctx, warning.partId).map((subscriber) => ({ userId: subscriber.userId, reason: describeVia(subscriber.via) })),
  );
  queueEmails(
    ctx,
    'part.will_run_low',
    created.map((notification) => ({ notificationId: notification.id, reason: notification.reason })),
    (reason, emailSettings) =>
      renderEmail({
        instanceName: emailSettings.instanceName,
        heading: `Will run low: ${part.name}`,
        intro: `At its recent pace, ${part.name} will fall below its minimum on ${day}: within ${reach}. Ordering now keeps it from running low.`,
        facts: [
          { label: 'Part', value: part.name },
          { label: 'IPN', value: part.ipn ?? '—' },
          { label: 'In stock', value: withUnits(part.stockTotal, part.units) },
          { label: 'Minimum', value: withUnits(part.minimumStock, part.units) },
          { label: 'Average use', value: `${pace} a day` },
          { label: 'Below minimum on', value: day },
        ],
        reason,
        path: `/parts/${warning.partId}`,
        links: ctx.links,
      }),
    { kind: 'part.will_run_low', id: warning.partId },
  );
}

/** Parts looked at per transaction after a change or by the daily check, so neither holds the database for long. */
const BATCH = 500;

/**
 * Once per local day, every part that could warn is looked at again: the calendar alone moves a
 * projection closer. Batched, yielding between transactions; returns how many newly warn.
 */
export function runDailyForecastCheck(core: Core): Promise<number> {
  const last = core.read((ctx) => readSetting(ctx, 'maintenance.lastForecastAt'));
  if (last !== 0 && localDate(last) === localDate(core.clock.now())) return Promise.resolve(0);
  return reconsiderAllForecasts(core);
}

interface LaterForecasts {
  /** Parts to look at, and whether what they decide tells anyone (a loaded inventory does not). */
  told: Set<number>;
  silent: Set<number>;
  drained: Promise<number> | null;
}

const laterOf = new WeakMap<Core, LaterForecasts>();

/**
 * The forecasts large changes left for later (see Change.forecastsLater), looked at after they
 * commit. However many such changes come (a stream of bulk calls), one drain works through the
 * parts still waiting, each once, 500 to a transaction; it resolves with how many newly warn.
 */
export function forecastLater(core: Core, partIds: Iterable<number>, options: { silently?: boolean } = {}): Promise<number> {
  let later = laterOf.get(core);
  if (!later) laterOf.set(core, (later = { told: new Set(), silent: new Set(), drained: null }));
  for (const partId of partIds) {
    if (options.silently) {
      if (!later.told.has(partId)) later.silent.add(partId);
    } else {
      later.silent.delete(partId);
      later.told.add(partId);
    }
  }
  const waiting = later;
  waiting.drained ??= drainLater(core, waiting).finally(() => (waiting.drained = null));
  return waiting.drained;
}

async function drainLater(core: Core, later: LaterForecasts): Promise<number> {
  let warned = 0;
  for (;;) {
    while (core.isBusy()) await new Promise((resolve) => setTimeout(resolve, 200));
    if (!core.db.$client.open) return warned;
    const silently = later.told.size === 0;
    const from = silently ? later.silent : later.told;
    if (from.size === 0) return warned;
    const batch: number[] = [];
    for (const partId of from) {
      batch.push(partId);
      from.delete(partId);
      if (batch.length === BATCH) break;
    }
    warned += core.write(null, (ctx) => {
      // What a loaded inventory (demo, import) left for later is recorded as silently as it was loaded.
      ctx.change.alertsSilenced = silently;
      const settings = readForecastSettings(ctx);
      return candidatesAmong(ctx, batch).filter((partId) => reconsider(ctx, partId, settings)).length;
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Every part that could warn or holds a warning, looked at again (the day moved on, or the
 * settings changed), through the same drain as large changes' forecasts; the day is recorded once
 * they have all been looked at.
 */
export function reconsiderAllForecasts(core: Core): Promise<number> {
  const now = core.clock.now();
  const partIds = core.read(
    (ctx) =>
      prepared(
        ctx.db.$client,
        `select id from parts where (active and minimum_stock > 0 and stock_total >= minimum_stock) or id in (select part_id from part_run_low_warnings)`,
      )
        .pluck()
        .all() as number[],
  );
  const pass = forecastLater(core, partIds).then((warned) => {
    if (core.db.$client.open) core.write(null, (ctx) => writeSetting(ctx, 'maintenance.lastForecastAt', now));
    return warned;
  });
  pass.catch((error: unknown) => console.error('The usage forecast check failed:', error));
  return pass;
}
