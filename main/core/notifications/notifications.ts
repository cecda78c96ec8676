import { queueChannelDeliveries, queueGroupChannelPosts } from '../channels/deliveries';
import type { MethodOutput, ParsedInput } from '../../contract';
import type { NotificationView } from '../../contract/notifications';
import type { CoreContext, WriteContext } from '../context';
import { invalid } from '../errors';

/** What happened, the same for everyone told about it. */
export interface NewEvent {
  kind: string;
  title: string;
  message: string;
  target: { kind: string; id: string };
  data: Record<string, unknown>;
}

/** Someone to tell, and why ("You are subscribed to Resistors."). */
export interface Recipient {
  userId: number;
  reason: string;
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
  snoozedUntil: number | null;
  archivedAt: number | null;
}

const MAX_SNOOZE_MS = 366 * 86_400_000;

/** Rows per multi-row insert: well inside SQLite's limit on bound values. */
export const INSERT_CHUNK = 200;

const columns = `select n.id as id, n.kind as kind, e.title, e.message, n.reason, e.target_kind as targetKind, e.target_id as targetId,
  n.created_at as createdAt, n.read_at as readAt, n.snoozed_until as snoozedUntil, n.archived_at as archivedAt from notifications n join notification_events e on e.id = n.event_id`;

/**
 * Unread notifications sit in one of two partial indexes, settled or fresh (see the schema). A
 * statement about someone's unread ones names both as two branches of a compound select: with
 * `read_at is null` alone SQLite could use neither index and would read the whole table.
 */
function unreadBranches(select: string, extra = ''): string {
  // Snoozed ones are unread but out of the inbox until they come back: they are few, filtered here.
  return [1, 0].map((settled) => `${select} where n.user_id = ? and n.read_at is null and n.settled = ${settled} and n.snoozed_until is null${extra}`).join(' union all ');
}

const routes: Record<string, (id: string) => string> = {
  part: (id) => `/parts/${id}`,
  category: (id) => `/categories/${id}`,
  build: (id) => `/builds/${id}`,
  location: (id) => `/locations/${id}`,
  user: () => '/users',
};

function toView({ targetKind, targetId, ...record }: NotificationRecord): NotificationView {
  const route = routes[targetKind];
  return { ...record, target: { kind: targetKind, id: targetId }, link: route ? route(targetId) : '/inbox' };
}

