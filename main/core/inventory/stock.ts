import type { MethodOutput, ParsedInput } from '../../contract';
import type { StockItemView } from '../../contract/inventory';
import type { CoreContext, WriteContext } from '../context';
import { invalid, notFound, type DomainError } from '../errors';
import { formatQuantity, MAX_QUANTITY_UNITS, QUANTITY_SCALE } from '../quantity';
import { guardTotals, moveTotals, moveTotalsMany, recordMovement, setItemQuantity } from './ledger';
import { listStockItems, stockItemView } from './stockViews';

const MAX_ITEM_QUANTITY = MAX_QUANTITY_UNITS * QUANTITY_SCALE;
const MOVEMENTS_PER_STATEMENT = 100;

interface LiveItem {
  id: number;
  partId: number;
  locationId: number;
  quantity: number;
  batch: string;
  units: string;
}

function liveItem(ctx: CoreContext, itemId: number, field = 'itemId'): LiveItem {
  const item = ctx.db.$client
    .prepare(
      `select i.id, i.part_id as partId, i.location_id as locationId, i.quantity, i.batch, p.units, i.deleted_at as deletedAt
       from stock_items i join parts p on p.id = i.part_id where i.id = ?`,
    )
    .get(itemId) as (LiveItem & { deletedAt: number | null }) | undefined;
  if (!item) throw notFound('Stock item');
  if (item.deletedAt !== null) throw invalid(field, 'This stock item has been deleted.');
  return item;
}

function assertLocation(ctx: CoreContext, locationId: number): void {
  if (!ctx.db.$client.prepare('select 1 from stock_locations where id = ?').get(locationId)) {
    throw invalid('locationId', 'The chosen location does not exist.');
  }
}

function assertWithinLimit(quantity: number, field: string): void {
  if (quantity > MAX_ITEM_QUANTITY) {
    throw invalid(field, `A stock item can hold at most ${MAX_QUANTITY_UNITS.toLocaleString('en-US')}.`);
  }
}

function notEnough(item: LiveItem, field: string): DomainError {
  const units = item.units ? ` ${item.units}` : '';
  return invalid(field, `Only ${formatQuantity(item.quantity)}${units} in stock here.`);
}

type Adjustment = 'add' | 'remove' | 'count';

/** The quantity an item holds after an adjustment, or a refusal naming the field. */
function nextQuantity(current: number, kind: Adjustment, quantity: number): number {
  return kind === 'add' ? current + quantity : kind === 'remove' ? current - quantity : quantity;
}

function adjusted(item: LiveItem, kind: Adjustment, quantity: number, field: string): number {
  const next = nextQuantity(item.quantity, kind, quantity);
  if (next < 0) throw notEnough(item, field);
  assertWithinLimit(next, field);
  return next;
}

