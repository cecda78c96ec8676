import type { MethodOutput, ParsedInput } from '../../contract';
import type { GroupView, MemberGroupView } from '../../contract/groups';
import type { SubscriptionTarget } from '../../contract/notifications';
import type { CoreContext, WriteContext } from '../context';
import { conflict, notFound } from '../errors';
import { pathOf } from '../inventory/trees';
import { tellGroupWhatIsAlreadyLow } from './alreadyLow';

// Groups: an administrator names a set of people (Purchasing, Lab B) and subscribes the set to
// parts and categories; every member hears about them as if subscribed themselves ("via group
// Purchasing", see subscribers.ts), and may leave one of those subscriptions for themselves.

interface GroupRecord {
  id: number;
  name: string;
  description: string;
}

interface SubscriptionRecord {
  kind: 'part' | 'category';
  id: number;
  name: string;
  categoryId: number | null;
}

function groupRecord(ctx: CoreContext, groupId: number): GroupRecord {
  const record = ctx.db.$client.prepare('select id, name, description from user_groups where id = ?').get(groupId) as GroupRecord | undefined;
  if (!record) throw notFound('Group');
  return record;
}

function subscriptionsOfGroup(ctx: CoreContext, groupId: number): GroupView['subscriptions'] {
  const client = ctx.db.$client;
  const rows = client
    .prepare(
      `select 'category' as kind, c.id, c.name, c.parent_id as categoryId from group_category_subscriptions s join part_categories c on c.id = s.category_id where s.group_id = @groupId
       union all
       select 'part', p.id, p.name, p.category_id from group_part_subscriptions s join parts p on p.id = s.part_id where s.group_id = @groupId
       order by 1 desc, 3 collate nocase`,
    )
    .all({ groupId }) as SubscriptionRecord[];
  return rows.map((row) => ({
    target: { kind: row.kind, id: row.id },
    name: row.name,
    path: row.categoryId === null ? [] : pathOf(client, 'part_categories', row.categoryId),
  }));
}

function view(ctx: CoreContext, groupId: number): GroupView {
  const record = groupRecord(ctx, groupId);
  const members = ctx.db.$client
    .prepare(
      `select u.id, u.username, u.display_name as displayName, u.active from group_members m join users u on u.id = m.user_id
       where m.group_id = ? order by u.display_name collate nocase, u.id`,
    )
    .all(groupId) as { id: number; username: string; displayName: string; active: number }[];
  return { ...record, members: members.map((member) => ({ ...member, active: member.active === 1 })), subscriptions: subscriptionsOfGroup(ctx, groupId) };
}

/** Every member's views of what they follow refresh (this window, their other windows). */
function membersChanged(ctx: WriteContext, groupId: number): void {
  for (const userId of ctx.db.$client.prepare('select user_id from group_members where group_id = ?').pluck().all(groupId) as number[]) {
    ctx.change.subscriptionsOf(userId);
  }
}

function assertNameFree(ctx: CoreContext, name: string, exceptId: number | null): void {
  const taken = ctx.db.$client.prepare('select 1 from user_groups where lower(name) = lower(?) and id is not ?').get(name, exceptId);
  if (taken) throw conflict(`A group named ${name} already exists.`, 'name');
}

function assertTarget(ctx: CoreContext, target: SubscriptionTarget): void {
  const table = target.kind === 'part' ? 'parts' : 'part_categories';
  if (!ctx.db.$client.prepare(`select 1 from ${table} where id = ?`).get(target.id)) throw notFound(target.kind === 'part' ? 'Part' : 'Category');
}

function subscriptionTable(target: SubscriptionTarget): [table: string, column: string] {
  return target.kind === 'part' ? ['group_part_subscriptions', 'part_id'] : ['group_category_subscriptions', 'category_id'];
}

