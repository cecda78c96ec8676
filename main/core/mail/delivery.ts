import { z } from 'zod';
import type { NotificationView } from '../../contract/notifications';
import type { WriteContext } from '../context';
import { preferenceFor } from '../notifications/preferences';
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

// Settings are read once per transaction, however many subscribers a change reaches.
const settingsCache = new WeakMap<object, StoredEmailSettings>();

function settingsFor(ctx: WriteContext): StoredEmailSettings {
  let settings = settingsCache.get(ctx.change);
  if (!settings) {
    settings = readEmailSettings(ctx);
    settingsCache.set(ctx.change, settings);
  }
  return settings;
}

/**
 * Queues the email for a notification when the person should get one, in the same transaction: at
 * once in the outbox, or in the digest queue for their daily summary.
 */
export function queueEmailFor(
  ctx: WriteContext,
  userId: number,
  notification: NotificationView,
  compose: (settings: StoredEmailSettings) => EmailContent,
  about?: { kind: string; id: number },
): void {
  const settings = settingsFor(ctx);
  if (!emailIsOn(settings)) return;
  const user = ctx.db.$client.prepare('select email, active from users where id = ?').get(userId) as
    | { email: string | null; active: number }
    | undefined;
  if (!user || user.active !== 1 || whyNoEmail(settings, user.email) !== null) return;
  const preference = preferenceFor(ctx, userId, notification.kind);
  if (!preference.email) return;
  if (preference.emailMode === 'digest') {
    ctx.db.$client
      .prepare('insert into digest_queue (notification_id, user_id, created_at) values (?, ?, ?)')
      .run(notification.id, userId, ctx.clock.now());
    return;
  }
  const content = compose(settings);
  outbox.enqueue(ctx, {
    ...content,
    userId,
    notificationId: notification.id,
    kind: notification.kind,
    recipient: user.email as string,
    headers: unsubscribeHeaders(settings),
    ...(about ? { subjectKind: about.kind, subjectId: about.id } : {}),
  });
}

export function unsubscribeHeaders(settings: StoredEmailSettings): Record<string, string> {
  return { 'List-Unsubscribe': `<mailto:${settings.sender}?subject=unsubscribe>` };
}
