import type { MethodOutput, ParsedInput } from '../../contract';
import type { NotificationView } from '../../contract/notifications';
import type { CoreContext, WriteContext } from '../context';

export interface NewNotification {
  userId: number;
  kind: string;
  title: string;
  message: string;
  reason: string;
  target: { kind: string; id: string };
  data: Record<string, unknown>;
}

interface NotificationRecord {
  id: number;
  kind: string;
  title: string;
  message: string;
  reason: string;
  targetKind: string;
  targetId: string;
  createdAt: number;
  readAt: number | null;
}

/** Rows per multi-row insert: well inside SQLite's limit on bound values. */
export const INSERT_CHUNK = 200;

const columns = `select id, kind, title, message, reason, target_kind as targetKind, target_id as targetId,
  created_at as createdAt, read_at as readAt from notifications`;

const routes: Record<string, (id: string) => string> = {
  part: (id) => `/parts/${id}`,
  category: (id) => `/categories/${id}`,
  build: (id) => `/builds/${id}`,
};

function toView({ targetKind, targetId, ...record }: NotificationRecord): NotificationView {
  const route = routes[targetKind];
  return { ...record, target: { kind: targetKind, id: targetId }, link: route ? route(targetId) : '/inbox' };
}

/** Every statement here names the user, so one person can never see or change another's. */
export const notifications = {
  /** Writes many notifications with few statements (a crossing may reach a thousand people). */
  createMany(ctx: WriteContext, entries: NewNotification[]): NotificationView[] {
    const createdAt = ctx.clock.now();
    const views: NotificationView[] = [];
    for (let start = 0; start < entries.length; start += INSERT_CHUNK) {
      const chunk = entries.slice(start, start + INSERT_CHUNK);
      const ids = ctx.db.$client
        .prepare(
          `insert into notifications (user_id, kind, title, message, reason, target_kind, target_id, data, created_at)
           values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} returning id`,
        )
        .pluck()
        .all(
          ...chunk.flatMap((entry) => [entry.userId, entry.kind, entry.title, entry.message, entry.reason, entry.target.kind, entry.target.id, JSON.stringify(entry.data), createdAt]),
        ) as number[];
      chunk.forEach((entry, index) => {
        const view = toView({
          id: ids[index] as number,
          kind: entry.kind,
          title: entry.title,
          message: entry.message,
          reason: entry.reason,
          targetKind: entry.target.kind,
          targetId: entry.target.id,
          createdAt,
          readAt: null,
        });
        ctx.change.notify(entry.userId, view);
        views.push(view);
      });
    }
    const added = new Map<number, number>();
    for (const entry of entries) added.set(entry.userId, (added.get(entry.userId) ?? 0) + 1);
    adjustUnread(ctx, added);
    return views;
  },

  unreadCount(ctx: CoreContext, userId: number): number {
    return (ctx.db.$client.prepare('select unread_notifications from users where id = ?').pluck().get(userId) as number | undefined) ?? 0;
  },

  list(ctx: CoreContext, userId: number, input: ParsedInput<'notifications.list'>): MethodOutput<'notifications.list'> {
    const unread = input.state === 'unread';
    const where = `where user_id = ? and read_at is ${unread ? '' : 'not '}null${input.kind ? ' and kind = ?' : ''}`;
    const params: (number | string)[] = input.kind ? [userId, input.kind] : [userId];
    const order = unread ? 'created_at desc, id desc' : 'read_at desc, id desc';
    const client = ctx.db.$client;
    // The whole unread inbox is the counter the bell reads; other views count their rows.
    const total =
      unread && !input.kind
        ? notifications.unreadCount(ctx, userId)
        : (client.prepare(`select count(*) from notifications ${where}`).pluck().get(...params) as number);
    const rows = client.prepare(`${columns} ${where} order by ${order} limit ? offset ?`).all(...params, input.limit, input.offset) as NotificationRecord[];
    return { rows: rows.map(toView), total };
  },

  markRead(ctx: WriteContext, userId: number, ids: number[]): number {
    const result = ctx.db.$client
      .prepare(`update notifications set read_at = ? where user_id = ? and read_at is null and id in (select value from json_each(?))`)
      .run(ctx.clock.now(), userId, JSON.stringify(ids));
    adjustUnread(ctx, new Map([[userId, -result.changes]]));
    return touched(ctx, userId, result.changes);
  },

  markUnread(ctx: WriteContext, userId: number, ids: number[]): number {
    const result = ctx.db.$client
      .prepare(`update notifications set read_at = null where user_id = ? and read_at is not null and id in (select value from json_each(?))`)
      .run(userId, JSON.stringify(ids));
    adjustUnread(ctx, new Map([[userId, result.changes]]));
    return touched(ctx, userId, result.changes);
  },

  markAllRead(ctx: WriteContext, userId: number): number {
    const result = ctx.db.$client.prepare('update notifications set read_at = ? where user_id = ? and read_at is null').run(ctx.clock.now(), userId);
    adjustUnread(ctx, new Map([[userId, -result.changes]]));
    return touched(ctx, userId, result.changes);
  },

  /** Deletes only read notifications: an unread one must be seen (or marked read) first. */
  delete(ctx: WriteContext, userId: number, ids: number[]): number {
    const result = ctx.db.$client
      .prepare(`delete from notifications where user_id = ? and read_at is not null and id in (select value from json_each(?))`)
      .run(userId, JSON.stringify(ids));
    return touched(ctx, userId, result.changes);
  },

  deleteAllRead(ctx: WriteContext, userId: number): number {
    const result = ctx.db.$client.prepare('delete from notifications where user_id = ? and read_at is not null').run(userId);
    return touched(ctx, userId, result.changes);
  },

  /** Removes read notifications older than the retention period, for every user. */
  removeExpired(ctx: WriteContext, retentionDays: number): number {
    const cutoff = ctx.clock.now() - retentionDays * 86_400_000;
    return ctx.db.$client.prepare('delete from notifications where read_at is not null and read_at < ?').run(cutoff).changes;
  },
};

/** Moves people's unread counters by the given amounts. */
function adjustUnread(ctx: WriteContext, deltas: Map<number, number>): void {
  const add = ctx.db.$client.prepare('update users set unread_notifications = unread_notifications + ? where id = ?');
  for (const [userId, delta] of deltas) if (delta !== 0) add.run(delta, userId);
}

function touched(ctx: WriteContext, userId: number, changes: number): number {
  if (changes > 0) ctx.change.notify(userId);
  return changes;
}
