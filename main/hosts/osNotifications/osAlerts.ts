import type { EventPayload } from '../../contract/events';
import type { Core } from '../../core/core';
import { preferenceFor } from '../../core/notifications/preferences';
import { quietEndsAt, quietHoursOf } from '../../core/notifications/quietHours';
import { AlertBatcher, type OsNotifier } from './alertBatcher';

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
    if (created.length === 0 || !options.signedIn().has(audience.userId)) return;
    batcherFor(audience.userId).add(created);
  });
  return () => {
    stop();
    for (const batcher of batchers.values()) batcher.clear();
  };
}
