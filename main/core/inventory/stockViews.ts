import type { PathEntry } from '../../contract/shared';
import type { StockItemView } from '../../contract/inventory';
import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { formatQuantity } from '../quantity';

interface StockItemRecord {
  id: number;
  partId: number;
  partName: string;
  locationId: number;
  quantity: number;
  batch: string;
  units: string;
  updatedAt: number;
  recount: number;
}

const itemSelect = `select i.id, i.part_id as partId, p.name as partName, i.location_id as locationId, i.quantity,
  i.batch, p.units, i.updated_at as updatedAt, i.recount`;
const itemColumns = `${itemSelect} from stock_items i join parts p on p.id = i.part_id`;

/** Root-first paths for a set of locations, in one recursive query. */
export function locationPaths(ctx: CoreContext, ids: Iterable<number>): Map<number, PathEntry[]> {
  const wanted = [...new Set(ids)];
  const paths = new Map<number, PathEntry[]>();
  if (wanted.length === 0) return paths;
  const rows = ctx.db.$client
    .prepare(
      `with recursive up(start, id, parent_id, name, depth) as (
         select l.id, l.id, l.parent_id, l.name, 0 from stock_locations l where l.id in (select value from json_each(?))
         union all
         select up.start, l.id, l.parent_id, l.name, up.depth + 1 from stock_locations l join up on l.id = up.parent_id
       ) select start, id, name from up order by start, depth desc`,
    )
    .all(JSON.stringify(wanted)) as { start: number; id: number; name: string }[];
  for (const row of rows) {
    const path = paths.get(row.start) ?? [];
    path.push({ id: row.id, name: row.name });
    paths.set(row.start, path);
  }
  return paths;
}

function toViews(ctx: CoreContext, records: StockItemRecord[]): StockItemView[] {
  const paths = locationPaths(
    ctx,
    records.map((record) => record.locationId),
  );
  return records.map((record) => ({
    ...record,
    quantity: formatQuantity(record.quantity),
    recount: record.recount === 1,
    locationPath: paths.get(record.locationId) ?? [],
  }));
}

export function stockItemView(ctx: CoreContext, itemId: number): StockItemView {
  const record = ctx.db.$client.prepare(`${itemColumns} where i.id = ?`).get(itemId) as StockItemRecord | undefined;
  if (!record) throw notFound('Stock item');
  return toViews(ctx, [record])[0] as StockItemView;
}

export function stockItemsOfPart(ctx: CoreContext, partId: number): StockItemView[] {
  const records = ctx.db.$client
    .prepare(`${itemColumns} where i.part_id = ? and i.deleted_at is null order by i.created_at, i.id`)
    .all(partId) as StockItemRecord[];
  return toViews(ctx, records);
}

export function listStockItems(
  ctx: CoreContext,
  filter: { partId: number | null; locationId: number | null; offset: number; limit: number },
): { rows: StockItemView[]; total: number } {
  const where = ['i.deleted_at is null'];
  const params: number[] = [];
  if (filter.partId !== null) {
    where.push('i.part_id = ?');
    params.push(filter.partId);
  }
  if (filter.locationId !== null) {
    where.push('i.location_id = ?');
    params.push(filter.locationId);
  }
  const clause = `where ${where.join(' and ')}`;
  const client = ctx.db.$client;
  const total = client.prepare(`select count(*) from stock_items i ${clause}`).pluck().get(...params) as number;
  // All stock is read part by part in the order of the parts' name index, each part's items through
  // their own index, and stops at the page's end; joined the other way, every live item (300,000) was
  // sorted for each page. A part's or a location's few items are found first and sorted.
  const from = params.length === 0 ? 'from parts p cross join stock_items i on i.part_id = p.id' : 'from stock_items i join parts p on p.id = i.part_id';
  const records = client
    .prepare(`${itemSelect} ${from} ${clause} order by p.name collate nocase, p.id, i.id limit ? offset ?`)
    .all(...params, filter.limit, filter.offset) as StockItemRecord[];
  return { rows: toViews(ctx, records), total };
}
