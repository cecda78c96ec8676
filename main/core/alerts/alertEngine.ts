import type { WriteContext } from '../context';
import { queueEmails } from '../mail/delivery';
import { notifications } from '../notifications/notifications';
import { formatQuantity } from '../quantity';
import { endRestockedMutes, subscribersToTell } from '../subscriptions/mutes';
import { describeVia } from '../subscriptions/subscribers';
import { lowStockEmail, stockByLocation, type LowStockFacts } from './lowStockEmail';

interface PartState extends LowStockFacts {
  active: number;
  isLow: number;
}

function withUnits(quantity: number, units: string): string {
  return units ? `${formatQuantity(quantity)} ${units}` : formatQuantity(quantity);
}

/**
 * Runs inside every write's transaction, once per part the change touched. A part alerts when it
 * crosses from not-low to low (edge-triggered): one notification per subscriber per crossing,
 * nothing while it stays low, and it re-arms once stock is back at or above its minimum.
 */
export function evaluateTouchedParts(ctx: WriteContext): void {
  if (ctx.change.touchedParts.size === 0 || ctx.change.derivationsDeferred) return;
  const client = ctx.db.$client;
  // One read finds the parts whose state flips; most changes flip none.
  const flipped = client
    .prepare(
      `select id, name, ipn, units, active, minimum_stock as minimumStock, stock_total as stockTotal, is_low as isLow
       from parts where id in (select value from json_each(?))
       and is_low != (active and minimum_stock > 0 and stock_total < minimum_stock)`,
    )
    .all(JSON.stringify([...ctx.change.touchedParts])) as PartState[];
  const setLow = client.prepare('update parts set is_low = ? where id = ?');
  const restocked: number[] = [];
  for (const part of flipped) {
    const low = part.isLow !== 1;
    setLow.run(low ? 1 : 0, part.id);
    if (low && !ctx.change.alertsSilenced) notifyLowStock(ctx, part);
    if (!low) restocked.push(part.id);
  }
  endRestockedMutes(ctx, restocked);
}

function notifyLowStock(ctx: WriteContext, part: PartState): void {
  const stock = withUnits(part.stockTotal, part.units);
  const minimum = withUnits(part.minimumStock, part.units);
  const subscribers = subscribersToTell(ctx, part.id);
  const created = notifications.createMany(
    ctx,
    {
      kind: 'part.low_stock',
      title: `Low stock: ${part.name}`,
      message: `${part.name} is down to ${stock}, below its minimum of ${minimum}.`,
      target: { kind: 'part', id: String(part.id) },
      data: {
        partId: part.id,
        partName: part.name,
        stock: formatQuantity(part.stockTotal),
        minimum: formatQuantity(part.minimumStock),
        units: part.units,
        changedBy: ctx.actorId === null ? null : (ctx.db.$client.prepare('select display_name from users where id = ?').pluck().get(ctx.actorId) as string | undefined) ?? null,
      },
    },
    subscribers.map((subscriber) => ({ userId: subscriber.userId, reason: describeVia(subscriber.via) })),
  );
  let locations: string[][] | null = null;
  queueEmails(
    ctx,
    'part.low_stock',
    created.map((notification) => ({ notificationId: notification.id, reason: notification.reason })),
    (reason, settings) => lowStockEmail(ctx, part, (locations ??= stockByLocation(ctx, part.id)), reason, settings),
    { kind: 'part.low_stock', id: part.id },
  );
}
