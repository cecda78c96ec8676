import type { SubscriptionTarget } from '../../contract/notifications';
import type { WriteContext } from '../context';
import { notifications } from '../notifications/notifications';
import { formatQuantity } from '../quantity';
import { mutedUsersOfPart } from './mutes';
import { coverageOfPart } from './subscribers';

// A person who subscribes to something that is already low would otherwise hear nothing until it
// recovers and falls again: the alert is edge-triggered, and the edge is past. They are told once,
// at subscribing, what the new subscription covers that is low right now and that no other of their
// subscriptions already covered: one notification, a summary for a category. In the app and as a
// banner; not by email (they were in the app when they subscribed).

interface LowPart {
  id: number;
  name: string;
  units: string;
  stockTotal: number;
  minimumStock: number;
}

const SHOWN_IN_MESSAGE = 5;

function lowPartsCovered(ctx: WriteContext, userId: number, low: LowPart[]): Set<number> {
  return new Set(low.filter((part) => coverageOfPart(ctx, userId, part.id) !== null).map((part) => part.id));
}

/**
 * The low parts each of `userIds` hears about only because of a subscription already written in
 * this transaction: what they cover now, less what they covered without it. "Without it" is read by
 * taking the subscription out (`withoutIt`) inside a savepoint and putting it back.
 */
function newlyCoveredLowParts(ctx: WriteContext, userIds: number[], withoutIt: () => void): Map<number, LowPart[]> {
  const client = ctx.db.$client;
  const low = client
    .prepare('select id, name, units, stock_total as stockTotal, minimum_stock as minimumStock from parts where is_low order by name collate nocase, id')
    .all() as LowPart[];
  const found = new Map<number, LowPart[]>();
  if (low.length === 0) return found;
  const now = new Map(userIds.map((userId) => [userId, lowPartsCovered(ctx, userId, low)]));
  if (![...now.values()].some((covered) => covered.size > 0)) return found;
  client.exec('savepoint already_low');
  try {
    withoutIt();
    for (const userId of userIds) {
      const before = lowPartsCovered(ctx, userId, low);
      const covered = now.get(userId) ?? new Set<number>();
      const parts = low.filter((part) => covered.has(part.id) && !before.has(part.id) && !mutedUsersOfPart(ctx, part.id).has(userId));
      if (parts.length > 0) found.set(userId, parts);
    }
  } finally {
    client.exec('rollback to already_low; release already_low');
  }
  return found;
}

function amount(quantity: number, units: string): string {
  return units ? `${formatQuantity(quantity)} ${units}` : formatQuantity(quantity);
}

function targetTable(target: SubscriptionTarget, ofGroup: boolean): [table: string, column: string] {
  const table = target.kind === 'part' ? 'part_subscriptions' : 'category_subscriptions';
  return [ofGroup ? `group_${table}` : table, target.kind === 'part' ? 'part_id' : 'category_id'];
}

/** One notification to one person: what `target` brought them that is low right now. */
function tell(ctx: WriteContext, userId: number, parts: LowPart[], target: SubscriptionTarget, group: string | null): void {
  const [first] = parts;
  if (!first) return;
  const targetName = ctx.db.$client.prepare(`select name from ${target.kind === 'part' ? 'parts' : 'part_categories'} where id = ?`).pluck().get(target.id) as string;
  const line = (part: LowPart) => `${part.name} (${amount(part.stockTotal, part.units)} of ${amount(part.minimumStock, part.units)})`;
  const single = parts.length === 1;
  const more = parts.length > SHOWN_IN_MESSAGE ? ` and ${parts.length - SHOWN_IN_MESSAGE} more` : '';
  const because = group ? `your group ${group} just subscribed to ${targetName}` : 'you just subscribed';
  notifications.createMany(
    ctx,
    {
      kind: 'part.low_stock',
      title: single ? `Already low: ${first.name}` : `${parts.length} parts already low in ${targetName}`,
      message: single
        ? `${first.name} is at ${amount(first.stockTotal, first.units)}, below its minimum of ${amount(first.minimumStock, first.units)}. You are told now because ${because}; you will be told again when it next falls below its minimum.`
        : `Low right now: ${parts.slice(0, SHOWN_IN_MESSAGE).map(line).join(', ')}${more}. You are told now because ${because}; each will be told again when it next falls below its minimum.`,
      target: single ? { kind: 'part', id: String(first.id) } : { kind: target.kind, id: String(target.id) },
      data: { alreadyLow: parts.map((part) => ({ partId: part.id, name: part.name, stock: formatQuantity(part.stockTotal), minimum: formatQuantity(part.minimumStock) })) },
    },
    [{ userId, reason: group ? `Your group ${group} subscribed to ${targetName}.` : `You subscribed to ${targetName}.` }],
  );
}

/** Tells `userId`, once, what their new subscription to `target` covers that is already low. */
export function tellWhatIsAlreadyLow(ctx: WriteContext, userId: number, target: SubscriptionTarget): void {
  const [table, column] = targetTable(target, false);
  const found = newlyCoveredLowParts(ctx, [userId], () => ctx.db.$client.prepare(`delete from ${table} where user_id = ? and ${column} = ?`).run(userId, target.id));
  tell(ctx, userId, found.get(userId) ?? [], target, null);
}

/** Tells each member of a group, once, what the group's new subscription covers for them that is already low. */
export function tellGroupWhatIsAlreadyLow(ctx: WriteContext, groupId: number, target: SubscriptionTarget): void {
  const client = ctx.db.$client;
  const group = client.prepare('select name from user_groups where id = ?').pluck().get(groupId) as string | undefined;
  if (group === undefined) return;
  const members = client
    .prepare('select m.user_id from group_members m join users u on u.id = m.user_id and u.active where m.group_id = ? order by m.user_id')
    .pluck()
    .all(groupId) as number[];
  const [table, column] = targetTable(target, true);
  const found = newlyCoveredLowParts(ctx, members, () => client.prepare(`delete from ${table} where group_id = ? and ${column} = ?`).run(groupId, target.id));
  for (const [userId, parts] of found) tell(ctx, userId, parts, target, group);
}
