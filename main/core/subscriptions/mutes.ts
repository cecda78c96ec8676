import type { MuteStatus, SubscriptionTarget } from '../../contract/notifications';
import type { CoreContext, WriteContext } from '../context';
import { invalid, notFound } from '../errors';
import { subscribersOfPart, type Subscriber } from './subscribers';

// A person pauses a part or a category: no notification of any kind about it (or, for a template,
// its variants; for a category, everything under it) until a time, or for a part until its stock is
// back at its minimum. Everything that tells people asks mutedUsersOfPart first.

const MAX_MUTE_MS = 366 * 86_400_000;

interface MuteRow {
  until: number | null;
  untilRestocked: number;
  kind: 'part' | 'category';
  id: number;
  name: string;
  depth: number;
}

/** The people who muted this part now: on it, a template above it, or its category or one above. */
export function mutedUsersOfPart(ctx: CoreContext, partId: number): Set<number> {
  const rows = ctx.db.$client
    .prepare(
      `with recursive
         templates(id) as (select @partId union all select p.variant_of_id from parts p join templates t on p.id = t.id where p.variant_of_id is not null),
         categories(id) as (
           select category_id from parts where id = @partId and category_id is not null
           union all select c.parent_id from part_categories c join categories k on c.id = k.id where c.parent_id is not null)
       select m.user_id from templates t cross join part_mutes m on m.part_id = t.id where m.until_restocked or m.until > @now
       union
       select m.user_id from categories k cross join category_mutes m on m.category_id = k.id where m.until > @now`,
    )
    .pluck()
    .all({ partId, now: ctx.clock.now() }) as number[];
  return new Set(rows);
}

/** Who is told about this part now: its subscribers, less those who muted it. */
export function subscribersToTell(ctx: CoreContext, partId: number): Subscriber[] {
  const everyone = subscribersOfPart(ctx, partId);
  const muted = everyone.length > 0 ? mutedUsersOfPart(ctx, partId) : new Set<number>();
  return muted.size > 0 ? everyone.filter((subscriber) => !muted.has(subscriber.userId)) : everyone;
}

/** Stock is back for these parts: mutes "until stock is back" on them end. */
export function endRestockedMutes(ctx: WriteContext, partIds: number[]): void {
  if (partIds.length === 0) return;
  const ended = ctx.db.$client
    .prepare('delete from part_mutes where until_restocked and part_id in (select value from json_each(?)) returning user_id')
    .pluck()
    .all(JSON.stringify(partIds)) as number[];
  for (const userId of new Set(ended)) ctx.change.subscriptionsOf(userId);
}

function nameOf(ctx: CoreContext, target: SubscriptionTarget): string {
  const name = ctx.db.$client.prepare(`select name from ${target.kind === 'part' ? 'parts' : 'part_categories'} where id = ?`).pluck().get(target.id) as string | undefined;
  if (name === undefined) throw notFound(target.kind === 'part' ? 'Part' : 'Category');
  return name;
}

/** The nearest active mute covering `target` for this person (itself first), or null. */
function nearestMute(ctx: CoreContext, userId: number, target: SubscriptionTarget): MuteRow | null {
  const now = ctx.clock.now();
  const categoriesFrom =
    target.kind === 'part'
      ? `select category_id, 0 from parts where id = @partId and category_id is not null`
      : `select @categoryId, 0`;
  const row = ctx.db.$client
    .prepare(
      `with recursive
         templates(id, depth) as (
           select @partId, 0 where @partId is not null
           union all select p.variant_of_id, t.depth + 1 from parts p join templates t on p.id = t.id where p.variant_of_id is not null),
         categories(id, depth) as (
           ${categoriesFrom}
           union all select c.parent_id, k.depth + 1 from part_categories c join categories k on c.id = k.id where c.parent_id is not null)
       select m.until, m.until_restocked as untilRestocked, 'part' as kind, t.id, p.name, t.depth
         from templates t join part_mutes m on m.part_id = t.id and m.user_id = @userId join parts p on p.id = t.id
         where m.until_restocked or m.until > @now
       union all
       select m.until, 0, 'category', k.id, c.name, 100000 + k.depth
         from categories k join category_mutes m on m.category_id = k.id and m.user_id = @userId join part_categories c on c.id = k.id
         where m.until > @now
       order by depth limit 1`,
    )
    .get({ partId: target.kind === 'part' ? target.id : null, categoryId: target.kind === 'category' ? target.id : null, userId, now }) as MuteRow | undefined;
  return row ?? null;
}

function statusOf(ctx: CoreContext, userId: number, target: SubscriptionTarget): MuteStatus {
  const mute = nearestMute(ctx, userId, target);
  if (!mute) return { target, muted: null };
  const itself = mute.kind === target.kind && mute.id === target.id;
  return {
    target,
    muted: { until: mute.until, untilRestocked: mute.untilRestocked === 1, via: itself ? null : { kind: mute.kind, id: mute.id, name: mute.name } },
  };
}

export const mutes = {
  set(ctx: WriteContext, userId: number, target: SubscriptionTarget, choice: { until: number | null; untilRestocked: boolean }): MuteStatus {
    const name = nameOf(ctx, target);
    const now = ctx.clock.now();
    const client = ctx.db.$client;
    if (choice.untilRestocked) {
      if (target.kind !== 'part') throw invalid('untilRestocked', 'A category is muted until a date.');
      if (!client.prepare('select is_low from parts where id = ?').pluck().get(target.id)) {
        throw invalid('untilRestocked', `${name} is not low now, so there is no restocking to wait for: choose a date instead.`);
      }
    } else {
      if (choice.until === null) throw invalid('until', 'Choose until when, or until stock is back.');
      if (choice.until <= now) throw invalid('until', 'Choose a time in the future.');
      if (choice.until > now + MAX_MUTE_MS) throw invalid('until', 'Choose a time within a year.');
    }
    if (target.kind === 'part') {
      client
        .prepare(
          `insert into part_mutes (user_id, part_id, until, until_restocked, created_at) values (?, ?, ?, ?, ?)
           on conflict (user_id, part_id) do update set until = excluded.until, until_restocked = excluded.until_restocked`,
        )
        .run(userId, target.id, choice.untilRestocked ? null : choice.until, choice.untilRestocked ? 1 : 0, now);
    } else {
      client
        .prepare(`insert into category_mutes (user_id, category_id, until, created_at) values (?, ?, ?, ?) on conflict (user_id, category_id) do update set until = excluded.until`)
        .run(userId, target.id, choice.until, now);
    }
    ctx.change.subscriptionsOf(userId);
    return statusOf(ctx, userId, target);
  },

  clear(ctx: WriteContext, userId: number, target: SubscriptionTarget): MuteStatus {
    nameOf(ctx, target);
    const [table, column] = target.kind === 'part' ? ['part_mutes', 'part_id'] : ['category_mutes', 'category_id'];
    ctx.db.$client.prepare(`delete from ${table} where user_id = ? and ${column} = ?`).run(userId, target.id);
    ctx.change.subscriptionsOf(userId);
    return statusOf(ctx, userId, target);
  },

  status(ctx: CoreContext, userId: number, targets: SubscriptionTarget[]): MuteStatus[] {
    return targets.map((target) => statusOf(ctx, userId, target));
  },
};
