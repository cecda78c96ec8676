import type { Change } from './change';

/**
 * The loop behind a background worker that drains a queue (the mail outbox, the channels' posts):
 * one drain at a time, woken by commits that queued work, and otherwise by a timer set for the next
 * item due (never later than the idle check, so work that became due another way is found).
 */
export class DrainLoop {
  private stopAfterCommit: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private stoppedFlag = false;

  constructor(
    private readonly options: {
      /** Named in the log when a drain fails. */
      name: string;
      drain: () => Promise<void>;
      nextDueAt: () => number | null;
      now: () => number;
      idleCheckMs: number;
      /** Subscribes to commits; `queued` says whether a commit left work for this loop. */
      afterCommit: (hook: (change: Change) => void) => () => void;
      queued: (change: Change) => boolean;
    },
  ) {}

  /** Wakes after every commit that queued work, and once now. */
  start(): void {
    this.stopAfterCommit = this.options.afterCommit((change) => {
      if (this.options.queued(change)) this.wake();
    });
    this.wake();
  }

  get stopped(): boolean {
    return this.stoppedFlag;
  }

  /** Ask for a drain now; if one is running, it goes round once more. */
  wake(): void {
    if (this.stoppedFlag) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    // Started on the next tick, so `draining` is set before the drain's own writes can call wake().
    this.draining = Promise.resolve()
      .then(() => this.options.drain())
      .catch((error: unknown) => console.error(`${this.options.name} failed:`, error))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.wake();
        } else {
          this.schedule();
        }
      });
  }

  /** Resolves once everything due now has been tried. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  async stop(): Promise<void> {
    this.stopAfterCommit?.();
    this.stoppedFlag = true;
    if (this.timer) clearTimeout(this.timer);
    await this.idle();
  }

  private schedule(): void {
    if (this.stoppedFlag) return;
    if (this.timer) clearTimeout(this.timer);
    const nextDue = this.options.nextDueAt();
    const wait = nextDue === null ? this.options.idleCheckMs : Math.max(0, Math.min(this.options.idleCheckMs, nextDue - this.options.now()));
    this.timer = setTimeout(() => this.wake(), wait);
    this.timer.unref();
  }
}
