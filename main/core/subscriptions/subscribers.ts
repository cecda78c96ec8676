import type { CoreContext } from '../context';

/** Why a person hears about a part: the subscription that covers it, nearest first. */
export interface Via {
  kind: 'part' | 'category';
  id: number;
  name: string;
  /** Subscribed to the part (or category) itself, personally. */
  direct: boolean;
  /** The subscription is on the part (or category) itself, the person's own or a group's. */
  self: boolean;
  /** The group whose subscription it is, when it is not the person's own. */
  group: { id: number; name: string } | null;
}

export interface Subscriber {
  userId: number;
  via: Via;
}

// The part, the templates above it and the categories above it, each with its distance.
const partPath = `
  with recursive
    templates(id, depth) as (
      select @partId, 0
      union all
      select p.variant_of_id, t.depth + 1 from parts p join templates t on p.id = t.id where p.variant_of_id is not null),
    categories(id, depth) as (
      select category_id, 0 from parts where id = @partId and category_id is not null
      union all
      select c.parent_id, k.depth + 1 from part_categories c join categories k on c.id = k.id where c.parent_id is not null),`;

// Candidates for one part: subscriptions on the part or any template above it (depth 0, 1, ...),
// then on its category or any ancestor category (ranked after every template); at each step the
// person's own subscription ranks before a group's (rank = 2 x depth, + 1 for a group). A member
// who left a group's subscription for themselves is not covered by it. SQLite's min() with bare
// columns keeps, per user, the row of the nearest one. CROSS JOIN fixes the join order: left to
// itself SQLite read every category subscription against a bloom filter (four times slower at
// 100 000 subscriptions) instead of looking up the few categories on the path.
// @exceptOwn leaves out the person's own subscription to the part itself (what else covers it).
const coveringSubscriptions = `${partPath}
    covering(user_id, kind, target_id, rank, group_id) as (
      select s.user_id, 'part', t.id, 2 * t.depth, null from templates t cross join part_subscriptions s on s.part_id = t.id
        where t.depth > 0 or not @exceptOwn
      union all
      select m.user_id, 'part', t.id, 2 * t.depth + 1, g.group_id
        from templates t cross join group_part_subscriptions g on g.part_id = t.id cross join group_members m on m.group_id = g.group_id
        where not exists (select 1 from group_opt_outs o
                          where o.user_id = m.user_id and o.group_id = g.group_id and o.target_kind = 'part' and o.target_id = t.id)
      union all
      select s.user_id, 'category', k.id, 200000 + 2 * k.depth, null from categories k cross join category_subscriptions s on s.category_id = k.id
      union all
      select m.user_id, 'category', k.id, 200001 + 2 * k.depth, g.group_id
        from categories k cross join group_category_subscriptions g on g.category_id = k.id cross join group_members m on m.group_id = g.group_id
        where not exists (select 1 from group_opt_outs o
                          where o.user_id = m.user_id and o.group_id = g.group_id and o.target_kind = 'category' and o.target_id = k.id))
  select c.user_id as userId, c.kind, c.target_id as id, min(c.rank) as rank, c.group_id as groupId
  from covering c cross join users u on u.id = c.user_id and u.active
  %USER%
  group by c.user_id`;

// The same for a category and the categories above it.
const coveringCategorySubscriptions = `
  with recursive
    up(id, depth) as (
      select @categoryId, 0 union all select c.parent_id, up.depth + 1 from part_categories c join up on c.id = up.id where c.parent_id is not null),
    covering(target_id, rank, group_id) as (
      select up.id, 2 * up.depth, null from up cross join category_subscriptions s on s.category_id = up.id and s.user_id = @userId
        where up.depth > 0 or not @exceptOwn
      union all
      select up.id, 2 * up.depth + 1, g.group_id
        from up cross join group_category_subscriptions g on g.category_id = up.id
        cross join group_members m on m.group_id = g.group_id and m.user_id = @userId
        where not exists (select 1 from group_opt_outs o
                          where o.user_id = @userId and o.group_id = g.group_id and o.target_kind = 'category' and o.target_id = up.id))
  select 'category' as kind, target_id as id, rank, group_id as groupId from covering order by rank limit 1`;

interface CoveringRow {
  userId: number;
  kind: 'part' | 'category';
  id: number;
  rank: number;
  groupId: number | null;
}

