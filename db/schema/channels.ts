import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { userGroups } from './groups';
import { notifications } from './notifications';
import { users } from './users';

export const channelKinds = ['webhook', 'ntfy', 'slack'] as const;
export type ChannelKind = (typeof channelKinds)[number];

export const channelDeliveryStatuses = ['queued', 'sending', 'sent', 'failed', 'dropped'] as const;
export type ChannelDeliveryStatus = (typeof channelDeliveryStatuses)[number];

/**
 * Where else a person, or a group, is told: a signed JSON webhook, an ntfy topic, or a
 * Slack/Mattermost incoming webhook. A person's gets what they are told; a group's gets, once, each
 * notice about what the group follows. Kept on the desktop that set it up (its secret is sealed
 * with this computer's key), so in a team exactly one desktop posts each notification to it.
 */
export const channels = sqliteTable(
  'channels',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    groupId: integer('group_id').references(() => userGroups.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: channelKinds }).notNull(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** Sealed: the webhook's signing secret, or an ntfy access token; '' when there is none. */
    sealedSecret: text('sealed_secret').notNull().default(''),
    /** The notification kinds this channel carries. */
    kinds: text('kinds', { mode: 'json' }).$type<string[]>().notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    index('channels_user').on(table.userId),
    index('channels_group').on(table.groupId),
    check('channels_owner', sql`(${table.userId} is null) <> (${table.groupId} is null)`),
  ],
);

/**
 * Every post to a channel, written in the notification's transaction; the channel worker drains it.
 * A person's channel posts their notification; a group's posts the event (no one person's row).
 */
export const channelDeliveries = sqliteTable(
  'channel_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channelId: integer('channel_id')
      .notNull()
      .references(() => channels.id, { onDelete: 'cascade' }),
    notificationId: integer('notification_id').references(() => notifications.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    /** What is posted, composed when it was queued: the notification as it was then. */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /** For a low-stock notice, the part: it is dropped if the part is no longer low when it can be sent. */
    subjectId: integer('subject_id'),
    status: text('status', { enum: channelDeliveryStatuses }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastError: text('last_error'),
    /** The HTTP status of the last answer, if one came. */
    responseStatus: integer('response_status'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (table) => [
    index('channel_deliveries_due').on(table.nextAttemptAt, table.id).where(sql`${table.status} = 'queued'`),
    index('channel_deliveries_channel').on(table.channelId, table.id),
    index('channel_deliveries_notification').on(table.notificationId),
  ],
);
