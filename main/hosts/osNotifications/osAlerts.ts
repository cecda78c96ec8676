import type { EventPayload } from '../../contract/events';
import type { Core } from '../../core/core';
import { preferenceFor } from '../../core/notifications/preferences';
import { quietEndsAt, quietHoursOf } from '../../core/notifications/quietHours';
import { AlertBatcher, type BannerOutcome, type OsNotifier } from './alertBatcher';

/** What became of these notifications' banners on this computer; a record only, never in the way of a banner. */
function recordBanners(core: Core, notificationIds: number[], outcome: BannerOutcome): void {
  if (notificationIds.length === 0 || !core.db.$client.open || core.isBusy()) return;
  try {
    core.write(null, (ctx) => {
      const keep = ctx.db.$client.prepare('insert or replace into banner_deliveries (notification_id, outcome, at) select value, ?, ? from json_each(?) where value in (select id from notifications)');
      keep.run(outcome, ctx.clock.now(), JSON.stringify(notificationIds));
    });
  } catch (error) {
    console.error('Recording a banner failed:', error);
  }
}

export interface OsAlertOptions {
  notifier: OsNotifier;
  /** Who is signed in on this machine right now; banners go to them only. */
  signedIn: () => ReadonlySet<number>;
  open: (path: string) => void;
  windowMs?: number;
}

/**
 * Turns each signed-in person's new notifications into OS banners, grouped, respecting their
 * per-kind desktop preference. Nothing is shown for someone who signed out meanwhile.
 */
export function startOsAlerts(core: Core, options: OsAlertOptions): () => void {
  const batchers = new Map<number, AlertBatcher>();
  const batcherFor = (userId: number): AlertBatcher => {
    let batcher = batchers.get(userId);
    if (!batcher) {
      batcher = new AlertBatcher({
        windowMs: options.windowMs ?? 1500,
        wants: (kind) => core.read((ctx) => preferenceFor(ctx, userId, kind).desktop),
        quietUntil: () => core.read((ctx) => quietEndsAt(quietHoursOf(ctx, userId), ctx.clock.now())),
        now: () => core.clock.now(),
        record: (ids, outcome) => recordBanners(core, ids, outcome),
        notifier: {
          show: (alert, onClick) => {
            if (options.signedIn().has(userId)) options.notifier.show(alert, onClick);
          },
        },
        open: options.open,
      });
      batchers.set(userId, batcher);
    }
    return batcher;
  };
  const stop = core.onEvent((event, payload, audience) => {
    if (event !== 'notifications.changed' || 'everyone' in audience) return;
    const { created } = payload as EventPayload<'notifications.changed'>;
    if (created.length === 0) return;
    if (!options.signedIn().has(audience.userId)) return recordBanners(core, created.map((view) => view.id), 'signed-out');
    batcherFor(audience.userId).add(created);
  });
  return () => {
    stop();
    for (const batcher of batchers.values()) batcher.clear();
  };
}
