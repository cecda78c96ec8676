import type { MethodOutput, ParsedInput } from '../../contract';
import type { SubscriptionStatus, SubscriptionTarget } from '../../contract/notifications';
import type { CoreContext, WriteContext } from '../context';
import { notFound } from '../errors';
import { partRowColumns, partRowFrom, toPartRow, type PartRowRecord } from '../inventory/partViews';
import { pathOf } from '../inventory/trees';
import { tellWhatIsAlreadyLow } from './alreadyLow';
import { mutes } from './mutes';
import { coverageOfCategory, coverageOfPart, describeVia, type Via } from './subscribers';

function assertTarget(ctx: CoreContext, target: SubscriptionTarget): void {
  const table = target.kind === 'part' ? 'parts' : 'part_categories';
  if (!ctx.db.$client.prepare(`select 1 from ${table} where id = ?`).get(target.id)) {
    throw notFound(target.kind === 'part' ? 'Part' : 'Category');
  }
}

function viewOf(via: Via | null): SubscriptionStatus['via'] {
  return via ? { kind: via.kind, id: via.id, name: via.name, group: via.group } : null;
}

function statusOf(ctx: CoreContext, userId: number, target: SubscriptionTarget): SubscriptionStatus {
  const coverage = target.kind === 'part' ? coverageOfPart : coverageOfCategory;
  const via = coverage(ctx, userId, target.id);
  // Directly subscribed: still say what else covers it, so unsubscribing is not a surprise.
  if (via?.direct) return { target, direct: true, via: viewOf(coverage(ctx, userId, target.id, true)) };
  return { target, direct: false, via: viewOf(via) };
}

export const subscriptions = {
  subscribe(ctx: WriteContext, userId: number, target: SubscriptionTarget): SubscriptionStatus {
    assertTarget(ctx, target);
    const [table, column] = target.kind === 'part' ? ['part_subscriptions', 'part_id'] : ['category_subscriptions', 'category_id'];
    const added = ctx.db.$client
      .prepare(`insert into ${table} (user_id, ${column}, created_at) values (?, ?, ?) on conflict do nothing`)
      .run(userId, target.id, ctx.clock.now()).changes;
    ctx.change.subscriptionsOf(userId);
    // In a team this follows from the subscription's place in the team's order (main/team).
    // Not while loading data (the demo, an import): those set up subscriptions, nobody just asked.
    if (added > 0 && !ctx.change.derivationsDeferred && !ctx.change.alertsSilenced) tellWhatIsAlreadyLow(ctx, userId, target);
    return statusOf(ctx, userId, target);
  },

  unsubscribe(ctx: WriteContext, userId: number, target: SubscriptionTarget): SubscriptionStatus {
    assertTarget(ctx, target);
    const [table, column] = target.kind === 'part' ? ['part_subscriptions', 'part_id'] : ['category_subscriptions', 'category_id'];
    ctx.db.$client.prepare(`delete from ${table} where user_id = ? and ${column} = ?`).run(userId, target.id);
    ctx.change.subscriptionsOf(userId);
    return statusOf(ctx, userId, target);
  },

  status(ctx: CoreContext, userId: number, targets: SubscriptionTarget[]): SubscriptionStatus[] {
    return targets.map((target) => statusOf(ctx, userId, target));
  },

  list(ctx: CoreContext, userId: number): MethodOutput<'subscriptions.list'> {
    const client = ctx.db.$client;
    const partRows = client
      .prepare(
        `select p.id, p.name, p.ipn, p.category_id as categoryId from part_subscriptions s join parts p on p.id = s.part_id
         where s.user_id = ? order by p.name collate nocase`,
      )
      .all(userId) as { id: number; name: string; ipn: string | null; categoryId: number | null }[];
    const categoryRows = client
      .prepare(
        `select c.id, c.name, (select count(*) from parts p where p.category_id = c.id) as partCount
         from category_subscriptions s join part_categories c on c.id = s.category_id
         where s.user_id = ? order by c.name collate nocase`,
      )
      .all(userId) as { id: number; name: string; partCount: number }[];
    return {
      parts: partRows.map(({ categoryId, ...row }) => ({
        ...row,
        categoryPath: categoryId === null ? [] : pathOf(client, 'part_categories', categoryId),
        muted: mutes.status(ctx, userId, [{ kind: 'part', id: row.id }])[0]?.muted ?? null,
      })),
      categories: categoryRows.map((row) => ({
        ...row,
        path: pathOf(client, 'part_categories', row.id),
        muted: mutes.status(ctx, userId, [{ kind: 'category', id: row.id }])[0]?.muted ?? null,
      })),
    };
  },

  /** Parts low right now that the user hears about, directly or through a template or category. */
  lowStock(ctx: CoreContext, userId: number, input: ParsedInput<'subscriptions.lowStock'>): MethodOutput<'subscriptions.lowStock'> {
    // Low parts are few; read them from the partial index and keep those this user covers.
    const low = ctx.db.$client
      .prepare(`select ${partRowColumns} ${partRowFrom} where p.is_low order by p.name collate nocase`)
      .all() as PartRowRecord[];
    const covered = low.flatMap((record) => {
      const via = coverageOfPart(ctx, userId, record.id);
      return via ? [{ ...toPartRow(record), via: describeVia(via) }] : [];
    });
    return { rows: covered.slice(input.offset, input.offset + input.limit), total: covered.length };
  },
};
