import type { NotificationView } from '../../contract/notifications';

/** What the operating system is asked to show: one banner, whatever arrived together. */
export interface OsAlert {
  title: string;
  body: string;
  /** App route to open when the banner is clicked. */
  path: string;
}

/** The one thing a host needs to show a banner; Electron's Notification or notify-send behind it. */
export interface OsNotifier {
  show(alert: OsAlert, onClick: () => void): void;
}

const kindNouns: Record<string, [string, string]> = {
  'part.low_stock': ['part is low on stock', 'parts are low on stock'],
  'part.will_run_low': ['part will run low', 'parts will run low'],
  'build.stock_required': ['build order needs stock', 'build orders need stock'],
  'build.created': ['new build order', 'new build orders'],
  'build.completed': ['build order was completed', 'build orders were completed'],
  'build.cancelled': ['build order was cancelled', 'build orders were cancelled'],
  'build.overdue': ['build order is overdue', 'build orders are overdue'],
  'team.overwritten': ['change of yours was replaced', 'changes of yours were replaced'],
};

/** Several notifications at once become one banner: "3 parts are low on stock", not a burst. */
export function summarize(batch: NotificationView[]): OsAlert | null {
  const [first] = batch;
  if (!first) return null;
  if (batch.length === 1) return { title: first.title, body: first.message, path: first.link };
  const kinds = new Set(batch.map((entry) => entry.kind));
  const nouns = kinds.size === 1 ? kindNouns[first.kind] : undefined;
  const title = nouns ? `${batch.length} ${nouns[1]}` : `${batch.length} new notifications`;
  // Low stock is what a banner is usually about, so its parts are named alone; a forecast's only
  // under a heading that says they will run low.
  const names = batch.slice(0, 3).map((entry) => entry.title.replace(nouns ? /^(Low stock|Will run low): / : /^Low stock: /, ''));
  const more = batch.length > 3 ? ` and ${batch.length - 3} more` : '';
  return { title, body: `${names.join(', ')}${more}`, path: '/inbox' };
}

export interface BatcherOptions {
  /** Notifications arriving within this window are shown together. */
  windowMs?: number;
  /** Whether this person wants banners for this kind (their per-kind desktop preference). */
  wants: (kind: string) => boolean;
  notifier: OsNotifier;
  open: (path: string) => void;
  /** When this person's quiet hours end, if they are in them now (banners wait until then). */
  quietUntil?: () => number | null;
  now?: () => number;
  /** Keeps what became of each notification's banner, for "Why did I get this?". */
  record?: (notificationIds: number[], outcome: BannerOutcome) => void;
}

export type BannerOutcome = 'shown' | 'held' | 'released' | 'off' | 'signed-out';

/**
 * Collects the signed-in person's new notifications for a moment, then shows one banner for them.
 * Kinds the person switched off for the desktop are left out.
 */
export class AlertBatcher {
  private pending: NotificationView[] = [];
  private timer: NodeJS.Timeout | null = null;
  private held: NotificationView[] = [];
  private heldTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: BatcherOptions) {}

  add(created: NotificationView[]): void {
    const wanted = created.filter((entry) => this.options.wants(entry.kind));
    const unwanted = created.filter((entry) => !wanted.includes(entry));
    if (unwanted.length > 0) this.options.record?.(unwanted.map((entry) => entry.id), 'off');
    if (wanted.length === 0) return;
    const quietUntil = this.options.quietUntil?.() ?? null;
    if (quietUntil !== null) {
      // Quiet hours: kept for one summary banner when they end.
      this.held.push(...wanted);
      this.options.record?.(wanted.map((entry) => entry.id), 'held');
      if (!this.heldTimer) {
        const now = this.options.now?.() ?? Date.now();
        this.heldTimer = setTimeout(() => this.releaseHeld(), Math.max(0, quietUntil - now));
      }
      return;
    }
    this.pending.push(...wanted);
    this.timer ??= setTimeout(() => this.flush(), this.options.windowMs ?? 1500);
  }

  /** Drops anything waiting (the person signed out). */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.heldTimer) clearTimeout(this.heldTimer);
    this.timer = null;
    this.heldTimer = null;
    this.pending = [];
    this.held = [];
  }

  /** The quiet hours ended: what arrived meanwhile, as one banner. */
  releaseHeld(): void {
    if (this.heldTimer) clearTimeout(this.heldTimer);
    this.heldTimer = null;
    const held = this.held;
    this.held = [];
    const alert = summarize(held);
    if (!alert) return;
    const summary = held.length > 1 ? { ...alert, title: `During your quiet hours: ${held.length} notifications` } : alert;
    this.options.notifier.show(summary, () => this.options.open(summary.path));
    this.options.record?.(held.map((entry) => entry.id), 'released');
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const shown = this.pending;
    const alert = summarize(shown);
    this.pending = [];
    if (alert) this.options.notifier.show(alert, () => this.options.open(alert.path));
    this.options.record?.(shown.map((entry) => entry.id), 'shown');
  }
}
