import type { Transporter } from 'nodemailer';
import type { Core } from '../core';
import type { Secrets } from '../ports';
import { DrainLoop } from '../drainLoop';
import { preferenceFor } from '../notifications/preferences';
import { expandFanout, nextFanout } from './delivery';
import { claimKeyOf, ownMail, type ClaimAnswer, type MailClaims } from './mailClaims';
import { queueDueDigests } from './digest';
import { emailIsOn, readEmailSettings, smtpConfig, type SmtpConfig } from './emailSettings';
import { outbox, type OutboxRow } from './outbox';
import { SentMarks } from './sentMarks';
import { classifySendError, defaultRetryPolicy, retryDelay, type RetryPolicy } from './smtpErrors';
import { configKey, fromHeader, pooledTransport } from './smtpTransport';

export interface MailWorkerOptions {
  batchSize?: number;
  maxConnections?: number;
  retry?: RetryPolicy;
  /** How often to look for due digests and retries when nothing wakes the worker. */
  idleCheckMs?: number;
  /** In a team, who sends each email (asked per email, so joining or leaving a team takes effect at once). */
  claims?: () => MailClaims;
}

/** How long to wait before asking again about an email another desktop is sending, or while the team is unreachable. */
const CLAIM_RETRY_MS = 60_000;

/**
 * Drains the outbox through one pooled SMTP transport. The stock path never waits for it: a commit
 * that queued mail only wakes it. Every outcome is written back to its row before the next batch is
 * claimed.
 */
export class MailWorker {
  private transport: Transporter | null = null;
  private transportKey = '';
  private readonly loop: DrainLoop;
  /** Fan-outs that failed to expand: skipped until the next start, so they are not retried in a loop. */
  private readonly unexpandable = new Set<number>();
  private readonly sentMarks = new SentMarks(
    (marks) =>
      this.core.write(null, (ctx) => {
        for (const mark of marks) outbox.markSent(ctx, mark.id, mark.messageId);
      }),
    () => this.core.isBusy(),
  );

  constructor(
    private readonly core: Core,
    private readonly secrets: Secrets,
    private readonly options: MailWorkerOptions = {},
  ) {
    this.loop = new DrainLoop({
      name: 'Mail worker',
      drain: () => this.drain(),
      nextDueAt: () => core.read((ctx) => outbox.nextDueAt(ctx)),
      now: () => core.clock.now(),
      idleCheckMs: options.idleCheckMs ?? 60_000,
      afterCommit: (hook) => core.afterCommit(hook),
      queued: (change) => change.mailQueued,
    });
  }

  private get stopped(): boolean {
    return this.loop.stopped;
  }

  start(): void {
    this.core.write(null, (ctx) => outbox.requeueInterrupted(ctx));
    this.loop.start();
  }

  /** Ask for a drain now; if one is running, it goes round once more. */
  wake(): void {
    this.loop.wake();
  }

  /** Resolves once everything due now has been tried. */
  idle(): Promise<void> {
    return this.loop.idle();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    this.transport?.close();
    this.transport = null;
  }

  private transportFor(config: SmtpConfig): Transporter {
    const key = configKey(config);
    if (!this.transport || key !== this.transportKey) {
      this.transport?.close();
      this.transport = pooledTransport(config, this.options.maxConnections ?? 4);
      this.transportKey = key;
    }
    return this.transport;
  }

  private async drain(): Promise<void> {
    // An import holds the database; the timer brings the worker back afterwards.
    if (this.core.isBusy()) return;
    // Fan-outs first, each in a short transaction of its own. One that cannot be expanded is logged
    // and stays queued (tried again at the next start); it must not hold up the others or the outbox.
    for (let after = 0; !this.stopped && !this.core.isBusy(); ) {
      const id = this.core.read((ctx) => nextFanout(ctx, after));
      if (id === null) break;
      after = id;
      if (this.unexpandable.has(id)) continue;
      try {
        this.core.write(null, (ctx) => expandFanout(ctx, id));
      } catch (error) {
        this.unexpandable.add(id);
        console.error(`Queued email ${id} could not be expanded:`, error);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (this.stopped || this.core.isBusy()) return;
    this.core.write(null, (ctx) => queueDueDigests(ctx));
    const batchSize = this.options.batchSize ?? 50;
    for (;;) {
      if (this.stopped || this.core.isBusy()) return;
      const settings = this.core.read((ctx) => readEmailSettings(ctx));
      if (!emailIsOn(settings)) return;
      const rows = this.core.write(null, (ctx) => outbox.claimDue(ctx, batchSize));
      if (rows.length === 0) return;
      const config = smtpConfig(settings, this.secrets);
      const transport = this.transportFor(config);
      await Promise.all(rows.map((row) => this.deliver(row, transport, config)));
    }
  }

  /** Why a waiting email should no longer go out, or null. */
  private staleReason(row: OutboxRow): string | null {
    return this.core.read((ctx) => {
      if (row.userId !== null && row.kind !== 'digest') {
        const user = ctx.db.$client.prepare('select active from users where id = ?').get(row.userId) as { active: number } | undefined;
        if (!user || user.active !== 1) return 'The recipient account is deactivated.';
        if (!preferenceFor(ctx, row.userId, row.kind).email) return 'The recipient turned these emails off.';
      }
      if (row.subjectKind === 'part.low_stock' && row.subjectId !== null) {
        const low = ctx.db.$client.prepare('select is_low from parts where id = ?').pluck().get(row.subjectId) as number | undefined;
        if (low !== 1) return 'The part was no longer low on stock when the email could be sent.';
      }
      return null;
    });
  }

  /** Waits out a long write (an import) so a send's outcome is always recorded. */
  private async whenFree(): Promise<void> {
    while (this.core.isBusy()) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  private async deliver(row: OutboxRow, transport: Transporter, config: SmtpConfig): Promise<void> {
    const stale = this.staleReason(row);
    if (stale) {
      this.core.write(null, (ctx) => outbox.markDropped(ctx, row.id, stale));
      return;
    }
    const key = claimKeyOf(row);
    const claims = this.options.claims?.() ?? ownMail;
    const claim = key === null ? 'mine' : await claims.claim(key).catch((): ClaimAnswer => 'unreachable');
    if (claim !== 'mine') {
      await this.whenFree();
      this.core.write(null, (ctx) => {
        if (claim === 'sent-elsewhere') outbox.markSentElsewhere(ctx, row.id);
        else outbox.markRetry(ctx, row.id, claim === 'unreachable' ? 'The team server is not reachable: waiting to agree which desktop sends it.' : 'Another desktop of the team is sending it.', ctx.clock.now() + CLAIM_RETRY_MS);
      });
      return;
    }
    try {
      const info = (await transport.sendMail({
        from: fromHeader(config),
        to: row.recipient,
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody,
        headers: JSON.parse(row.headers) as Record<string, string>,
      })) as { messageId?: string };
      if (key !== null) await claims.sent(key).catch(() => undefined);
      await this.sentMarks.mark(row.id, info.messageId ?? '');
    } catch (error) {
      const failure = classifySendError(error, config.trust.kind);
      await this.whenFree();
      this.core.write(null, (ctx) => {
        if (failure.permanent) outbox.markFailed(ctx, row.id, failure.message);
        else outbox.markRetry(ctx, row.id, failure.message, ctx.clock.now() + retryDelay(row.attempts, this.options.retry ?? defaultRetryPolicy));
      });
    }
  }
}
