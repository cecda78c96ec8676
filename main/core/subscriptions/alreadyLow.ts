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

function lowPartsCovered(ctx: WriteContext, userId: number): Map<number, LowPart> {
  const low = ctx.db.$client
    .prepare('select id, name, units, stock_total as stockTotal, minimum_stock as minimumStock from parts where is_low order by name collate nocase, id')
    .all() as LowPart[];
  return new Map(low.filter((part) => coverageOfPart(ctx, userId, part.id) !== null).map((part) => [part.id, part]));
}

/**
 * The low parts `userId` hears about only because of their subscription to `target` (already
 * written in this transaction): what they cover now, less what they covered without it.
 */
function newlyCoveredLowParts(ctx: WriteContext, userId: number, target: SubscriptionTarget): LowPart[] {
  const client = ctx.db.$client;
  const [table, column] = target.kind === 'part' ? ['part_subscriptions', 'part_id'] : ['category_subscriptions', 'category_id'];
  const now = lowPartsCovered(ctx, userId);
  if (now.size === 0) return [];
  // "Without it" is read by taking the subscription out inside a savepoint and putting it back.
  client.exec('savepoint already_low');
  let before: Map<number, LowPart>;
  try {
    client.prepare(`delete from ${table} where user_id = ? and ${column} = ?`).run(userId, target.id);
    before = lowPartsCovered(ctx, userId);
  } finally {
    client.exec('rollback to already_low; release already_low');
  }
  return [...now.values()].filter((part) => !before.has(part.id) && !mutedUsersOfPart(ctx, part.id).has(userId));
}

function amount(quantity: number, units: string): string {
  return units ? `${formatQuantity(quantity)} ${units}` : formatQuantity(quantity);
}

/** Tells `userId`, once, what their new subscription to `target` covers that is already low. */
export function tellWhatIsAlreadyLow(ctx: WriteContext, userId: number, target: SubscriptionTarget): void {
  const parts = newlyCoveredLowParts(ctx, userId, target);
  const [first] = parts;
  if (!first) return;
  const targetName = ctx.db.$client.prepare(`select name from ${target.kind === 'part' ? 'parts' : 'part_categories'} where id = ?`).pluck().get(target.id) as string;
  const line = (part: LowPart) => `${part.name} (${amount(part.stockTotal, part.units)} of ${amount(part.minimumStock, part.units)})`;
  const single = parts.length === 1;
  const more = parts.length > SHOWN_IN_MESSAGE ? ` and ${parts.length - SHOWN_IN_MESSAGE} more` : '';
  notifications.createMany(
    ctx,
    {
      kind: 'part.low_stock',
      title: single ? `Already low: ${first.name}` : `${parts.length} parts already low in ${targetName}`,
      message: single
        ? `${first.name} is at ${amount(first.stockTotal, first.units)}, below its minimum of ${amount(first.minimumStock, first.units)}. You are told now because you just subscribed; you will be told again when it next falls below its minimum.`
        : `Low right now: ${parts.slice(0, SHOWN_IN_MESSAGE).map(line).join(', ')}${more}. You are told now because you just subscribed; each will be told again when it next falls below its minimum.`,
      target: single ? { kind: 'part', id: String(first.id) } : { kind: target.kind, id: String(target.id) },
      data: { alreadyLow: parts.map((part) => ({ partId: part.id, name: part.name, stock: formatQuantity(part.stockTotal), minimum: formatQuantity(part.minimumStock) })) },
    },
    [{ userId, reason: `You subscribed to ${targetName}.` }],
  );
}
