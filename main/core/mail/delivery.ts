import { z } from 'zod';
import type { WriteContext } from '../context';
import { INSERT_CHUNK } from '../notifications/notifications';
import { emailIsOn, readEmailSettings, type StoredEmailSettings } from './emailSettings';
import { outbox } from './outbox';
import type { EmailContent } from './templates';

const validEmail = z.email();

/** Why a person would not get an email, or null when they would. Shown on their profile page. */
export function whyNoEmail(settings: StoredEmailSettings, email: string | null): string | null {
  if (!emailIsOn(settings)) return 'Notification email is switched off for this Stockbell.';
  if (!email) return 'You have no email address on your profile.';
  if (!validEmail.safeParse(email).success) return `"${email}" is not a valid email address.`;
  return null;
}

export function unsubscribeHeaders(settings: StoredEmailSettings): Record<string, string> {
  return { 'List-Unsubscribe': `<mailto:${settings.sender}?subject=unsubscribe>` };
}

export interface EmailCandidate {
  userId: number;
  notificationId: number;
  /** Why this person gets it; people with the same reason share one email body. */
  reason: string;
}

interface Eligibility {
  id: number;
  email: string | null;
  wantsEmail: number;
  mode: 'immediate' | 'digest';
}

/**
 * Queues the emails for notifications of one kind, in the same transaction: for each person who
 * should get one, a row in the outbox, or in the digest queue for their daily summary. Whether a
 * person should is read for all of them at once: active, a valid address, email on for this kind.
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
  const client = ctx.db.$client;
  const people = new Map(
    (
      client
        .prepare(
          `select u.id, u.email, coalesce(p.email, 1) as wantsEmail, coalesce(p.email_mode, 'immediate') as mode
           from users u left join notification_preferences p on p.user_id = u.id and p.kind = ?
           where u.id in (select value from json_each(?)) and u.active and u.email is not null`,
        )
        .all(kind, JSON.stringify(candidates.map((candidate) => candidate.userId))) as Eligibility[]
    ).map((person) => [person.id, person]),
  );
  const contents = new Map<string, EmailContent>();
  const now = ctx.clock.now();
  const digest: EmailCandidate[] = [];
  const immediate: Parameters<typeof outbox.enqueueMany>[1] = [];
  const headers = unsubscribeHeaders(settings);
  for (const candidate of candidates) {
    const person = people.get(candidate.userId);
    if (!person || person.wantsEmail !== 1 || whyNoEmail(settings, person.email) !== null) continue;
    if (person.mode === 'digest') {
      digest.push(candidate);
      continue;
    }
    let content = contents.get(candidate.reason);
    if (!content) {
      content = compose(candidate.reason, settings);
      contents.set(candidate.reason, content);
    }
    immediate.push({
      content,
      userId: candidate.userId,
      notificationId: candidate.notificationId,
      kind,
      recipient: person.email as string,
      headers,
      ...(about ? { subjectKind: about.kind, subjectId: about.id } : {}),
    });
  }
  outbox.enqueueMany(ctx, immediate);
  for (let start = 0; start < digest.length; start += INSERT_CHUNK) {
    const chunk = digest.slice(start, start + INSERT_CHUNK);
    client
      .prepare(`insert into digest_queue (notification_id, user_id, created_at) values ${chunk.map(() => '(?, ?, ?)').join(', ')}`)
      .run(...chunk.flatMap((candidate) => [candidate.notificationId, candidate.userId, now]));
  }
}
