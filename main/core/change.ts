import type { InventoryArea } from '../contract/events';
import type { NotificationView } from '../contract/notifications';

/**
 * What one transaction touched. Services record into it while they write; the core acts on it
 * once: before commit (evaluations that must be in the same transaction) and after commit (events).
 */
export class Change {
  readonly areas = new Set<InventoryArea>();
  /** Parts whose own stock, variant tree or threshold moved; each is evaluated once per change. */
  readonly touchedParts = new Set<number>();
  /** How much each part's total moved in this change, for parts whose stock moved. */
  readonly stockMoves = new Map<number, number>();
  /** Touched parts for which more than stock moved (a threshold, an order, a lead time). */
  readonly touchedBesidesStock = new Set<number>();

  /**
   * Parts a large change touched whose forecasts are looked at after it commits, in the background,
   * so a bulk change of thousands of parts does not wait for thousands of forecasts.
   */
  readonly forecastsLater = new Set<number>();

  /** New notifications per user, pushed to that user's windows after commit. */
  readonly notified = new Map<number, NotificationView[]>();

  /**
   * Loading a whole inventory (demo, import) states what is, it does not move stock: low states are
   * computed but nobody is alerted for them.
   */
  alertsSilenced = false;

  /**
   * In a team, a desktop's own change does not alert or send notices while it is written: those
   * follow from the team's merged order, when the change comes back from the log (main/team).
   */
  derivationsDeferred = false;

  /** Notifications the change wrote into the fresh inbox index (see notifications.settle). */
  freshNotifications = 0;

  /** Snoozes were set or ended: the waker looks again for the next one due. */
  snoozesChanged = false;

  /** The change queued email; the mail worker is woken once it commits. */
  mailQueued = false;

  /** The change queued posts to people's channels (webhook, ntfy, Slack); their worker is woken once it commits. */
  channelsQueued = false;

  /** A team desktop queued this change for the team's log; its publisher is woken once it commits. */
  teamEventQueued = false;

  /** People whose subscriptions changed: every view of what they follow, in all their windows, refreshes. */
  readonly subscriptionsChanged = new Set<number>();

  /** People whose sessions the change ended (a password reset, a deactivation); 'everyone' after a restore. */
  sessionsEnded: Set<number> | 'everyone' = new Set();

  touch(...areas: InventoryArea[]): void {
    for (const area of areas) this.areas.add(area);
  }

  /** A user's notifications changed; `created` is a new one, if any. */
  notify(userId: number, created?: NotificationView): void {
    const list = this.notified.get(userId) ?? [];
    if (created) list.push(created);
    this.notified.set(userId, list);
  }

  subscriptionsOf(userId: number): void {
    this.subscriptionsChanged.add(userId);
  }

  endSessionsOf(userId: number): void {
    if (this.sessionsEnded !== 'everyone') this.sessionsEnded.add(userId);
  }

  endAllSessions(): void {
    this.sessionsEnded = 'everyone';
  }

  touchPart(partId: number): void {
    this.touchedParts.add(partId);
    this.touchedBesidesStock.add(partId);
    this.areas.add('parts');
  }

  /** The part's total (variants included) moved by `delta`. */
  stockMoved(partId: number, delta: number): void {
    this.touchedParts.add(partId);
    this.stockMoves.set(partId, (this.stockMoves.get(partId) ?? 0) + delta);
    this.areas.add('parts');
  }
}
