import { z } from 'zod';
import { id, page, pathEntry, timestamp } from './shared';
import { partRow } from './inventory';

export const subscriptionTarget = z.object({ kind: z.enum(['part', 'category']), id });
export type SubscriptionTarget = z.infer<typeof subscriptionTarget>;

/** How the signed-in user is subscribed to one part or category. */
export const subscriptionStatus = z.object({
  target: subscriptionTarget,
  direct: z.boolean(),
  /**
   * The nearest subscription that covers it besides the person's own on this target: a template, a
   * category, or one of their groups' (then `group` names it, and the target may be this one).
   */
  via: z.object({ kind: z.enum(['part', 'category']), id, name: z.string(), group: z.object({ id, name: z.string() }).nullable() }).nullable(),
});
export type SubscriptionStatus = z.infer<typeof subscriptionStatus>;

/** Whether the signed-in person has paused notifications about a part or category, and until when. */
export const muteStatus = z.object({
  target: subscriptionTarget,
  /** Null when nothing is muted; `via` names the template or category muted when it is not this one. */
  muted: z
    .object({
      until: timestamp.nullable(),
      untilRestocked: z.boolean(),
      via: z.object({ kind: z.enum(['part', 'category']), id, name: z.string() }).nullable(),
    })
    .nullable(),
});
export type MuteStatus = z.infer<typeof muteStatus>;

/** For one person and part: whether a low-stock crossing would reach them, and every rule that decides it. */
export const hearingExplanation = z.object({
  hears: z.boolean(),
  lines: z.array(z.object({ kind: z.enum(['ok', 'blocked', 'note']), text: z.string(), until: timestamp.nullable().optional() })),
});
export type HearingExplanation = z.infer<typeof hearingExplanation>;

/** "Why did I get this?": what happened, why this person was told, and what each channel did with it. */
export const notificationWhy = z.object({
  reason: z.string(),
  /** Whether the subscription that told them still covers it. */
  coverageNow: z.string().nullable(),
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  deliveries: z.array(z.object({ channel: z.string(), outcome: z.string(), ok: z.boolean().nullable(), at: timestamp.nullable() })),
});
export type NotificationWhy = z.infer<typeof notificationWhy>;

export const notificationView = z.object({
  id,
  kind: z.string(),
  title: z.string(),
  message: z.string(),
  reason: z.string(),
  target: z.object({ kind: z.string(), id: z.string() }),
  /** In-app route of the target, e.g. "/parts/12". */
  link: z.string(),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
  /** Out of the inbox until then, when it comes back unread. */
  snoozedUntil: timestamp.nullable(),
  archivedAt: timestamp.nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

const ids = z.object({ ids: z.array(id).min(1).max(1000) });

export const notificationKinds = z.enum([
  'part.low_stock',
  'part.will_run_low',
  'build.stock_required',
  'build.created',
  'build.completed',
  'build.cancelled',
  'build.overdue',
  'team.overwritten',
]);

export const notificationsContract = {
  'subscriptions.subscribe': { access: 'member', input: subscriptionTarget, output: subscriptionStatus },
  'subscriptions.unsubscribe': { access: 'member', input: subscriptionTarget, output: subscriptionStatus },
  'subscriptions.explain': { access: 'member', input: z.object({ partId: id }), output: hearingExplanation },
  'mutes.set': {
    access: 'member',
    input: z.object({ target: subscriptionTarget, until: timestamp.nullable().default(null), untilRestocked: z.boolean().default(false) }),
    output: muteStatus,
  },
  'mutes.clear': { access: 'member', input: z.object({ target: subscriptionTarget }), output: muteStatus },
  'mutes.status': { access: 'member', input: z.object({ targets: z.array(subscriptionTarget).max(500) }), output: z.array(muteStatus) },
  'subscriptions.status': {
    access: 'member',
    input: z.object({ targets: z.array(subscriptionTarget).max(500) }),
    output: z.array(subscriptionStatus),
  },
  'subscriptions.list': {
    access: 'member',
    input: z.object({}),
    output: z.object({
      parts: z.array(z.object({ id, name: z.string(), ipn: z.string().nullable(), categoryPath: z.array(pathEntry), muted: muteStatus.shape.muted })),
      categories: z.array(z.object({ id, name: z.string(), path: z.array(pathEntry), partCount: z.number().int(), muted: muteStatus.shape.muted })),
    }),
  },
  'subscriptions.lowStock': {
    access: 'member',
    input: z.object({ ...page }),
    output: z.object({ rows: z.array(partRow.extend({ via: z.string() })), total: z.number().int() }),
  },

  'notifications.unreadCount': { access: 'member', input: z.object({}), output: z.object({ count: z.number().int() }) },
  'notifications.list': {
    access: 'member',
    /**
     * unread: the inbox (snoozed ones left out); read: history (archived ones left out); snoozed: what
     * comes back later, soonest first; archived: what was put away. `search` matches title and message.
     */
    input: z.object({
      state: z.enum(['unread', 'read', 'snoozed', 'archived']),
      kind: notificationKinds.nullable().default(null),
      search: z.string().trim().max(200).default(''),
      ...page,
    }),
    output: z.object({ rows: z.array(notificationView), total: z.number().int() }),
  },
  'notifications.markRead': { access: 'member', input: ids, output: z.object({ changed: z.number().int() }) },
  'notifications.markUnread': { access: 'member', input: ids, output: z.object({ changed: z.number().int() }) },
  'notifications.markAllRead': { access: 'member', input: z.object({}), output: z.object({ changed: z.number().int() }) },
  'notifications.delete': { access: 'member', input: ids, output: z.object({ changed: z.number().int() }) },
  'notifications.archive': { access: 'member', input: ids, output: z.object({ changed: z.number().int() }) },
  'notifications.unarchive': { access: 'member', input: ids, output: z.object({ changed: z.number().int() }) },
  'notifications.why': { access: 'member', input: z.object({ id }), output: notificationWhy },
  'notifications.snooze': {
    access: 'member',
    input: ids.extend({ until: timestamp }),
    output: z.object({ changed: z.number().int(), until: timestamp }),
  },
  'notifications.unsnooze': { access: 'member', input: ids, output: z.object({ changed: z.number().int() }) },
  'notifications.deleteAllRead': { access: 'member', input: z.object({}), output: z.object({ changed: z.number().int() }) },
} as const;
