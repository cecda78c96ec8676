import { localDate } from '../calendar';
import type { WriteContext } from '../context';
import { readEmailSettings, emailIsOn, type StoredEmailSettings } from './emailSettings';
import { unsubscribeHeaders } from './delivery';
import { outbox } from './outbox';
import { renderEmail } from './templates';

interface QueuedNotification {
  notificationId: number;
  title: string;
  message: string;
  targetKind: string;
  targetId: string;
  createdAt: number;
}

const paths: Record<string, (id: string) => string> = { part: (id) => `/parts/${id}`, build: (id) => `/builds/${id}` };

function count(items: QueuedNotification[]): string {
  return `${items.length} notification${items.length === 1 ? '' : 's'}`;
}

/** One email listing several notifications, each with a link to open it: a digest or a quiet-hours summary. */
function summaryEmail(ctx: WriteContext, settings: StoredEmailSettings, items: QueuedNotification[], words: { heading: string; intro: string; reason: string }) {
  return renderEmail({
    instanceName: settings.instanceName,
    ...words,
    facts: [],
    table: {
      columns: ['Notification', 'Details', 'Open'],
      rows: items.map((item) => [item.title, item.message, ctx.links.deepLink(paths[item.targetKind]?.(item.targetId) ?? '/inbox')]),
    },
    path: '/inbox',
    links: ctx.links,
  });
}

/**
 * Turns each person's waiting notifications into one digest email once their digest hour has come,
 * at most once per day (the outbox's dedupe key holds the day). Returns how many digests it queued.
 */
export function queueDueDigests(ctx: WriteContext): number {
  const settings = readEmailSettings(ctx);
  if (!emailIsOn(settings)) return 0;
  const now = ctx.clock.now();
  const hour = new Date(now).getHours();
  const client = ctx.db.$client;
  const people = client
    .prepare(
      `select distinct u.id, u.email, u.digest_hour as digestHour from digest_queue q join users u on u.id = q.user_id
       where q.release_at is null and u.active and u.email is not null and u.digest_hour <= ?`,
    )
    .all(hour) as { id: number; email: string; digestHour: number }[];
  let queued = 0;
  for (const person of people) {
    const dedupeKey = `digest:${person.id}:${localDate(now)}`;
    if (client.prepare('select 1 from outbox where dedupe_key = ?').get(dedupeKey)) continue;
    const items = client
      .prepare(
        `select q.notification_id as notificationId, e.title, e.message, e.target_kind as targetKind, e.target_id as targetId,
           n.created_at as createdAt
         from digest_queue q join notifications n on n.id = q.notification_id join notification_events e on e.id = n.event_id
         where q.user_id = ? and q.release_at is null order by n.created_at`,
      )
      .all(person.id) as QueuedNotification[];
    if (items.length === 0) continue;
    const content = summaryEmail(ctx, settings, items, {
      heading: `Your daily summary: ${count(items)}`,
      intro: 'Here is what happened in Stockbell since your last summary.',
      reason: 'You chose to receive these notifications as a daily summary.',
    });
    outbox.enqueue(ctx, {
      content,
      userId: person.id,
      notificationId: null,
      kind: 'digest',
      recipient: person.email,
      headers: unsubscribeHeaders(ctx.links),
      dedupeKey,
    });
    client.prepare('delete from digest_queue where user_id = ? and release_at is null').run(person.id);
    queued += 1;
  }
  return queued + queueQuietHoursSummaries(ctx, settings);
}

/**
 * Emails held through people's quiet hours go out as one summary each once those hours end (the
 * summary's key holds the moment they ended, so it is sent once). Returns how many it queued.
 */
function queueQuietHoursSummaries(ctx: WriteContext, settings: StoredEmailSettings): number {
  const now = ctx.clock.now();
  const client = ctx.db.$client;
  const people = client
    .prepare(
      `select u.id, u.email, max(q.release_at) as releasedAt from digest_queue q join users u on u.id = q.user_id
       where q.release_at is not null and q.release_at <= ? and u.active and u.email is not null group by u.id`,
    )
    .all(now) as { id: number; email: string; releasedAt: number }[];
  for (const person of people) {
    const items = client
      .prepare(
        `select q.notification_id as notificationId, e.title, e.message, e.target_kind as targetKind, e.target_id as targetId,
           n.created_at as createdAt
         from digest_queue q join notifications n on n.id = q.notification_id join notification_events e on e.id = n.event_id
         where q.user_id = ? and q.release_at is not null and q.release_at <= ? order by n.created_at`,
      )
      .all(person.id, now) as QueuedNotification[];
    const content = summaryEmail(ctx, settings, items, {
      heading: `During your quiet hours: ${count(items)}`,
      intro: 'These arrived while your quiet hours were on, and waited for them to end.',
      reason: 'You set quiet hours on your profile.',
    });
    const dedupeKey = `quiet:${person.id}:${person.releasedAt}`;
    if (!client.prepare('select 1 from outbox where dedupe_key = ?').get(dedupeKey)) {
      outbox.enqueue(ctx, { content, userId: person.id, notificationId: null, kind: 'digest', recipient: person.email, headers: unsubscribeHeaders(ctx.links), dedupeKey });
    }
    client.prepare('delete from digest_queue where user_id = ? and release_at is not null and release_at <= ?').run(person.id, now);
  }
  return people.length;
}
