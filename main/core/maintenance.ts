import { buildOrders } from './builds/buildOrders';
import type { Core } from './core';
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

const CHECKPOINT_EVERY_MS = 2000;

/**
 * Runs the checks at start and then hourly (what they did is stored, so restarts don't repeat it),
 * and folds the write-ahead log into the database every couple of seconds while nothing is writing.
 */
export function startMaintenance(core: Core): () => void {
  const checkpoint = setInterval(() => {
    if (!core.isBusy() && core.db.$client.open) core.db.$client.pragma('wal_checkpoint(PASSIVE)');
  }, CHECKPOINT_EVERY_MS);
  checkpoint.unref();
  const tick = () => {
    if (core.isBusy()) return;
    try {
      runDailyCleanup(core);
      runOverdueCheck(core);
    } catch (error) {
      console.error('Scheduled maintenance failed:', error);
    }
  };
  tick();
  const timer = setInterval(tick, CHECK_EVERY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    clearInterval(checkpoint);
  };
}