/** Subscribers with their reasons named; the few distinct templates, categories and groups are read once. */
function withNames(ctx: CoreContext, rows: CoveringRow[]): Subscriber[] {
  const names = new Map<string, string>();
  const tables = { part: 'parts', category: 'part_categories', group: 'user_groups' } as const;
  const nameOf = (kind: keyof typeof tables, id: number): string => {
    const key = `${kind}:${id}`;
    let name = names.get(key);
    if (name === undefined) {
      name = ctx.db.$client.prepare(`select name from ${tables[kind]} where id = ?`).pluck().get(id) as string;
      names.set(key, name);
    }
    return name;
  };
  return rows.map((row) => ({
    userId: row.userId,
    via: {
      kind: row.kind,
      id: row.id,
      name: nameOf(row.kind, row.id),
      direct: row.rank === 0 && row.kind === 'part',
      self: row.rank <= 1 && row.kind === 'part',
      group: row.groupId === null ? null : { id: row.groupId, name: nameOf('group', row.groupId) },
    },
  }));
}

/** Every active user who hears about events on this part, each once, with the nearest reason. */
export function subscribersOfPart(ctx: CoreContext, partId: number): Subscriber[] {
  return withNames(ctx, ctx.db.$client.prepare(coveringSubscriptions.replace('%USER%', '')).all({ partId, exceptOwn: 0 }) as CoveringRow[]);
}

/**
 * How one user is covered for a part, or null. With `exceptOwn`, what covers it besides their own
 * subscription to the part itself (what is left if they unsubscribe).
 */
export function coverageOfPart(ctx: CoreContext, userId: number, partId: number, exceptOwn = false): Via | null {
  const row = ctx.db.$client
    .prepare(coveringSubscriptions.replace('%USER%', 'where c.user_id = @userId'))
    .get({ partId, userId, exceptOwn: exceptOwn ? 1 : 0 }) as CoveringRow | undefined;
  return row ? (withNames(ctx, [row])[0]?.via ?? null) : null;
}

/** The nearest subscription covering `categoryId` (itself included) for the user, or null. */
export function coverageOfCategory(ctx: CoreContext, userId: number, categoryId: number, exceptOwn = false): Via | null {
  const row = ctx.db.$client.prepare(coveringCategorySubscriptions).get({ categoryId, userId, exceptOwn: exceptOwn ? 1 : 0 }) as
    | Omit<CoveringRow, 'userId'>
    | undefined;
  if (!row) return null;
  const via = withNames(ctx, [{ ...row, userId }])[0]?.via ?? null;
  return via && { ...via, direct: row.rank === 0, self: row.rank <= 1 };
}

// The groups that follow a part, each with its nearest subscription (a template's, then a category's).
const groupsCovering = `${partPath}
    covering(group_id, kind, target_id, rank) as (
      select g.group_id, 'part', t.id, 2 * t.depth + 1 from templates t cross join group_part_subscriptions g on g.part_id = t.id
      union all
      select g.group_id, 'category', k.id, 200001 + 2 * k.depth from categories k cross join group_category_subscriptions g on g.category_id = k.id)
  select group_id as groupId, kind, target_id as id, min(rank) as rank from covering group by group_id`;

/** Every group that follows this part, with the subscription that covers it for the group. */
export function groupsFollowingPart(ctx: CoreContext, partId: number): { groupId: number; via: Via }[] {
  // Ranked as a group's subscription is for a member, so the reason reads the same.
  const rows = ctx.db.$client.prepare(groupsCovering).all({ partId }) as (Omit<CoveringRow, 'userId' | 'groupId'> & { groupId: number })[];
  const named = withNames(ctx, rows.map((row) => ({ ...row, userId: 0 })));
  return rows.map((row, index) => ({ groupId: row.groupId, via: named[index]?.via as Via }));
}

/**
 * A sentence for the person: why they received this. For a group's own channel (`toGroup`), the
 * same said of the group: "Group Purchasing is subscribed to ...".
 */
export function describeVia(via: Via, toGroup = false): string {
  const who = via.group ? `${toGroup ? 'Group' : 'Your group'} ${via.group.name} is` : 'You are';
  if (via.kind === 'part') return via.self ? `${who} subscribed to this part.` : `${who} subscribed to the template ${via.name}.`;
  return `${who} subscribed to ${via.name}.`;
}