/** Every statement here names the user, so one person can never see or change another's. */
export const notifications = {
  /**
   * Stores one event and tells each recipient about it, with few statements: the event's text once,
   * and per person a small row written from a JSON list (a crossing may reach a thousand people).
   * The rows go to the fresh index; counters move in a statement or two.
   */
  createMany(ctx: WriteContext, event: NewEvent, recipients: Recipient[]): NotificationView[] {
    if (recipients.length === 0) return [];
    const createdAt = ctx.clock.now();
    const client = ctx.db.$client;
    const eventId = Number(
      client
        .prepare('insert into notification_events (kind, title, message, target_kind, target_id, data, created_at) values (?, ?, ?, ?, ?, ?, ?)')
        .run(event.kind, event.title, event.message, event.target.kind, event.target.id, JSON.stringify(event.data), createdAt).lastInsertRowid,
    );
    // One insert per distinct reason (a crossing has a handful). The rows one statement inserts get
    // consecutive ids in the order of its list, so each person's id follows from the last one.
    const byReason = groupBy(recipients.map((recipient) => [recipient.reason, recipient.userId]));
    const insert = client.prepare(
      `insert into notifications (user_id, event_id, kind, reason, created_at, settled)
       select value, ?, ?, ?, ?, 0 from json_each(?) order by key`,
    );
    const link = routes[event.target.kind]?.(event.target.id) ?? '/inbox';
    const views: NotificationView[] = [];
    // Who was told, for their channels: only gathered when someone has a channel at all.
    const told: { userId: number; view: NotificationView }[] = [];
    const channelsExist = client
      .prepare('select coalesce(max(user_id is not null), 0) as personal, coalesce(max(group_id is not null), 0) as group_ from channels where enabled')
      .get() as { personal: number; group_: number };
    const anyChannel = channelsExist.personal === 1;
    const added = new Map<number, number>();
    for (const [reason, userIds] of byReason) {
      const result = insert.run(eventId, event.kind, reason, createdAt, JSON.stringify(userIds));
      const first = Number(result.lastInsertRowid) - result.changes + 1;
      userIds.forEach((userId, index) => {
        // A literal, not a spread of shared fields: a thousand spreads cost V8 over a millisecond.
        const view: NotificationView = {
          id: first + index,
          kind: event.kind,
          title: event.title,
          message: event.message,
          reason,
          target: event.target,
          link,
          createdAt,
          readAt: null,
          snoozedUntil: null,
          archivedAt: null,
        };
        ctx.change.notify(userId, view);
        views.push(view);
        if (anyChannel) told.push({ userId, view });
        added.set(userId, (added.get(userId) ?? 0) + 1);
      });
    }
    ctx.change.freshNotifications += views.length;
    adjustUnread(ctx, added);
    queueChannelDeliveries(ctx, told);
    if (channelsExist.group_ === 1) queueGroupChannelPosts(ctx, eventId, event, link);
    return views;
  },

  unreadCount(ctx: CoreContext, userId: number): number {
    return (ctx.db.$client.prepare('select unread_notifications from users where id = ?').pluck().get(userId) as number | undefined) ?? 0;
  },

  list(ctx: CoreContext, userId: number, input: ParsedInput<'notifications.list'>): MethodOutput<'notifications.list'> {
    const client = ctx.db.$client;
    // Text search reads the person's rows of that state through their index and their event's
    // wording by its key; LIKE with escaped wildcards, case-insensitive for ASCII.
    const searching = input.search !== '';
    const kind = (input.kind ? ' and n.kind = ?' : '') + (searching ? " and (e.title like ? escape '\\' or e.message like ? escape '\\')" : '');
    const pattern = `%${input.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    const params: (number | string)[] = [userId, ...(input.kind ? [input.kind] : []), ...(searching ? [pattern, pattern] : [])];
    if (input.state === 'unread') {
      // The whole unread inbox is the counter the bell reads; a kind's share is counted.
      const total =
        input.kind || searching
          ? (client.prepare(`select sum(count) from (${unreadBranches('select count(*) as count from notifications n join notification_events e on e.id = n.event_id', kind)})`).pluck().get(...params, ...params) as number)
          : notifications.unreadCount(ctx, userId);
      const rows = client
        .prepare(`${unreadBranches(columns, kind)} order by createdAt desc, id desc limit ? offset ?`)
        .all(...params, ...params, input.limit, input.offset) as NotificationRecord[];
      return { rows: rows.map(toView), total };
    }
    if (input.state === 'snoozed') {
      const snoozed = `where n.snoozed_until is not null and n.user_id = ?${kind}`;
      const total = client.prepare(`select count(*) from notifications n join notification_events e on e.id = n.event_id ${snoozed}`).pluck().get(...params) as number;
      const rows = client.prepare(`${columns} ${snoozed} order by n.snoozed_until, n.id limit ? offset ?`).all(...params, input.limit, input.offset) as NotificationRecord[];
      return { rows: rows.map(toView), total };
    }
    const archived = input.state === 'archived' ? 'n.archived_at is not null' : 'n.archived_at is null';
    const where = `where n.user_id = ? and n.read_at is not null and ${archived}${kind}`;
    // Only a text search needs the events' wording to count; a kind is on the row itself.
    const counted = searching ? 'notifications n join notification_events e on e.id = n.event_id' : 'notifications n';
    const total = client.prepare(`select count(*) from ${counted} ${where}`).pluck().get(...params) as number;
    const rows = client.prepare(`${columns} ${where} order by n.read_at desc, n.id desc limit ? offset ?`).all(...params, input.limit, input.offset) as NotificationRecord[];
    return { rows: rows.map(toView), total };
  },

  markRead(ctx: WriteContext, userId: number, ids: number[]): number {
    const result = ctx.db.$client
      .prepare(`update notifications set read_at = ? where user_id = ? and read_at is null and snoozed_until is null and id in (select value from json_each(?))`)
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
    const result = ctx.db.$client
      .prepare(`update notifications set read_at = ? where id in (${unreadBranches('select n.id from notifications n')})`)
      .run(ctx.clock.now(), userId, userId);
    adjustUnread(ctx, new Map([[userId, -result.changes]]));
    return touched(ctx, userId, result.changes);
  },

  /**
   * Takes notifications out of the inbox until `until`, when they come back unread (a read one
   * snoozed comes back unread too). The bell stops counting them now.
   */
  snooze(ctx: WriteContext, userId: number, ids: number[], until: number): number {
    const now = ctx.clock.now();
    if (until <= now) throw invalid('until', 'Choose a time in the future.');
    if (until > now + MAX_SNOOZE_MS) throw invalid('until', 'Choose a time within a year.');
    const client = ctx.db.$client;
    const list = JSON.stringify(ids);
    const leavingInbox = client
      .prepare('select count(*) from notifications where user_id = ? and read_at is null and snoozed_until is null and id in (select value from json_each(?))')
      .pluck()
      .get(userId, list) as number;
    const result = client
      .prepare('update notifications set snoozed_until = ?, read_at = null where user_id = ? and id in (select value from json_each(?))')
      .run(until, userId, list);
    adjustUnread(ctx, new Map([[userId, -leavingInbox]]));
    if (result.changes > 0) ctx.change.snoozesChanged = true;
    return touched(ctx, userId, result.changes);
  },

  /** Brings snoozed notifications back now (the person changed their mind). */
  unsnooze(ctx: WriteContext, userId: number, ids: number[]): number {
    const woken = ctx.db.$client
      .prepare('update notifications set snoozed_until = null where user_id = ? and snoozed_until is not null and id in (select value from json_each(?)) returning id')
      .pluck()
      .all(userId, JSON.stringify(ids)) as number[];
    adjustUnread(ctx, new Map([[userId, woken.length]]));
    if (woken.length > 0) ctx.change.snoozesChanged = true;
    return touched(ctx, userId, woken.length);
  },

  /**
   * Brings back every notification whose snooze has run out, unread, announced to its owner as new
   * (the bell, a banner if they want banners). Returns how many came back.
   */
  wakeDue(ctx: WriteContext): number {
    const woken = ctx.db.$client
      .prepare('update notifications set snoozed_until = null where snoozed_until is not null and snoozed_until <= ? returning id')
      .pluck()
      .all(ctx.clock.now()) as number[];
    if (woken.length === 0) return 0;
    const views = notifications.viewsOf(ctx, woken);
    const added = new Map<number, number>();
    for (const [userId, view] of views) {
      added.set(userId, (added.get(userId) ?? 0) + (view.readAt === null ? 1 : 0));
      ctx.change.notify(userId, view);
    }
    adjustUnread(ctx, added);
    ctx.change.snoozesChanged = true;
    return woken.length;
  },

  /** When the next snoozed notification is due, or null when none is snoozed. */
  nextWake(ctx: CoreContext): number | null {
    return (ctx.db.$client.prepare('select min(snoozed_until) from notifications where snoozed_until is not null').pluck().get() as number | null) ?? null;
  },

  /** Notifications by id, with their owners, for announcing them. */
  viewsOf(ctx: CoreContext, ids: number[]): [userId: number, view: NotificationView][] {
    const rows = ctx.db.$client
      .prepare(`${columns.replace('select ', 'select n.user_id as userId, ')} where n.id in (select value from json_each(?)) order by n.id`)
      .all(JSON.stringify(ids)) as (NotificationRecord & { userId: number })[];
    return rows.map(({ userId, ...record }) => [userId, toView(record)]);
  },

  /** Puts read notifications away: out of History, kept past the retention period, still searchable. */
  archive(ctx: WriteContext, userId: number, ids: number[]): number {
    const result = ctx.db.$client
      .prepare('update notifications set archived_at = ? where user_id = ? and read_at is not null and archived_at is null and id in (select value from json_each(?))')
      .run(ctx.clock.now(), userId, JSON.stringify(ids));
    return touched(ctx, userId, result.changes);
  },

  unarchive(ctx: WriteContext, userId: number, ids: number[]): number {
    const result = ctx.db.$client
      .prepare('update notifications set archived_at = null where user_id = ? and archived_at is not null and id in (select value from json_each(?))')
      .run(userId, JSON.stringify(ids));
    return touched(ctx, userId, result.changes);
  },

  /** Deletes only read notifications: an unread one must be seen (or marked read) first. */
  delete(ctx: WriteContext, userId: number, ids: number[]): number {
    const removed = removeReturningEvents(ctx, 'user_id = ? and read_at is not null and id in (select value from json_each(?))', userId, JSON.stringify(ids));
    return touched(ctx, userId, removed);
  },

  deleteAllRead(ctx: WriteContext, userId: number): number {
    // History's "Delete all": archived ones were put away to be kept.
    return touched(ctx, userId, removeReturningEvents(ctx, 'user_id = ? and read_at is not null and archived_at is null', userId));
  },

  hasFresh(ctx: CoreContext): boolean {
    return ctx.db.$client.prepare('select exists (select 1 from notifications where read_at is null and settled = 0)').pluck().get() === 1;
  },

  /**
   * Moves fresh notifications (up to `limit`, all when omitted; in index order) into the settled
   * index. Done in batches in idle moments, so several crossings that reached the same people write
   * each person's page of the large index once. Returns how many moved.
   */
  settle(ctx: WriteContext, limit?: number): number {
    return ctx.db.$client
      .prepare(
        `update notifications set settled = 1 where id in (
           select id from notifications where read_at is null and settled = 0 order by user_id, created_at, id limit ?)`,
      )
      .run(limit ?? -1).changes;
  },

  /** Removes read notifications older than the retention period, for every user. */
  removeExpired(ctx: WriteContext, retentionDays: number): number {
    const cutoff = ctx.clock.now() - retentionDays * 86_400_000;
    // Archived ones are kept: that is what archiving is for.
    return removeReturningEvents(ctx, 'read_at is not null and read_at < ? and archived_at is null', cutoff);
  },
};

/** Values gathered under their keys, keys in first-seen order. */
function groupBy<K, V>(pairs: [K, V][]): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const [key, value] of pairs) {
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

/** Moves people's unread counters: one statement per distinct amount, however many people. */
function adjustUnread(ctx: WriteContext, deltas: Map<number, number>): void {
  const byAmount = groupBy([...deltas].filter(([, delta]) => delta !== 0).map(([userId, delta]) => [delta, userId]));
  const move = ctx.db.$client.prepare('update users set unread_notifications = unread_notifications + ? where id in (select value from json_each(?))');
  for (const [delta, userIds] of byAmount) move.run(delta, JSON.stringify(userIds));
}

/** Deletes the matching notifications, then the events of theirs that nobody has a copy of any more. */
function removeReturningEvents(ctx: WriteContext, where: string, ...params: (number | string)[]): number {
  const client = ctx.db.$client;
  const events = client.prepare(`delete from notifications where ${where} returning event_id`).pluck().all(...params) as number[];
  if (events.length > 0) {
    client
      .prepare(
        `delete from notification_events where id in (select distinct value from json_each(?))
         and not exists (select 1 from notifications n where n.event_id = notification_events.id)`,
      )
      .run(JSON.stringify(events));
  }
  return events.length;
}

function touched(ctx: WriteContext, userId: number, changes: number): number {
  if (changes > 0) ctx.change.notify(userId);
  return changes;
}
