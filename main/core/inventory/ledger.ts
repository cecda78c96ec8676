import type { MovementKind } from '../../../db/schema';
import type { WriteContext } from '../context';
import { conflict } from '../errors';

// Every change to a stock quantity goes through here: the movement row, the item's quantity and the
// variant-inclusive totals of the part and its template ancestors move together, in the caller's
// transaction, so "quantity = sum of movements" and "total = sum of items" always hold.

export interface MovementRecord {
  itemId: number;
  partId: number;
  kind: MovementKind;
  delta: number;
  quantityAfter: number;
  fromLocationId?: number | null;
  toLocationId?: number | null;
  note: string;
}

export function recordMovement(ctx: WriteContext, movement: MovementRecord): void {
  ctx.db.$client
    .prepare(
      `insert into stock_movements
         (id, item_id, part_id, user_id, kind, delta, quantity_after, from_location_id, to_location_id, note, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      ctx.ids.next('stock_movements'),
      movement.itemId,
      movement.partId,
      ctx.actorId,
      movement.kind,
      movement.delta,
      movement.quantityAfter,
      movement.fromLocationId ?? null,
      movement.toLocationId ?? null,
      movement.note,
      ctx.clock.now(),
    );
}

export function setItemQuantity(ctx: WriteContext, itemId: number, quantity: number): void {
  ctx.db.$client
    .prepare(`update stock_items set quantity = ?, updated_at = ? where id = ?`)
    .run(quantity, ctx.clock.now(), itemId);
}

/** Adds `delta` to the variant-inclusive total of the part and of every template above it. */
export function moveTotals(ctx: WriteContext, partId: number, delta: number): void {
  if (delta === 0) return;
  const chain = ctx.db.$client
    .prepare(
      `with recursive up(id) as (
         select ? union all select p.variant_of_id from parts p join up on p.id = up.id where p.variant_of_id is not null
       ) update parts set stock_total = stock_total + ? where id in (select id from up) returning id`,
    )
    .pluck()
    .all(partId, delta) as number[];
  for (const id of chain) ctx.change.stockMoved(id, delta);
}

/**
 * What is on order for a part, or how soon it arrives, changed: its forecast and every template's
 * above it (whose forecasts include their variants) are looked at again before the change commits.
 */
export function touchForecastOf(ctx: WriteContext, partId: number): void {
  const chain = ctx.db.$client
    .prepare(
      `with recursive up(id) as (
         select ? union all select p.variant_of_id from parts p join up on p.id = up.id where p.variant_of_id is not null
       ) select id from up`,
    )
    .pluck()
    .all(partId) as number[];
  for (const id of chain) ctx.change.touchPart(id);
}

/**
 * Many parts' totals at once (a bulk change): each part's delta reaches it and every template above
 * it, summed, so each part's row is written once however many of its variants moved.
 */
export function moveTotalsMany(ctx: WriteContext, deltas: Map<number, number>): void {
  const totals = new Map<number, number>();
  const templateOf = templatesFor(ctx, deltas.size);
  // Level by level up the template chains, so each part's row is written once with its summed delta.
  let level = new Map([...deltas].filter(([, delta]) => delta !== 0));
  while (level.size > 0) {
    for (const [id, delta] of level) totals.set(id, (totals.get(id) ?? 0) + delta);
    const above = new Map<number, number>();
    for (const [id, templateId] of templateOf([...level.keys()])) above.set(templateId, (above.get(templateId) ?? 0) + (level.get(id) as number));
    level = above;
  }
  const client = ctx.db.$client;
  const addTotal = client.prepare('update parts set stock_total = stock_total + ? where id = ?');
  for (const [id, delta] of totals) {
    if (delta === 0) continue;
    addTotal.run(delta, id);
    ctx.change.stockMoved(id, delta);
  }
}

/** From this many parts in one bulk change, reading every variant link beats looking each part up. */
const READ_ALL_TEMPLATE_LINKS_FROM = 5_000;

/**
 * How to find the templates of a level of parts: for a few, look each up; for many (a bulk change
 * over the whole inventory), read every variant's link once from the variant index, which is far
 * smaller than the parts table and read in order, instead of seeking tens of thousands of rows.
 */
function templatesFor(ctx: WriteContext, parts: number): (ids: number[]) => [number, number][] {
  const client = ctx.db.$client;
  if (parts < READ_ALL_TEMPLATE_LINKS_FROM) {
    const lookUp = client.prepare('select id, variant_of_id from parts where id in (select value from json_each(?)) and variant_of_id is not null').raw();
    return (ids) => lookUp.all(JSON.stringify(ids)) as [number, number][];
  }
  const links = new Map(client.prepare('select id, variant_of_id from parts where variant_of_id is not null').raw().all() as [number, number][]);
  return (ids) => ids.flatMap((id) => {
    const templateId = links.get(id);
    return templateId === undefined ? [] : [[id, templateId] as [number, number]];
  });
}

/** Re-raises SQLite's range checks on totals as a sentence a person can act on. */
export function guardTotals<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof Error && /parts_stock_total_in_range|stock_items_quantity_in_range/.test(error.message)) {
      throw conflict('This change would make a stock total larger than Stockbell can count exactly.', 'quantity');
    }
    throw error;
  }
}
