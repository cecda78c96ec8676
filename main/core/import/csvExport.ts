import type { CoreContext } from '../context';
import { formatQuantity } from '../quantity';
import { formatCsv } from './csv';

const categoryPath = `(with recursive up(id, parent_id, name, depth) as (
    select id, parent_id, name, 0 from part_categories where id = p.category_id
    union all select c.id, c.parent_id, c.name, up.depth + 1 from part_categories c join up on c.id = up.parent_id)
  select group_concat(name, ' / ') from (select name from up order by depth desc))`;

const locationPath = `(with recursive up(id, parent_id, name, depth) as (
    select id, parent_id, name, 0 from stock_locations where id = i.location_id
    union all select l.id, l.parent_id, l.name, up.depth + 1 from stock_locations l join up on l.id = up.parent_id)
  select group_concat(name, ' / ') from (select name from up order by depth desc))`;

const yesNo = (value: number) => (value ? 'yes' : 'no');

/** CSV exports; the parts and stock files read back in through the CSV import unchanged. */
export function exportCsv(ctx: CoreContext, kind: 'parts' | 'stock' | 'lowStock'): { filename: string; content: string } {
  const client = ctx.db.$client;
  if (kind === 'parts') {
    const rows = client
      .prepare(
        `select p.name, p.ipn, p.description, ${categoryPath} as category, coalesce(t.ipn, t.name) as variantOf, p.minimum_stock as minimum, p.units,
           p.is_template as isTemplate, p.is_assembly as isAssembly, p.active, p.stock_total as stock
         from parts p left join parts t on t.id = p.variant_of_id order by p.name collate nocase, p.id`,
      )
      .all() as {
      name: string;
      ipn: string | null;
      description: string;
      category: string | null;
      variantOf: string | null;
      minimum: number;
      units: string;
      isTemplate: number;
      isAssembly: number;
      active: number;
      stock: number;
    }[];
    return {
      filename: 'stockbell-parts.csv',
      // variant_of names the template by IPN (or name, where it has none), as the stock file names parts.
      content: formatCsv(
        ['name', 'ipn', 'description', 'category', 'variant_of', 'minimum_stock', 'units', 'is_template', 'is_assembly', 'active', 'stock'],
        rows.map((row) => [
          row.name,
          row.ipn,
          row.description,
          row.category,
          row.variantOf,
          formatQuantity(row.minimum),
          row.units,
          yesNo(row.isTemplate),
          yesNo(row.isAssembly),
          yesNo(row.active),
          formatQuantity(row.stock),
        ]),
      ),
    };
  }
  if (kind === 'stock') {
    const rows = client
      .prepare(
        `select coalesce(p.ipn, p.name) as part, p.name, ${locationPath} as location, i.quantity, i.batch
         from stock_items i join parts p on p.id = i.part_id where i.deleted_at is null order by p.name collate nocase, i.id`,
      )
      .all() as { part: string; name: string; location: string; quantity: number; batch: string }[];
    return {
      filename: 'stockbell-stock.csv',
      content: formatCsv(['part', 'part_name', 'location', 'quantity', 'batch'], rows.map((row) => [row.part, row.name, row.location, formatQuantity(row.quantity), row.batch])),
    };
  }
  const rows = client
    .prepare(
      `select p.name, p.ipn, ${categoryPath} as category, p.stock_total as stock, p.minimum_stock as minimum, p.units
       from parts p where p.is_low order by p.name collate nocase`,
    )
    .all() as { name: string; ipn: string | null; category: string | null; stock: number; minimum: number; units: string }[];
  return {
    filename: 'stockbell-low-stock.csv',
    content: formatCsv(
      ['name', 'ipn', 'category', 'stock', 'minimum_stock', 'shortfall', 'units'],
      rows.map((row) => [row.name, row.ipn, row.category, formatQuantity(row.stock), formatQuantity(row.minimum), formatQuantity(row.minimum - row.stock), row.units]),
    ),
  };
}
