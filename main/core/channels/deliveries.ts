import type { ChannelDeliveryStatus } from '../../../db/schema/channels';
import type { NotificationView } from '../../contract/notifications';
import type { CoreContext, WriteContext } from '../context';
import { quietEndsAt, type QuietHours } from '../notifications/quietHours';
import { describeVia, groupsFollowingPart } from '../subscriptions/subscribers';
import type { ChannelMessage } from './requests';

// The channels' durable outbox: a row per channel and notification, written in the notification's
// own transaction (so nothing a person was told in the app is lost to a crash before it is posted),
// claimed by the channel worker, and marked with every outcome.

/** A delivery the worker has claimed, with where it goes. */
export interface ClaimedDelivery {
  id: number;
  channelId: number;
  kind: string;
  payload: string;
  subjectId: number | null;
  attempts: number;
  channelKind: 'webhook' | 'ntfy' | 'slack';
  url: string;
  sealedSecret: string;
  /** The person whose channel it is; null for a group's. */
  userId: number | null;
}

interface ChannelTarget {
  id: number;
  userId: number;
  kinds: string;
  quietHours: string | null;
}

/**
 * Queues a post to each enabled channel of the people just told, for the kinds each carries. The
 * caller passes nobody when no channel exists, so a crossing followed by many people is not slowed.
 */
export function queueChannelDeliveries(ctx: WriteContext, views: { userId: number; view: NotificationView }[]): void {
  const client = ctx.db.$client;
  if (views.length === 0) return;
  const byUser = new Map(views.map((entry) => [entry.userId, entry.view]));
  const targets = client
    .prepare(
      `select c.id, c.user_id as userId, c.kinds, u.quiet_hours as quietHours from channels c join users u on u.id = c.user_id and u.active
       where c.enabled and c.user_id in (select value from json_each(?)) order by c.id`,
    )
    .all(JSON.stringify([...byUser.keys()])) as ChannelTarget[];
  const now = ctx.clock.now();
  const insert = client.prepare(
    `insert into channel_deliveries (channel_id, notification_id, kind, payload, subject_id, status, next_attempt_at, created_at)
     values (?, ?, ?, ?, ?, 'queued', ?, ?)`,
  );
  for (const target of targets) {
    const view = byUser.get(target.userId);
    if (!view || !(JSON.parse(target.kinds) as string[]).includes(view.kind)) continue;
    const message: ChannelMessage = {
      deliveryId: `stockbell-n${view.id}-c${target.id}`,
      kind: view.kind,
      title: view.title,
      message: view.message,
      reason: view.reason,
      appLink: ctx.links.deepLink(view.link),
      webLink: ctx.links.webLink(view.link),
      createdAt: view.createdAt,
    };
    // In the person's quiet hours a post waits, like a banner or an email, until they end.
    const quietUntil = quietEndsAt(target.quietHours === null ? null : (JSON.parse(target.quietHours) as QuietHours), now);
    const subjectId = view.kind === 'part.low_stock' && view.target.kind === 'part' ? Number(view.target.id) : null;
    insert.run(target.id, view.id, view.kind, JSON.stringify(message), subjectId, quietUntil ?? now, now);
    ctx.change.channelsQueued = true;
  }
}

interface GroupChannel {
  id: number;
  groupId: number;
  kinds: string;
}

/** The part a notice is about: the part itself, or the assembly a build order makes. */
function partOf(ctx: WriteContext, target: { kind: string; id: string }): number | null {
  if (target.kind === 'part') return Number(target.id);
  if (target.kind === 'build') return (ctx.db.$client.prepare('select assembly_id from build_orders where id = ?').pluck().get(Number(target.id)) as number | undefined) ?? null;
  return null;
}

/**
 * Queues, once per event, a post to each enabled channel of each group that follows the part the
 * event is about (its subscribers were told one by one; the group's channel hears it once). Notices
 * meant for one person (what was already low when they subscribed, a teammate's overwrite) are not
 * a group's.
 */
export function queueGroupChannelPosts(ctx: WriteContext, eventId: number, event: { kind: string; title: string; message: string; target: { kind: string; id: string }; data: Record<string, unknown> }, link: string): void {
  if (event.kind === 'team.overwritten' || 'alreadyLow' in event.data) return;
  const partId = partOf(ctx, event.target);
  if (partId === null) return;
  const client = ctx.db.$client;
  const following = new Map(groupsFollowingPart(ctx, partId).map((entry) => [entry.groupId, entry.via]));
  if (following.size === 0) return;
  const targets = client
    .prepare(`select id, group_id as groupId, kinds from channels where enabled and group_id in (select value from json_each(?)) order by id`)
    .all(JSON.stringify([...following.keys()])) as GroupChannel[];
  const now = ctx.clock.now();
  const insert = client.prepare(
    `insert into channel_deliveries (channel_id, notification_id, kind, payload, subject_id, status, next_attempt_at, created_at) values (?, null, ?, ?, ?, 'queued', ?, ?)`,
  );
  for (const target of targets) {
    const via = following.get(target.groupId);
    if (!via || !(JSON.parse(target.kinds) as string[]).includes(event.kind)) continue;
    const message: ChannelMessage = {
      deliveryId: `stockbell-e${eventId}-c${target.id}`,
      kind: event.kind,
      title: event.title,
      message: event.message,
      // Said of the group, not to one of its people.
      reason: describeVia(via, true),
      appLink: ctx.links.deepLink(link),
      webLink: ctx.links.webLink(link),
      createdAt: now,
    };
    insert.run(target.id, event.kind, JSON.stringify(message), event.kind === 'part.low_stock' ? partId : null, now, now);
    ctx.change.channelsQueued = true;
  }
}

export const channelDeliveries = {
  /** Deliveries a stopped worker left half-sent are tried again (a receiver drops a repeat by its id). */
  requeueInterrupted(ctx: WriteContext): void {
    ctx.db.$client.prepare(`update channel_deliveries set status = 'queued' where status = 'sending'`).run();
  },

  nextDueAt(ctx: CoreContext): number | null {
    return (ctx.db.$client.prepare(`select min(next_attempt_at) from channel_deliveries where status = 'queued'`).pluck().get() as number | null) ?? null;
  },

  claimDue(ctx: WriteContext, limit: number): ClaimedDelivery[] {
    const client = ctx.db.$client;
    const rows = client
      .prepare(
        `select d.id, d.channel_id as channelId, d.kind, d.payload, d.subject_id as subjectId, d.attempts,
           c.kind as channelKind, c.url, c.sealed_secret as sealedSecret, c.user_id as userId
         from channel_deliveries d join channels c on c.id = d.channel_id
         where d.status = 'queued' and d.next_attempt_at <= ? order by d.next_attempt_at, d.id limit ?`,
      )
      .all(ctx.clock.now(), limit) as ClaimedDelivery[];
    const mark = client.prepare(`update channel_deliveries set status = 'sending', attempts = attempts + 1 where id = ?`);
    for (const row of rows) mark.run(row.id);
    return rows;
  },

  mark(ctx: WriteContext, id: number, status: Exclude<ChannelDeliveryStatus, 'sending'>, outcome: { error?: string | null; responseStatus?: number | null; nextAttemptAt?: number }): void {
    ctx.db.$client
      .prepare(
        `update channel_deliveries set status = ?, last_error = ?, response_status = ?, next_attempt_at = coalesce(?, next_attempt_at),
           sent_at = case when ? = 'sent' then ? else sent_at end where id = ?`,
      )
      .run(status, outcome.error ?? null, outcome.responseStatus ?? null, outcome.nextAttemptAt ?? null, status, ctx.clock.now(), id);
  },
};
