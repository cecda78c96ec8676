import type { Core } from '../core';
import type { Secrets } from '../ports';
import { DrainLoop } from '../drainLoop';
import { defaultRetryPolicy, retryDelay, type RetryPolicy } from '../mail/smtpErrors';
import { channelDeliveries, type ClaimedDelivery } from './deliveries';
import { DEFAULT_POST_TIMEOUT_MS, postRequest } from './post';
import { requestFor, type ChannelMessage } from './requests';

export interface ChannelWorkerOptions {
  batchSize?: number;
  retry?: RetryPolicy;
  /** Tries before a delivery is given up and shown as failed. */
  maxAttempts?: number;
  timeoutMs?: number;
  /** How often to look for due retries when nothing wakes the worker. */
  idleCheckMs?: number;
}

/**
 * Drains the channels' outbox. Like the mail worker, the stock path never waits for it: a commit
 * that queued posts only wakes it, and a slow or dead receiver holds up nothing but its own posts.
 */
export class ChannelWorker {
  private readonly loop: DrainLoop;

  constructor(
    private readonly core: Core,
    private readonly secrets: Secrets,
    private readonly options: ChannelWorkerOptions = {},
  ) {
    this.loop = new DrainLoop({
      name: 'Channel worker',
      drain: () => this.drain(),
      nextDueAt: () => core.read((ctx) => channelDeliveries.nextDueAt(ctx)),
      now: () => core.clock.now(),
      idleCheckMs: options.idleCheckMs ?? 60_000,
      afterCommit: (hook) => core.afterCommit(hook),
      queued: (change) => change.channelsQueued,
    });
  }

  start(): void {
    this.core.write(null, (ctx) => channelDeliveries.requeueInterrupted(ctx));
    this.loop.start();
  }

  wake(): void {
    this.loop.wake();
  }

  idle(): Promise<void> {
    return this.loop.idle();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.loop.stopped || this.core.isBusy()) return;
      const rows = this.core.write(null, (ctx) => channelDeliveries.claimDue(ctx, this.options.batchSize ?? 20));
      if (rows.length === 0) return;
      await Promise.all(rows.map((row) => this.deliver(row)));
    }
  }

  /** Why a waiting post should no longer go out, or null. */
  private staleReason(row: ClaimedDelivery): string | null {
    return this.core.read((ctx) => {
      if (row.userId !== null && ctx.db.$client.prepare('select active from users where id = ?').pluck().get(row.userId) !== 1) return 'The account is deactivated.';
      if (ctx.db.$client.prepare('select enabled from channels where id = ?').pluck().get(row.channelId) !== 1) return 'The channel was switched off.';
      if (row.subjectId !== null && ctx.db.$client.prepare('select is_low from parts where id = ?').pluck().get(row.subjectId) !== 1) {
        return 'The part was no longer low on stock when it could be posted.';
      }
      return null;
    });
  }

  /** Waits out a long write (an import) so a post's outcome is always recorded. */
  private async whenFree(): Promise<void> {
    while (this.core.isBusy()) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  private async deliver(row: ClaimedDelivery): Promise<void> {
    const stale = this.staleReason(row);
    if (stale) {
      this.core.write(null, (ctx) => channelDeliveries.mark(ctx, row.id, 'dropped', { error: stale }));
      return;
    }
    let secret: string;
    try {
      secret = row.sealedSecret === '' ? '' : this.secrets.decrypt(row.sealedSecret);
    } catch {
      this.core.write(null, (ctx) =>
        channelDeliveries.mark(ctx, row.id, 'failed', { error: 'Its secret cannot be read on this computer (was the data folder copied from another?). Remove the channel and add it again.' }),
      );
      return;
    }
    const message = JSON.parse(row.payload) as ChannelMessage;
    const request = requestFor(row.channelKind, row.url, secret, message, Math.floor(this.core.clock.now() / 1000));
    const outcome = await postRequest(request, this.options.timeoutMs ?? DEFAULT_POST_TIMEOUT_MS);
    await this.whenFree();
    this.core.write(null, (ctx) => {
      if (outcome.kind === 'sent') channelDeliveries.mark(ctx, row.id, 'sent', { responseStatus: outcome.status });
      // `attempts` was read as it claimed the row: this try is one more.
      else if (outcome.kind === 'refused' || row.attempts + 1 >= (this.options.maxAttempts ?? 8)) {
        channelDeliveries.mark(ctx, row.id, 'failed', { error: outcome.message, responseStatus: outcome.status });
      } else {
        const delay = Math.max(retryDelay(row.attempts, this.options.retry ?? defaultRetryPolicy), outcome.retryAfterMs ?? 0);
        channelDeliveries.mark(ctx, row.id, 'queued', { error: outcome.message, responseStatus: outcome.status, nextAttemptAt: ctx.clock.now() + delay });
      }
    });
  }
}

/** Posts a test message to one channel now, outside the queue: what a person sees under "Send test". */
export async function postChannelTest(core: Core, secrets: Secrets, channel: { kind: ClaimedDelivery['channelKind']; url: string; sealedSecret: string }, timeoutMs = DEFAULT_POST_TIMEOUT_MS) {
  const now = core.clock.now();
  const links = core.read((ctx) => ctx.links);
  const message: ChannelMessage = {
    deliveryId: `stockbell-test-${now}`,
    kind: 'test',
    title: 'Stockbell test message',
    message: 'This channel works: Stockbell will post your notifications here.',
    reason: 'You asked for a test message.',
    appLink: links.deepLink('/profile'),
    webLink: links.webLink('/profile'),
    createdAt: now,
  };
  const secret = channel.sealedSecret === '' ? '' : secrets.decrypt(channel.sealedSecret);
  const outcome = await postRequest(requestFor(channel.kind, channel.url, secret, message, Math.floor(now / 1000)), timeoutMs);
  if (outcome.kind === 'sent') return { ok: true, status: outcome.status, message: `Delivered: the service answered ${outcome.status}.` };
  return { ok: false, status: outcome.status, message: outcome.message };
}
