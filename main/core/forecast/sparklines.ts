import type { StockSparkline } from '../../contract/forecast';
import { endOfLocalDay, endOfPreviousLocalDay } from '../calendar';
import type { CoreContext } from '../context';
import { QUANTITY_SCALE } from '../quantity';
import { closingLevels } from './projection';

// The parts table's small trend lines: for a page of parts at once, each part's total stock
// (variants included, as its stock total is) at the close of each of the last 30 days, today's
// being the stock now, and none for days before its record began (a part imported last week has
// a week of trend, not three weeks of zeros). Worked back from today's total through the
// movements, as the part page's chart is, in one query for the whole page.

export const SPARKLINE_DAYS = 30;

interface MovementRow {
  partId: number;
  stockTotal: number;
  /** The part's (or a variant's) first movement of any kind: before it there is no record to draw. */
  firstAt: number | null;
  at: number | null;
  delta: number | null;
}

export function stockSparklines(ctx: CoreContext, partIds: number[]): StockSparkline[] {
  // Each day's close, today's first; only movements after the earliest can change what is drawn.
  const closes = [endOfLocalDay(ctx.clock.now())];
  while (closes.length < SPARKLINE_DAYS) closes.push(endOfPreviousLocalDay(closes.at(-1) ?? 0));
  const since = closes.at(-1) ?? 0;
  // Each asked-for part with every variant below it (a template's stock total includes theirs), when
  // its record begins (each part's first movement is one step down its (part, time) index), then
  // their movements since the first day drawn, newest first; a part with none still has its one row.
  const rows = ctx.db.$client
    .prepare(
      `with recursive tree(root, id) as (
         select p.id, p.id from parts p where p.id in (select value from json_each(?))
         union all
         select tree.root, v.id from parts v join tree on v.variant_of_id = tree.id
       ),
       record(root, firstAt) as (
         select root, min((select min(created_at) from stock_movements where part_id = tree.id)) from tree group by root
       )
       select r.id as partId, r.stock_total as stockTotal, record.firstAt, m.created_at as at, m.delta
       from parts r
       join record on record.root = r.id
       left join tree on tree.root = r.id
       left join stock_movements m on m.part_id = tree.id and m.created_at >= ?
       order by r.id, m.created_at desc`,
    )
    .all(JSON.stringify(partIds), since) as MovementRow[];

  const byPart = new Map<number, { stockTotal: number; firstAt: number | null; moves: { at: number; delta: number }[] }>();
  for (const row of rows) {
    const entry = byPart.get(row.partId) ?? { stockTotal: row.stockTotal, firstAt: row.firstAt, moves: [] };
    if (row.at !== null && row.delta !== null) entry.moves.push({ at: row.at, delta: row.delta });
    byPart.set(row.partId, entry);
  }

  return partIds.flatMap((partId) => {
    const entry = byPart.get(partId);
    if (!entry) return [];
    const recordBegins = entry.firstAt ?? Infinity;
    const drawn = closes.filter((close) => close >= recordBegins);
    return [{ partId, points: closingLevels(entry.stockTotal, entry.moves, drawn).map((level) => level / QUANTITY_SCALE).reverse() }];
  });
}
