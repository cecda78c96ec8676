import { localDate } from '../calendar';
import type { WriteContext } from '../context';
import { readEmailSettings, emailIsOn } from './emailSettings';
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
       where u.active and u.email is not null and u.digest_hour <= ?`,
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
         where q.user_id = ? order by n.created_at`,
      )
      .all(person.id) as QueuedNotification[];
    if (items.length === 0) continue;
    const content = renderEmail({
      instanceName: settings.instanceName,
      heading: `Your daily summary: ${items.length} notification${items.length === 1 ? '' : 's'}`,
      intro: 'Here is what happened in Stockbell since your last summary.',
      facts: [],
      table: {
        columns: ['Notification', 'Details', 'Open'],
        rows: items.map((item) => [item.title, item.message, ctx.links.deepLink(paths[item.targetKind]?.(item.targetId) ?? '/inbox')]),
      },
      reason: 'You chose to receive these notifications as a daily summary.',
      path: '/inbox',
      links: ctx.links,
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
    client.prepare('delete from digest_queue where user_id = ?').run(person.id);
    queued += 1;
  }
  return queued;
}
