import type { OutboxStatus } from '../../../db/schema';
import type { CoreContext, WriteContext } from '../context';
import { notFound } from '../errors';
import { INSERT_CHUNK } from '../notifications/notifications';
import type { EmailContent } from './templates';

/** A body already in outbox_bodies, with the subject it was composed with. */
export interface StoredBody {
  bodyId: number;
  subject: string;
}

export interface QueuedEmail {
  /** The same content object for many recipients is stored once. */
  content: EmailContent | StoredBody;
  userId: number | null;
  notificationId: number | null;
  kind: string;
  recipient: string;
  headers: Record<string, string>;
  subjectKind?: string;
  subjectId?: number;
  dedupeKey?: string;
}

export interface OutboxRow {
  id: number;
  userId: number | null;
  kind: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  headers: string;
  subjectKind: string | null;
  subjectId: number | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  messageId: string | null;
  createdAt: number;
  sentAt: number | null;
  notificationId: number | null;
  dedupeKey: string | null;
}

const rowColumns = `outbox.id, user_id as userId, kind, recipient, subject,
  (select text_body from outbox_bodies b where b.id = outbox.body_id) as textBody,
  (select html_body from outbox_bodies b where b.id = outbox.body_id) as htmlBody, headers,
  subject_kind as subjectKind, subject_id as subjectId, status, attempts, next_attempt_at as nextAttemptAt,
  last_error as lastError, message_id as messageId, created_at as createdAt, sent_at as sentAt,
  notification_id as notificationId, dedupe_key as dedupeKey`;

// Bodies already written in this transaction, by the content object that produced them.
const writtenBodies = new WeakMap<object, WeakMap<EmailContent, number>>();

function bodyId(ctx: WriteContext, content: EmailContent | StoredBody): number {
  if ('bodyId' in content) return content.bodyId;
  let known = writtenBodies.get(ctx.change);
  if (!known) {
    known = new WeakMap();
    writtenBodies.set(ctx.change, known);
  }
  let id = known.get(content);
  if (id === undefined) {
    id = outbox.storeBody(ctx, content);
    known.set(content, id);
  }
  return id;
}