/** A statement inserting `rows` movements at once, its values bound as one flat list. */
function insertMovements(ctx: WriteContext, rows: number) {
  return ctx.db.$client.prepare(
    `insert into stock_movements (id, item_id, part_id, user_id, kind, delta, quantity_after, from_location_id, to_location_id, note, created_at)
     values ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
  );
}

function adjustOne(ctx: WriteContext, itemId: number, kind: Adjustment, quantity: number, note: string): StockItemView {
  return guardTotals(() => {
    const item = liveItem(ctx, itemId);
    const next = adjusted(item, kind, quantity, 'quantity');
    const delta = next - item.quantity;
    setItemQuantity(ctx, item.id, next);
    const place = kind === 'remove' ? { fromLocationId: item.locationId } : { toLocationId: item.locationId };
    recordMovement(ctx, { itemId: item.id, partId: item.partId, kind, delta, quantityAfter: next, note, ...place });
    moveTotals(ctx, item.partId, delta);
    ctx.change.touch('stock');
    return stockItemView(ctx, item.id);
  });
}

export const stock = {
  list(ctx: CoreContext, input: ParsedInput<'stock.list'>): MethodOutput<'stock.list'> {
    return listStockItems(ctx, input);
  },

  create(ctx: WriteContext, input: ParsedInput<'stock.create'>): StockItemView {
    return guardTotals(() => {
      if (!ctx.db.$client.prepare('select 1 from parts where id = ?').get(input.partId)) {
        throw invalid('partId', 'The chosen part does not exist.');
      }
      assertLocation(ctx, input.locationId);
      assertWithinLimit(input.quantity, 'quantity');
      const now = ctx.clock.now();
      const result = ctx.db.$client
        .prepare(
          `insert into stock_items (id, part_id, location_id, quantity, batch, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(ctx.ids.next('stock_items'), input.partId, input.locationId, input.quantity, input.batch, now, now);
      const itemId = Number(result.lastInsertRowid);
      recordMovement(ctx, {
        itemId,
        partId: input.partId,
        kind: 'create',
        delta: input.quantity,
        quantityAfter: input.quantity,
        toLocationId: input.locationId,
        note: input.note,
      });
      moveTotals(ctx, input.partId, input.quantity);
      ctx.change.touch('stock', 'locations');
      return stockItemView(ctx, itemId);
    });
  },

  add(ctx: WriteContext, input: ParsedInput<'stock.add'>): StockItemView {
    return adjustOne(ctx, input.itemId, 'add', input.quantity, input.note);
  },

  remove(ctx: WriteContext, input: ParsedInput<'stock.remove'>): StockItemView {
    return adjustOne(ctx, input.itemId, 'remove', input.quantity, input.note);
  },

  count(ctx: WriteContext, input: ParsedInput<'stock.count'>): StockItemView {
    return adjustOne(ctx, input.itemId, 'count', input.quantity, input.note);
  },

  /** Moves some or all of an item to another location, merging with a matching item there. */
  transfer(ctx: WriteContext, input: ParsedInput<'stock.transfer'>): MethodOutput<'stock.transfer'> {
    return guardTotals(() => {
      const client = ctx.db.$client;
      const source = liveItem(ctx, input.itemId);
      assertLocation(ctx, input.locationId);
      if (input.locationId === source.locationId) throw invalid('locationId', 'Choose a different location.');
      if (input.quantity > source.quantity) throw notEnough(source, 'quantity');
      const base = { partId: source.partId, kind: 'transfer' as const, note: input.note };
      const from = { fromLocationId: source.locationId, toLocationId: input.locationId };
      const match = client
        .prepare(
          `select id, quantity from stock_items
           where part_id = ? and location_id = ? and batch = ? and deleted_at is null and id != ?`,
        )
        .get(source.partId, input.locationId, source.batch, source.id) as { id: number; quantity: number } | undefined;

      if (input.quantity === source.quantity && !match) {
        client
          .prepare('update stock_items set location_id = ?, updated_at = ? where id = ?')
          .run(input.locationId, ctx.clock.now(), source.id);
        recordMovement(ctx, { ...base, ...from, itemId: source.id, delta: 0, quantityAfter: source.quantity });
        ctx.change.touch('stock', 'locations');
        const moved = stockItemView(ctx, source.id);
        return { source: moved, destination: moved };
      }

      const left = source.quantity - input.quantity;
      setItemQuantity(ctx, source.id, left);
      recordMovement(ctx, { ...base, ...from, itemId: source.id, delta: -input.quantity, quantityAfter: left });
      let destinationId: number;
      let arrived: number;
      if (match) {
        destinationId = match.id;
        arrived = match.quantity + input.quantity;
        assertWithinLimit(arrived, 'quantity');
        setItemQuantity(ctx, destinationId, arrived);
      } else {
        const now = ctx.clock.now();
        destinationId = Number(
          client
            .prepare(
              `insert into stock_items (id, part_id, location_id, quantity, batch, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(ctx.ids.next('stock_items'), source.partId, input.locationId, input.quantity, source.batch, now, now).lastInsertRowid,
        );
        arrived = input.quantity;
      }
      recordMovement(ctx, { ...base, ...from, itemId: destinationId, delta: input.quantity, quantityAfter: arrived });
      ctx.change.touch('stock', 'locations');
      return { source: stockItemView(ctx, source.id), destination: stockItemView(ctx, destinationId) };
    });
  },

  delete(ctx: WriteContext, input: ParsedInput<'stock.delete'>): { id: number } {
    const item = liveItem(ctx, input.itemId);
    const now = ctx.clock.now();
    ctx.db.$client.prepare('update stock_items set quantity = 0, deleted_at = ?, updated_at = ? where id = ?').run(now, now, item.id);
    recordMovement(ctx, {
      itemId: item.id,
      partId: item.partId,
      kind: 'delete',
      delta: -item.quantity,
      quantityAfter: 0,
      fromLocationId: item.locationId,
      note: input.note,
    });
    moveTotals(ctx, item.partId, -item.quantity);
    ctx.change.touch('stock', 'locations');
    return { id: item.id };
  },

  /**
   * Many adjustments in one transaction. Totals move once per part, not once per movement, so the
   * alert evaluation that follows sees each part once.
   */
  adjustMany(ctx: WriteContext, input: ParsedInput<'stock.adjustMany'>): { movements: number } {
    return guardTotals(() => {
      const client = ctx.db.$client;
      const now = ctx.clock.now();
      // Every item in one read (as arrays: a hundred thousand row objects are measurable); then one
      // write per item and per part moved, however many movements.
      const found = client
        .prepare(`select id, part_id, location_id, quantity, deleted_at from stock_items where id in (select value from json_each(?))`)
        .raw()
        .all(JSON.stringify([...new Set(input.changes.map((change) => change.itemId))])) as [number, number, number, number, number | null][];
      // Each row's quantity (index 3) follows the list as it is worked through.
      const items = new Map(found.map((row) => [row[0], row]));
      const partDeltas = new Map<number, number>();
      // Movements go in many to a statement, each statement written as soon as its rows are worked
      // out: per-row statement overhead is most of a bulk call's cost. (A refusal further down the
      // list still undoes them all: this is one transaction.)
      const columns = 11;
      const fullStatement = insertMovements(ctx, MOVEMENTS_PER_STATEMENT);
      const values: (number | string | null)[] = [];
      const flush = () => {
        if (values.length === 0) return;
        (values.length === MOVEMENTS_PER_STATEMENT * columns ? fullStatement : insertMovements(ctx, values.length / columns)).run(values);
        values.length = 0;
      };
      for (let index = 0; index < input.changes.length; index += 1) {
        const change = input.changes[index] as (typeof input.changes)[number];
        const item = items.get(change.itemId);
        if (!item) throw invalid(`changes.${index}.itemId`, 'This stock item does not exist.');
        if (item[4] !== null) throw invalid(`changes.${index}.itemId`, 'This stock item has been deleted.');
        const [itemId, partId, locationId, current] = item;
        const next = nextQuantity(current, change.kind, change.quantity);
        if (next < 0 || next > MAX_ITEM_QUANTITY) {
          // Only to refuse: the refusal names the item's quantity at this point of the list, with units.
          adjusted({ ...liveItem(ctx, itemId), quantity: current }, change.kind, change.quantity, `changes.${index}.quantity`);
        }
        const delta = next - current;
        const removing = change.kind === 'remove';
        values.push(ctx.ids.next('stock_movements'), itemId, partId, ctx.actorId, change.kind, delta, next, removing ? locationId : null, removing ? null : locationId, input.note, now);
        if (values.length === MOVEMENTS_PER_STATEMENT * columns) flush();
        item[3] = next;
        partDeltas.set(partId, (partDeltas.get(partId) ?? 0) + delta);
      }
      flush();
      const setQuantity = client.prepare('update stock_items set quantity = ?, updated_at = ? where id = ?');
      for (const [itemId, , , quantity] of found) setQuantity.run(quantity, now, itemId);
      moveTotalsMany(ctx, partDeltas);
      ctx.change.touch('stock');
      return { movements: input.changes.length };
    });
  },
};
