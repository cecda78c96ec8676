import { watchClockJumps } from './clockJumps';
import { buildOrders } from './builds/buildOrders';
import type { Core } from './core';
import { forecastLater, runDailyForecastCheck } from './forecast/runLowWarnings';
import { notifications } from './notifications/notifications';
import { readSetting, writeSetting } from './settings';

export const MIN_RETENTION_DAYS = 7;
const DAY_MS = 86_400_000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** The daily clean-up: read notifications past the retention period go. Returns what was removed. */
export function runDailyCleanup(core: Core): number | null {
  return core.write(null, (ctx) => {
    const now = ctx.clock.now();
    if (now - readSetting(ctx, 'maintenance.lastCleanupAt') < DAY_MS) return null;
    const days = Math.max(MIN_RETENTION_DAYS, readSetting(ctx, 'notifications.retentionDays'));
    const removed = notifications.removeExpired(ctx, days);
    writeSetting(ctx, 'maintenance.lastCleanupAt', now);
    return removed;
  });
}

/** Open build orders past their target date; each is reported once, so running it hourly is safe. */
export function runOverdueCheck(core: Core): number {
  return core.write(null, (ctx) => buildOrders.notifyOverdue(ctx));
}

/** Snoozed notifications whose time has come, back in their owners' inboxes. Returns how many. */
export function wakeSnoozed(core: Core): number {
  return core.write(null, (ctx) => notifications.wakeDue(ctx));
}

const CHECKPOINT_EVERY_MS = 2000;
/** The fresh index stays a few dozen pages: past this many rows a burst of crossings settles early. */
const SETTLE_AFTER_FRESH = 2000;
/** Rows moved per settling transaction, so even a large burst never holds the database for long. */
export const SETTLE_BATCH = 10_000;

/**
 * Runs the checks at start and then hourly (what they did is stored, so restarts don't repeat it).
 * Storage work is kept out of people's changes: fresh notifications move into the settled inbox
 * index after a change has answered (a batch per turn of the event loop), and the write-ahead log
 * is folded into the database every couple of seconds while nothing is writing (openDatabase's
 * ceiling makes a commit do it only when a long burst leaves no such moment).
 */
export function startMaintenance(core: Core, options: { onClockJump?: () => void } = {}): () => void {
  let fresh = 0;
  let settling: NodeJS.Immediate | null = null;
  const settleSoon = () => {
    if (settling) return;
    settling = setImmediate(() => {
      settling = null;
      fresh = 0;
      if (core.isBusy() || !core.db.$client.open) return;
      try {
        if (core.write(null, (ctx) => notifications.settle(ctx, SETTLE_BATCH)) === SETTLE_BATCH) settleSoon();
      } catch (error) {
        console.error('Storage maintenance failed:', error);
      }
    });
  };
  // One timer, set for the next snooze due; any change to snoozes sets it again. Capped at the
  // hourly check so a clock put forward, or a computer waking from sleep, is noticed.
  let waker: NodeJS.Timeout | null = null;
  const armWaker = () => {
    if (waker) clearTimeout(waker);
    waker = null;
    if (!core.db.$client.open) return;
    const due = core.read((ctx) => notifications.nextWake(ctx));
    if (due === null) return;
    waker = setTimeout(
      () => {
        waker = null;
        if (!core.db.$client.open) return;
        if (core.isBusy()) return void setTimeout(armWaker, 1000).unref();
        try {
          wakeSnoozed(core);
        } catch (error) {
          console.error('Bringing back snoozed notifications failed:', error);
        }
        armWaker();
      },
      Math.min(Math.max(0, due - core.clock.now()), CHECK_EVERY_MS),
    );
    waker.unref();
  };
  const stopCounting = core.afterCommit((change) => {
    fresh += change.freshNotifications;
    if (fresh >= SETTLE_AFTER_FRESH) settleSoon();
    if (change.snoozesChanged) armWaker();
    if (change.forecastsLater.size > 0) {
      forecastLater(core, change.forecastsLater, { silently: change.alertsSilenced }).catch((error: unknown) => console.error('The usage forecast check failed:', error));
    }
  });
  armWaker();
  const checkpoint = setInterval(() => {
    if (core.isBusy() || !core.db.$client.open) return;
    try {
      if (notifications.hasFresh(core)) settleSoon();
      core.db.$client.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      console.error('Storage maintenance failed:', error);
    }
  }, CHECKPOINT_EVERY_MS);
  checkpoint.unref();
  const tick = () => {
    if (core.isBusy()) return;
    try {
      runDailyCleanup(core);
      runOverdueCheck(core);
      void runDailyForecastCheck(core);
    } catch (error) {
      console.error('Scheduled maintenance failed:', error);
    }
  };
  tick();
  const timer = setInterval(tick, CHECK_EVERY_MS);
  timer.unref();
  // Woken from sleep, or the clock was set: what fell due meanwhile is done now, not at the next check.
  const stopWatchingClock = watchClockJumps(core.clock, () => {
    if (!core.db.$client.open) return;
    armWaker();
    tick();
    options.onClockJump?.();
  });
  return () => {
    stopWatchingClock();
    clearInterval(timer);
    clearInterval(checkpoint);
    if (waker) clearTimeout(waker);
    stopCounting();
    if (settling) clearImmediate(settling);
  };
}
