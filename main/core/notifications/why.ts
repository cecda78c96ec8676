import type { NotificationWhy } from '../../contract/notifications';
import { formatDay } from '../calendar';
import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { whyNoEmail } from '../mail/delivery';
import { readEmailSettings } from '../mail/emailSettings';
import { coverageOfPart, describeVia } from '../subscriptions/subscribers';
import { preferenceFor } from './preferences';

// "Why did I get this?": what the notification says happened, why this person was told (then and
// now), and what became of it on each channel, from the records each channel keeps: the inbox row,
// this computer's banner record, the outbox, the digest queue.

type Delivery = NotificationWhy['deliveries'][number];

interface Stored {
  kind: string;
  reason: string;
  createdAt: number;
  data: string;
  targetKind: string;
  targetId: string;
}

const bannerWords: Record<string, { outcome: string; ok: boolean }> = {
  shown: { outcome: 'Shown on this computer.', ok: true },
  held: { outcome: 'Held for your quiet hours; it will be part of one banner when they end.', ok: true },
  released: { outcome: 'Shown in the summary banner when your quiet hours ended.', ok: true },
  off: { outcome: 'Not shown: desktop banners for this kind are off in your preferences.', ok: false },
  'signed-out': { outcome: 'Not shown: you were not signed in on this computer.', ok: false },
};

const channelKindWords: Record<string, string> = { webhook: 'Webhook', ntfy: 'ntfy', slack: 'Slack' };

/** One line per channel of the person's that this notification was queued for, with where it stands. */
function channelDeliveries(ctx: CoreContext, notificationId: number): Delivery[] {
  const rows = ctx.db.$client
    .prepare(
      `select c.kind, c.name, d.status, d.attempts, d.last_error as lastError, d.response_status as responseStatus, d.next_attempt_at as nextAttemptAt, d.sent_at as sentAt
       from channel_deliveries d join channels c on c.id = d.channel_id where d.notification_id = ? order by d.id`,
    )
    .all(notificationId) as { kind: string; name: string; status: string; attempts: number; lastError: string | null; responseStatus: number | null; nextAttemptAt: number; sentAt: number | null }[];
  return rows.map((row) => {
    const channel = `${channelKindWords[row.kind] ?? row.kind} “${row.name}”`;
    switch (row.status) {
      case 'sent':
        return { channel, outcome: `Posted; the service answered ${row.responseStatus ?? 'OK'}${row.attempts > 1 ? ` (after ${row.attempts} tries)` : ''}.`, ok: true, at: row.sentAt };
      case 'failed':
        return { channel, outcome: `Not posted after ${row.attempts} ${row.attempts === 1 ? 'try' : 'tries'}: ${row.lastError ?? 'it failed.'}`, ok: false, at: null };
      case 'dropped':
        return { channel, outcome: `Not posted: ${row.lastError ?? 'no longer needed.'}`, ok: false, at: null };
      default:
        return { channel, outcome: row.lastError ? `Waiting to try again: ${row.lastError}` : 'Waiting to be posted.', ok: null, at: row.nextAttemptAt };
    }
  });
}

function factsOf(data: Record<string, unknown>): NotificationWhy['facts'] {
  const facts: NotificationWhy['facts'] = [];
  const units = typeof data.units === 'string' && data.units ? ` ${data.units}` : '';
  if (typeof data.stock === 'string') facts.push({ label: 'Stock then', value: `${data.stock}${units}` });
  if (typeof data.minimum === 'string') facts.push({ label: 'Minimum', value: `${data.minimum}${units}` });
  if (typeof data.dailyUse === 'string') facts.push({ label: 'Average use', value: `${data.dailyUse}${units} a day` });
  if (typeof data.belowMinimumOn === 'string') facts.push({ label: 'Projected below minimum', value: formatDay(data.belowMinimumOn) });
  if (typeof data.leadTimeDays === 'number') facts.push({ label: 'Lead time', value: data.leadTimeDays > 0 ? `${data.leadTimeDays} days` : 'not known' });
  if (typeof data.changedBy === 'string') facts.push({ label: 'Changed by', value: data.changedBy });
  if (typeof data.reference === 'string') facts.push({ label: 'Build order', value: data.reference });
  if (Array.isArray(data.shortLines) && data.shortLines.length > 0) facts.push({ label: 'Short lines', value: String(data.shortLines.length) });
  if (Array.isArray(data.alreadyLow)) facts.push({ label: 'Low when you subscribed', value: String(data.alreadyLow.length) });
  return facts;
}

