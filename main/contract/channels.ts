import { z } from 'zod';
import { id, name, timestamp } from './shared';
import { notificationKinds } from './notifications';

export const channelKind = z.enum(['webhook', 'ntfy', 'slack']);
export type ChannelKindName = z.infer<typeof channelKind>;

const channelUrl = z
  .string()
  .trim()
  .max(2000, 'Use at most 2000 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'Enter a full web address starting with https:// (or http:// on your own network)');

export const channelView = z.object({
  id,
  kind: channelKind,
  name: z.string(),
  url: z.string(),
  /** Whether a secret (webhook) or access token (ntfy) is kept for it; never the secret itself. */
  hasSecret: z.boolean(),
  kinds: z.array(notificationKinds),
  enabled: z.boolean(),
  createdAt: timestamp,
  /** The latest delivery's outcome, to show at a glance. */
  last: z.object({ status: z.enum(['queued', 'sending', 'sent', 'failed', 'dropped']), at: timestamp, error: z.string().nullable() }).nullable(),
  waiting: z.number().int(),
  failed: z.number().int(),
});
export type ChannelView = z.infer<typeof channelView>;

export const channelDeliveryView = z.object({
  id,
  title: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'failed', 'dropped']),
  attempts: z.number().int(),
  nextAttemptAt: timestamp.nullable(),
  lastError: z.string().nullable(),
  responseStatus: z.number().int().nullable(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
});
export type ChannelDeliveryView = z.infer<typeof channelDeliveryView>;

export const channelsContract = {
  /** The caller's own channels, or a group's (administrators). */
  'channels.list': { access: 'member', input: z.object({ groupId: id.nullable().default(null) }), output: z.array(channelView) },
  /** A webhook's signing secret is made here and returned this once; an ntfy token is given by the person. */
  'channels.create': {
    access: 'member',
    input: z.object({
      /** A group's channel (administrators); the caller's own when null. */
      groupId: id.nullable().default(null),
      kind: channelKind,
      name,
      url: channelUrl,
      token: z.string().trim().max(500).default(''),
      kinds: z.array(notificationKinds).max(50).optional(),
    }),
    output: z.object({ channel: channelView, secret: z.string().nullable() }),
  },
  'channels.update': {
    access: 'member',
    input: z.object({ id, name, enabled: z.boolean(), kinds: z.array(notificationKinds).max(50) }),
    output: channelView,
  },
  'channels.delete': { access: 'member', input: z.object({ id }), output: z.object({ ok: z.literal(true) }) },
  /** Posts a test message now, outside the queue, and says what the other end answered. */
  'channels.test': {
    access: 'member',
    input: z.object({ id }),
    output: z.object({ ok: z.boolean(), status: z.number().int().nullable(), message: z.string() }),
  },
  'channels.deliveries': {
    access: 'member',
    input: z.object({ id, limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(channelDeliveryView),
  },
  /** Tries failed deliveries of a channel again (after the person fixed the address, say). */
  'channels.retryFailed': { access: 'member', input: z.object({ id }), output: z.object({ changed: z.number().int() }) },
} as const;
