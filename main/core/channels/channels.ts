import { randomBytes } from 'node:crypto';
import type { ChannelKind } from '../../../db/schema/channels';
import type { MethodOutput, ParsedInput } from '../../contract';
import type { ChannelDeliveryView, ChannelView } from '../../contract/channels';
import type { NotificationKind } from '../notifications/kinds';
import type { CoreContext, WriteContext } from '../context';
import { DomainError, notFound } from '../errors';
import { defaultPreference } from '../notifications/preferences';
import { notificationKindNames } from '../notifications/kinds';

// A person's own channels, set up, changed and removed only by them; a group's, by administrators.
// Read back without secrets. Someone else's channel does not exist for the caller.

interface ChannelRecord {
  id: number;
  kind: ChannelKind;
  name: string;
  url: string;
  sealedSecret: string;
  kinds: string;
  enabled: number;
  createdAt: number;
}

const columns = `id, kind, name, url, sealed_secret as sealedSecret, kinds, enabled, created_at as createdAt`;

function isAdmin(ctx: CoreContext, userId: number): boolean {
  return ctx.db.$client.prepare(`select 1 from users where id = ? and role = 'admin' and active`).get(userId) !== undefined;
}

/** The channel, if the caller may manage it: their own, or any group's for an administrator. */
function record(ctx: CoreContext, actorId: number, channelId: number): ChannelRecord {
  const found = ctx.db.$client.prepare(`select ${columns}, user_id as userId, group_id as groupId from channels where id = ?`).get(channelId) as
    | (ChannelRecord & { userId: number | null; groupId: number | null })
    | undefined;
  const mayManage = found && (found.groupId === null ? found.userId === actorId : isAdmin(ctx, actorId));
  if (!found || !mayManage) throw notFound('Channel');
  return found;
}

/** Whose channels a call is about: the caller's own, or a group's (administrators only). */
function ownerOf(ctx: CoreContext, actorId: number, groupId: number | null): { column: 'user_id' | 'group_id'; id: number } {
  if (groupId === null) return { column: 'user_id', id: actorId };
  if (!isAdmin(ctx, actorId)) throw new DomainError('FORBIDDEN', 'Only an administrator can manage a group\'s channels.');
  if (!ctx.db.$client.prepare('select 1 from user_groups where id = ?').get(groupId)) throw notFound('Group');
  return { column: 'group_id', id: groupId };
}

function view(ctx: CoreContext, channel: ChannelRecord): ChannelView {
  const client = ctx.db.$client;
  const last = client
    .prepare('select status, coalesce(sent_at, created_at) as at, last_error as error from channel_deliveries where channel_id = ? order by id desc limit 1')
    .get(channel.id) as ChannelView['last'] | undefined;
  const counts = client
    .prepare(`select count(*) filter (where status in ('queued', 'sending')) as waiting, count(*) filter (where status = 'failed') as failed from channel_deliveries where channel_id = ?`)
    .get(channel.id) as { waiting: number; failed: number };
  return {
    id: channel.id,
    kind: channel.kind,
    name: channel.name,
    url: channel.url,
    hasSecret: channel.sealedSecret !== '',
    kinds: (JSON.parse(channel.kinds) as string[]).filter((kind): kind is NotificationKind => (notificationKindNames as string[]).includes(kind)),
    enabled: channel.enabled === 1,
    createdAt: channel.createdAt,
    last: last ?? null,
    ...counts,
  };
}

/** The kinds a new channel carries unless chosen: those whose email is on by default. */
function defaultKinds(): NotificationKind[] {
  return notificationKindNames.filter((kind) => defaultPreference(kind).email);
}

/** A webhook's signing secret: 32 random bytes, shown to the person once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export const channels = {
  list(ctx: CoreContext, actorId: number, groupId: number | null): ChannelView[] {
    const owner = ownerOf(ctx, actorId, groupId);
    const rows = ctx.db.$client.prepare(`select ${columns} from channels where ${owner.column} = ? order by created_at, id`).all(owner.id) as ChannelRecord[];
    return rows.map((row) => view(ctx, row));
  },

  /** `sealedSecret` is the webhook secret or ntfy token, already sealed by the caller (it holds the key). */
  /** Checks the caller may add a channel for this owner, before anything is sealed or written. */
  assertMayCreate(ctx: CoreContext, actorId: number, groupId: number | null): void {
    ownerOf(ctx, actorId, groupId);
  },

  create(ctx: WriteContext, actorId: number, input: ParsedInput<'channels.create'>, sealedSecret: string): ChannelView {
    const owner = ownerOf(ctx, actorId, input.groupId);
    const id = Number(
      ctx.db.$client
        .prepare(`insert into channels (${owner.column}, kind, name, url, sealed_secret, kinds, enabled, created_at) values (?, ?, ?, ?, ?, ?, 1, ?)`)
        .run(owner.id, input.kind, input.name, input.url, sealedSecret, JSON.stringify(input.kinds ?? defaultKinds()), ctx.clock.now()).lastInsertRowid,
    );
    return view(ctx, record(ctx, actorId, id));
  },

  update(ctx: WriteContext, userId: number, input: ParsedInput<'channels.update'>): ChannelView {
    record(ctx, userId, input.id);
    ctx.db.$client
      .prepare('update channels set name = ?, enabled = ?, kinds = ? where id = ?')
      .run(input.name, input.enabled ? 1 : 0, JSON.stringify([...new Set(input.kinds)]), input.id);
    // A channel switched off stops: what was waiting for it is not posted later by surprise.
    if (!input.enabled) {
      ctx.db.$client
        .prepare(`update channel_deliveries set status = 'dropped', last_error = 'The channel was switched off before it could be posted.' where channel_id = ? and status = 'queued'`)
        .run(input.id);
    }
    return view(ctx, record(ctx, userId, input.id));
  },

  delete(ctx: WriteContext, userId: number, channelId: number): MethodOutput<'channels.delete'> {
    record(ctx, userId, channelId);
    ctx.db.$client.prepare('delete from channels where id = ?').run(channelId);
    return { ok: true };
  },

  /** The record with its sealed secret, for a test post. */
  forSending(ctx: CoreContext, userId: number, channelId: number): ChannelRecord {
    return record(ctx, userId, channelId);
  },

  deliveries(ctx: CoreContext, userId: number, input: ParsedInput<'channels.deliveries'>): ChannelDeliveryView[] {
    record(ctx, userId, input.id);
    const rows = ctx.db.$client
      .prepare(
        `select id, json_extract(payload, '$.title') as title, status, attempts, next_attempt_at as nextAttemptAt, last_error as lastError,
           response_status as responseStatus, created_at as createdAt, sent_at as sentAt
         from channel_deliveries where channel_id = ? order by id desc limit ?`,
      )
      .all(input.id, input.limit) as ChannelDeliveryView[];
    return rows.map((row) => ({ ...row, nextAttemptAt: row.status === 'queued' ? row.nextAttemptAt : null }));
  },

  retryFailed(ctx: WriteContext, userId: number, channelId: number): MethodOutput<'channels.retryFailed'> {
    record(ctx, userId, channelId);
    const changed = ctx.db.$client
      .prepare(`update channel_deliveries set status = 'queued', attempts = 0, next_attempt_at = ? where channel_id = ? and status = 'failed'`)
      .run(ctx.clock.now(), channelId).changes;
    if (changed > 0) ctx.change.channelsQueued = true;
    return { changed };
  },
};