export const groups = {
  list(ctx: CoreContext): GroupView[] {
    const ids = ctx.db.$client.prepare('select id from user_groups order by name collate nocase, id').pluck().all() as number[];
    return ids.map((groupId) => view(ctx, groupId));
  },

  create(ctx: WriteContext, input: ParsedInput<'groups.create'>): GroupView {
    assertNameFree(ctx, input.name, null);
    const groupId = Number(
      ctx.db.$client
        .prepare('insert into user_groups (id, name, description, created_at) values (?, ?, ?, ?)')
        .run(ctx.ids.next('user_groups'), input.name, input.description, ctx.clock.now()).lastInsertRowid,
    );
    return view(ctx, groupId);
  },

  update(ctx: WriteContext, input: ParsedInput<'groups.update'>): GroupView {
    groupRecord(ctx, input.id);
    assertNameFree(ctx, input.name, input.id);
    ctx.db.$client.prepare('update user_groups set name = ?, description = ? where id = ?').run(input.name, input.description, input.id);
    // Members see the group's name wherever it explains their subscriptions.
    membersChanged(ctx, input.id);
    return view(ctx, input.id);
  },

  delete(ctx: WriteContext, groupId: number): MethodOutput<'groups.delete'> {
    groupRecord(ctx, groupId);
    membersChanged(ctx, groupId);
    ctx.db.$client.prepare('delete from user_groups where id = ?').run(groupId);
    return { ok: true };
  },

  setMember(ctx: WriteContext, input: ParsedInput<'groups.setMember'>): GroupView {
    groupRecord(ctx, input.groupId);
    if (!ctx.db.$client.prepare('select 1 from users where id = ?').get(input.userId)) throw notFound('User');
    if (input.member) {
      ctx.db.$client
        .prepare('insert into group_members (group_id, user_id, created_at) values (?, ?, ?) on conflict do nothing')
        .run(input.groupId, input.userId, ctx.clock.now());
    } else {
      ctx.db.$client.prepare('delete from group_members where group_id = ? and user_id = ?').run(input.groupId, input.userId);
    }
    ctx.change.subscriptionsOf(input.userId);
    return view(ctx, input.groupId);
  },

  subscribe(ctx: WriteContext, input: ParsedInput<'groups.subscribe'>): GroupView {
    groupRecord(ctx, input.groupId);
    assertTarget(ctx, input.target);
    const [table, column] = subscriptionTable(input.target);
    const added = ctx.db.$client
      .prepare(`insert into ${table} (group_id, ${column}, created_at) values (?, ?, ?) on conflict do nothing`)
      .run(input.groupId, input.target.id, ctx.clock.now()).changes;
    membersChanged(ctx, input.groupId);
    // In a team this follows from the subscription's place in the team's order (main/team).
    if (added > 0 && !ctx.change.derivationsDeferred && !ctx.change.alertsSilenced) tellGroupWhatIsAlreadyLow(ctx, input.groupId, input.target);
    return view(ctx, input.groupId);
  },

  unsubscribe(ctx: WriteContext, input: ParsedInput<'groups.unsubscribe'>): GroupView {
    groupRecord(ctx, input.groupId);
    assertTarget(ctx, input.target);
    const [table, column] = subscriptionTable(input.target);
    ctx.db.$client.prepare(`delete from ${table} where group_id = ? and ${column} = ?`).run(input.groupId, input.target.id);
    membersChanged(ctx, input.groupId);
    return view(ctx, input.groupId);
  },

  mine(ctx: CoreContext, userId: number): MemberGroupView[] {
    const client = ctx.db.$client;
    const ids = client
      .prepare('select g.id from group_members m join user_groups g on g.id = m.group_id where m.user_id = ? order by g.name collate nocase, g.id')
      .pluck()
      .all(userId) as number[];
    const left = client.prepare('select 1 from group_opt_outs where user_id = ? and group_id = ? and target_kind = ? and target_id = ?');
    return ids.map((groupId) => {
      const { id, name, description } = groupRecord(ctx, groupId);
      const subscriptions = subscriptionsOfGroup(ctx, groupId).map((entry) => ({
        ...entry,
        left: left.get(userId, groupId, entry.target.kind, entry.target.id) !== undefined,
      }));
      return { id, name, description, subscriptions };
    });
  },

  leaveSubscription(ctx: WriteContext, userId: number, input: ParsedInput<'groups.leaveSubscription'>): MemberGroupView {
    const client = ctx.db.$client;
    groupRecord(ctx, input.groupId);
    if (!client.prepare('select 1 from group_members where group_id = ? and user_id = ?').get(input.groupId, userId)) {
      throw notFound('Your membership of this group');
    }
    const [table, column] = subscriptionTable(input.target);
    if (!client.prepare(`select 1 from ${table} where group_id = ? and ${column} = ?`).get(input.groupId, input.target.id)) {
      throw notFound(`The group's subscription to this ${input.target.kind}`);
    }
    if (input.left) {
      client
        .prepare('insert into group_opt_outs (user_id, group_id, target_kind, target_id, created_at) values (?, ?, ?, ?, ?) on conflict do nothing')
        .run(userId, input.groupId, input.target.kind, input.target.id, ctx.clock.now());
    } else {
      client.prepare('delete from group_opt_outs where user_id = ? and group_id = ? and target_kind = ? and target_id = ?').run(userId, input.groupId, input.target.kind, input.target.id);
    }
    ctx.change.subscriptionsOf(userId);
    const mine = groups.mine(ctx, userId).find((group) => group.id === input.groupId);
    if (!mine) throw notFound('Group');
    return mine;
  },
};