/** The durable queue of emails. Every state change is a short transaction of its own. */
export const outbox = {
  storeBody(ctx: WriteContext, content: EmailContent): number {
    return Number(ctx.db.$client.prepare('insert into outbox_bodies (text_body, html_body) values (?, ?)').run(content.text, content.html).lastInsertRowid);
  },

  enqueue(ctx: WriteContext, email: QueuedEmail): void {
    outbox.enqueueMany(ctx, [email]);
  },

  /** Many emails with few statements; a body shared by several rows is written once. */
  enqueueMany(ctx: WriteContext, emails: QueuedEmail[]): void {
    if (emails.length === 0) return;
    const now = ctx.clock.now();
    for (let start = 0; start < emails.length; start += INSERT_CHUNK) {
      const chunk = emails.slice(start, start + INSERT_CHUNK);
      ctx.db.$client
        .prepare(
          `insert into outbox (user_id, notification_id, kind, recipient, subject, body_id, headers, subject_kind,
             subject_id, status, attempts, next_attempt_at, created_at, dedupe_key)
           values ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?)").join(', ')}`,
        )
        .run(
          ...chunk.flatMap((email) => [
            email.userId,
            email.notificationId,
            email.kind,
            email.recipient,
            email.content.subject,
            bodyId(ctx, email.content),
            JSON.stringify(email.headers),
            email.subjectKind ?? null,
            email.subjectId ?? null,
            now,
            now,
            email.dedupeKey ?? null,
          ]),
        );
    }
    ctx.change.mailQueued = true;
  },

  /** Takes up to `limit` due emails and marks them as being sent, so no other pass takes them too. */
  claimDue(ctx: WriteContext, limit: number): OutboxRow[] {
    const ids = ctx.db.$client
      .prepare(
        `update outbox set status = 'sending', attempts = attempts + 1
         where id in (select id from outbox where status = 'queued' and next_attempt_at <= ? order by next_attempt_at, id limit ?)
         returning id`,
      )
      .pluck()
      .all(ctx.clock.now(), limit) as number[];
    if (ids.length === 0) return [];
    return ctx.db.$client.prepare(`select ${rowColumns} from outbox where id in (select value from json_each(?)) order by id`).all(JSON.stringify(ids)) as OutboxRow[];
  },

  nextDueAt(ctx: CoreContext): number | null {
    return (ctx.db.$client.prepare(`select min(next_attempt_at) from outbox where status = 'queued'`).pluck().get() as number | null) ?? null;
  },

  markSent(ctx: WriteContext, id: number, messageId: string): void {
    ctx.db.$client
      .prepare(`update outbox set status = 'sent', message_id = ?, sent_at = ?, last_error = null where id = ?`)
      .run(messageId, ctx.clock.now(), id);
  },

  markRetry(ctx: WriteContext, id: number, error: string, at: number): void {
    ctx.db.$client.prepare(`update outbox set status = 'queued', last_error = ?, next_attempt_at = ? where id = ?`).run(error, at, id);
  },

  markFailed(ctx: WriteContext, id: number, error: string): void {
    ctx.db.$client.prepare(`update outbox set status = 'failed', last_error = ? where id = ?`).run(error, id);
  },

  /** Another desktop of the team sent it (it claimed it first): nothing to send here. */
  markSentElsewhere(ctx: WriteContext, id: number): void {
    ctx.db.$client
      .prepare(`update outbox set status = 'sent', sent_at = ?, last_error = 'Sent by another desktop of the team.' where id = ?`)
      .run(ctx.clock.now(), id);
  },

  markDropped(ctx: WriteContext, id: number, reason: string): void {
    ctx.db.$client.prepare(`update outbox set status = 'dropped', last_error = ? where id = ?`).run(reason, id);
  },

  /**
   * After a crash mid-send, rows left in 'sending' go back to the queue. The server may have taken
   * one already; sending it again is the lesser harm than losing it.
   */
  requeueInterrupted(ctx: WriteContext): number {
    return ctx.db.$client.prepare(`update outbox set status = 'queued' where status = 'sending'`).run().changes;
  },

  retryNow(ctx: WriteContext, id: number): void {
    const changed = ctx.db.$client
      .prepare(`update outbox set status = 'queued', next_attempt_at = ? where id = ? and status in ('queued', 'failed')`)
      .run(ctx.clock.now(), id).changes;
    if (changed === 0) throw notFound('Waiting or failed email');
    ctx.change.mailQueued = true;
  },

  discard(ctx: WriteContext, id: number): void {
    const changed = ctx.db.$client
      .prepare(`update outbox set status = 'dropped', last_error = 'Discarded by an administrator' where id = ? and status in ('queued', 'failed')`)
      .run(id).changes;
    if (changed === 0) throw notFound('Waiting or failed email');
  },

  counts(ctx: CoreContext): Record<OutboxStatus, number> {
    const counts: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0, dropped: 0 };
    const rows = ctx.db.$client.prepare('select status, count(*) as count from outbox group by status').all() as { status: OutboxStatus; count: number }[];
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  },

  /** Mail is paused when something waits for a retry after a failure; the app shows a banner. */
  health(ctx: CoreContext): { paused: boolean; waiting: number; lastError: string | null } {
    const row = ctx.db.$client
      .prepare(
        `select count(*) as waiting, (select last_error from outbox where status = 'queued' and last_error is not null order by id desc limit 1) as lastError
         from outbox where status in ('queued', 'sending')`,
      )
      .get() as { waiting: number; lastError: string | null };
    return { paused: row.lastError !== null, waiting: row.waiting, lastError: row.lastError };
  },

  recentProblems(ctx: CoreContext, limit: number): OutboxRow[] {
    return ctx.db.$client
      .prepare(
        `select ${rowColumns} from outbox where status = 'failed' or (status = 'queued' and last_error is not null)
         order by id desc limit ?`,
      )
      .all(limit) as OutboxRow[];
  },
};