function emailDelivery(ctx: CoreContext, userId: number, id: number, kind: string, data: Record<string, unknown>): Delivery {
  const client = ctx.db.$client;
  const sent = client
    .prepare("select status, recipient, sent_at as sentAt, last_error as lastError, attempts, message_id as messageId from outbox where notification_id = ? order by id desc limit 1")
    .get(id) as { status: string; recipient: string; sentAt: number | null; lastError: string | null; attempts: number; messageId: string | null } | undefined;
  if (sent) {
    switch (sent.status) {
      case 'sent':
        return { channel: 'Email', outcome: `Sent to ${sent.recipient}${sent.messageId ? ` (message ${sent.messageId})` : ''}.`, ok: true, at: sent.sentAt };
      case 'failed':
        return { channel: 'Email', outcome: `Failed after ${sent.attempts} attempts: ${sent.lastError ?? 'the server refused it'}.`, ok: false, at: null };
      case 'dropped':
        return { channel: 'Email', outcome: `Not sent: ${sent.lastError ?? 'it was no longer true'}.`, ok: false, at: null };
      default:
        return { channel: 'Email', outcome: `Waiting to be sent to ${sent.recipient}${sent.lastError ? `; the server last said: ${sent.lastError}` : ''}.`, ok: null, at: null };
    }
  }
  const queued = client.prepare('select release_at as releaseAt from digest_queue where notification_id = ?').get(id) as { releaseAt: number | null } | undefined;
  if (queued) {
    return queued.releaseAt === null
      ? { channel: 'Email', outcome: 'Waiting for your daily summary.', ok: null, at: null }
      : { channel: 'Email', outcome: 'Held for your quiet hours; it goes out in one summary when they end.', ok: null, at: queued.releaseAt };
  }
  if (client.prepare('select 1 from mail_fanouts where exists (select 1 from json_each(notification_ids) where value = ?)').get(id)) {
    return { channel: 'Email', outcome: 'Being queued.', ok: null, at: null };
  }
  if (Array.isArray(data.alreadyLow)) return { channel: 'Email', outcome: 'Not emailed: a notice on subscribing is for the app only.', ok: null, at: null };
  if (!preferenceFor(ctx, userId, kind).email) return { channel: 'Email', outcome: 'Not emailed: email for this kind is off in your preferences.', ok: false, at: null };
  const address = client.prepare('select email from users where id = ?').pluck().get(userId) as string | null;
  const problem = whyNoEmail(readEmailSettings(ctx), address);
  return { channel: 'Email', outcome: problem ? `Not emailed: ${problem}` : 'No email was queued for it (it may have been sent and removed with the outbox\u2019s history).', ok: problem ? false : null, at: null };
}

export function whyNotified(ctx: CoreContext, userId: number, id: number): NotificationWhy {
  const client = ctx.db.$client;
  const stored = client
    .prepare(
      `select n.kind, n.reason, n.created_at as createdAt, e.data, e.target_kind as targetKind, e.target_id as targetId
       from notifications n join notification_events e on e.id = n.event_id where n.id = ? and n.user_id = ?`,
    )
    .get(id, userId) as Stored | undefined;
  if (!stored) throw notFound('Notification');
  const data = JSON.parse(stored.data) as Record<string, unknown>;
  let coverageNow: string | null = null;
  if (stored.targetKind === 'part' && !Array.isArray(data.alreadyLow) && stored.kind !== 'team.overwritten') {
    const via = coverageOfPart(ctx, userId, Number(stored.targetId));
    coverageNow = via ? `Still true: ${describeVia(via)}` : 'You are no longer subscribed to it.';
  }
  const banner = client.prepare('select outcome, at from banner_deliveries where notification_id = ?').get(id) as { outcome: string; at: number } | undefined;
  const bannerDelivery: Delivery = banner
    ? { channel: 'Desktop banner', ...(bannerWords[banner.outcome] ?? { outcome: banner.outcome, ok: null }), at: banner.at }
    : { channel: 'Desktop banner', outcome: 'No banner here: desktop banners were not available on this computer, or Stockbell was not open here when it arrived.', ok: null, at: null };
  return {
    reason: stored.reason,
    coverageNow,
    facts: factsOf(data),
    deliveries: [{ channel: 'In the app', outcome: 'In your inbox.', ok: true, at: stored.createdAt }, bannerDelivery, emailDelivery(ctx, userId, id, stored.kind, data), ...channelDeliveries(ctx, id)],
  };
}
