import { z } from 'zod';
import type { CoreContext, WriteContext } from '../context';
import type { LinkBuilder } from '../ports';
import { INSERT_CHUNK } from '../notifications/notifications';
import { defaultPreference } from '../notifications/preferences';
import { quietEndsAt, type QuietHours } from '../notifications/quietHours';
import { emailIsOn, readEmailSettings, type StoredEmailSettings } from './emailSettings';
import { outbox, type QueuedEmail, type StoredBody } from './outbox';
import type { EmailContent } from './templates';

const validEmail = z.email();

/** What is wrong with an address for sending to it, or null. */
function addressProblem(email: string | null): string | null {
  if (!email) return 'You have no email address on your profile.';
  if (!validEmail.safeParse(email).success) return `"${email}" is not a valid email address.`;
  return null;
}

/** Why a person would not get an email, or null when they would. Shown on their profile page. */
export function whyNoEmail(settings: StoredEmailSettings, email: string | null): string | null {
  if (!emailIsOn(settings)) return 'Notification email is switched off for this Stockbell.';
  return addressProblem(email);
}

/**
 * List-Unsubscribe only where it leads somewhere: the person's preferences page, where the host has
 * a web address. Nothing reads mail sent to the sender address, and no endpoint takes a one-click
 * unsubscribe, so there is no mailto and no List-Unsubscribe-Post. Every email keeps its visible
 * "change your notification preferences" link.
 */
export function unsubscribeHeaders(links: LinkBuilder): Record<string, string> {
  const preferences = links.webLink('/profile');
  return preferences ? { 'List-Unsubscribe': `<${preferences}>` } : {};
}

export interface EmailCandidate {
  notificationId: number;
  /** Why this person gets it; people with the same reason share one email body. */
  reason: string;
}

/**
 * Queues the emails for notifications of one kind, in the same transaction, as one fan-out row:
 * each distinct reason's email is composed and stored once, and the mail worker later turns the row
 * into an outbox row (or a digest entry) per person who should get one. Nothing is queued while
 * notification email is switched off.
 */
export function queueEmails(
  ctx: WriteContext,
  kind: string,
  candidates: EmailCandidate[],
  compose: (reason: string, settings: StoredEmailSettings) => EmailContent,
  about?: { kind: string; id: number },
): void {
  if (candidates.length === 0) return;
  const settings = readEmailSettings(ctx);
  if (!emailIsOn(settings)) return;
  const bodies: Record<string, StoredBody> = {};
  for (const candidate of candidates) {
    if (bodies[candidate.reason]) continue;
    const content = compose(candidate.reason, settings);
    bodies[candidate.reason] = { bodyId: outbox.storeBody(ctx, content), subject: content.subject };
  }
  ctx.db.$client
    .prepare(`insert into mail_fanouts (kind, notification_ids, bodies, subject_kind, subject_id, created_at) values (?, ?, ?, ?, ?, ?)`)
    .run(kind, JSON.stringify(candidates.map((candidate) => candidate.notificationId)), JSON.stringify(bodies), about?.kind ?? null, about?.id ?? null, ctx.clock.now());
  ctx.change.mailQueued = true;
}

interface Fanout {
  id: number;
  kind: string;
  notificationIds: string;
  bodies: string;
  subjectKind: string | null;
  subjectId: number | null;
}

interface FanoutRecipient {
  notificationId: number;
  userId: number;
  reason: string;
  email: string | null;
  wantsEmail: number;
  mode: 'immediate' | 'digest';
  quietHours: string | null;
}

/** The next waiting fan-out after `afterId`, oldest first, or null. */
export function nextFanout(ctx: CoreContext, afterId: number): number | null {
  return (ctx.db.$client.prepare('select id from mail_fanouts where id > ? order by id limit 1').pluck().get(afterId) as number | undefined) ?? null;
}

/**
 * Expands one waiting fan-out, with everything it produces, in the caller's transaction: who should
 * get an email is read for all its people at once (active, a valid address, email on for this kind,
 * immediate or digest). A body nobody ended up with is removed, and so is the fan-out.
 */
export function expandFanout(ctx: WriteContext, id: number): void {
  const client = ctx.db.$client;
  const fanout = client
    .prepare(
      `select id, kind, notification_ids as notificationIds, bodies, subject_kind as subjectKind, subject_id as subjectId
       from mail_fanouts where id = ?`,
    )
    .get(id) as Fanout | undefined;
  if (!fanout) return;
  const headers = unsubscribeHeaders(ctx.links);
  const now = ctx.clock.now();
  const bodies = JSON.parse(fanout.bodies) as Record<string, StoredBody>;
  const recipients = client
    .prepare(
      `select n.id as notificationId, n.user_id as userId, n.reason, u.email, coalesce(p.email, ?) as wantsEmail,
         coalesce(p.email_mode, 'immediate') as mode, u.quiet_hours as quietHours
       from notifications n join users u on u.id = n.user_id and u.active
       left join notification_preferences p on p.user_id = u.id and p.kind = ?
       where n.id in (select value from json_each(?)) order by n.id`,
    )
    .all(defaultPreference(fanout.kind).email ? 1 : 0, fanout.kind, fanout.notificationIds) as FanoutRecipient[];
  const immediate: QueuedEmail[] = [];
  const digest: (FanoutRecipient & { releaseAt: number | null })[] = [];
  const used = new Set<number>();
  for (const recipient of recipients) {
    const body = bodies[recipient.reason];
    if (!body || recipient.wantsEmail !== 1 || addressProblem(recipient.email) !== null) continue;
    if (recipient.mode === 'digest') {
      digest.push({ ...recipient, releaseAt: null });
      continue;
    }
    // In the person's quiet hours an immediate email waits, with the others, for one summary when they end.
    const releaseAt = quietEndsAt(recipient.quietHours === null ? null : (JSON.parse(recipient.quietHours) as QuietHours), now);
    if (releaseAt !== null) {
      digest.push({ ...recipient, releaseAt });
      continue;
    }
    used.add(body.bodyId);
    immediate.push({
      content: body,
      userId: recipient.userId,
      notificationId: recipient.notificationId,
      kind: fanout.kind,
      recipient: recipient.email as string,
      headers,
      ...(fanout.subjectKind !== null && fanout.subjectId !== null ? { subjectKind: fanout.subjectKind, subjectId: fanout.subjectId } : {}),
    });
  }
  outbox.enqueueMany(ctx, immediate);
  for (let start = 0; start < digest.length; start += INSERT_CHUNK) {
    const chunk = digest.slice(start, start + INSERT_CHUNK);
    client
      .prepare(`insert into digest_queue (notification_id, user_id, created_at, release_at) values ${chunk.map(() => '(?, ?, ?, ?)').join(', ')}`)
      .run(...chunk.flatMap((recipient) => [recipient.notificationId, recipient.userId, now, recipient.releaseAt]));
  }
  const unused = Object.values(bodies).map((body) => body.bodyId).filter((id) => !used.has(id));
  client.prepare('delete from outbox_bodies where id in (select value from json_each(?))').run(JSON.stringify(unused));
  client.prepare('delete from mail_fanouts where id = ?').run(fanout.id);
}
