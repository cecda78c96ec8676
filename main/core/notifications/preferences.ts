import type { CoreContext, WriteContext } from '../context';
import { notificationKindNames, type NotificationKind } from './kinds';

export interface ChannelPreference {
  kind: NotificationKind;
  desktop: boolean;
  email: boolean;
  emailMode: 'immediate' | 'digest';
}

const defaults = { desktop: true, email: true, emailMode: 'immediate' as const };
/** Kinds that are news about one's own work rather than about stock: in the app and as a banner, not by email, unless asked. */
const quieterDefaults: Partial<Record<NotificationKind, typeof defaults>> = { 'team.overwritten': { ...defaults, email: false } };

/** The channels of someone who never chose any for this kind. */
export function defaultPreference(kind: string): Omit<ChannelPreference, 'kind'> {
  return quieterDefaults[kind as NotificationKind] ?? defaults;
}

/** A person's channels for one kind; the in-app inbox is always on and not a preference. */
export function preferenceFor(ctx: CoreContext, userId: number, kind: string): Omit<ChannelPreference, 'kind'> {
  const row = ctx.db.$client
    .prepare('select desktop, email, email_mode as emailMode from notification_preferences where user_id = ? and kind = ?')
    .get(userId, kind) as { desktop: number; email: number; emailMode: 'immediate' | 'digest' } | undefined;
  return row ? { desktop: row.desktop === 1, email: row.email === 1, emailMode: row.emailMode } : defaultPreference(kind);
}

export function preferencesOf(ctx: CoreContext, userId: number): ChannelPreference[] {
  return notificationKindNames.map((kind) => ({ kind, ...preferenceFor(ctx, userId, kind) }));
}

export function savePreferences(ctx: WriteContext, userId: number, list: ChannelPreference[]): void {
  const upsert = ctx.db.$client.prepare(
    `insert into notification_preferences (user_id, kind, desktop, email, email_mode) values (?, ?, ?, ?, ?)
     on conflict (user_id, kind) do update set desktop = excluded.desktop, email = excluded.email, email_mode = excluded.email_mode`,
  );
  for (const entry of list) upsert.run(userId, entry.kind, entry.desktop ? 1 : 0, entry.email ? 1 : 0, entry.emailMode);
}
