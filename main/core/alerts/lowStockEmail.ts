import type { CoreContext } from '../context';
import { locationPaths } from '../inventory/stockViews';
import { variantTreeIds } from '../inventory/trees';
import type { StoredEmailSettings } from '../mail/emailSettings';
import { renderEmail, type EmailContent } from '../mail/templates';
import { formatQuantity } from '../quantity';

export interface LowStockFacts {
  id: number;
  name: string;
  ipn: string | null;
  units: string;
  stockTotal: number;
  minimumStock: number;
}

function withUnits(quantity: number, units: string): string {
  return units ? `${formatQuantity(quantity)} ${units}` : formatQuantity(quantity);
}

/** Stock of the part and its variants per location, for the email's table. Read once per crossing. */
export function stockByLocation(ctx: CoreContext, partId: number): string[][] {
  const rows = ctx.db.$client
    .prepare(
      `select location_id as locationId, sum(quantity) as quantity from stock_items
       where part_id in (select value from json_each(?)) and deleted_at is null and quantity > 0
       group by location_id order by quantity desc`,
    )
    .all(JSON.stringify(variantTreeIds(ctx.db.$client, partId))) as { locationId: number; quantity: number }[];
  const paths = locationPaths(ctx, rows.map((row) => row.locationId));
  return rows.map((row) => [(paths.get(row.locationId) ?? []).map((entry) => entry.name).join(' / '), formatQuantity(row.quantity)]);
}

export function lowStockEmail(ctx: CoreContext, part: LowStockFacts, locations: string[][], reason: string, settings: StoredEmailSettings): EmailContent {
  return renderEmail({
    instanceName: settings.instanceName,
    heading: `Low stock: ${part.name}`,
    intro: `The available stock for ${part.name} has fallen below its minimum.`,
    facts: [
      { label: 'Part', value: part.name },
      { label: 'IPN', value: part.ipn ?? '—' },
      { label: 'In stock', value: withUnits(part.stockTotal, part.units) },
      { label: 'Minimum', value: withUnits(part.minimumStock, part.units) },
    ],
    ...(locations.length ? { table: { columns: ['Location', 'Quantity'], rows: locations } } : {}),
    reason,
    path: `/parts/${part.id}`,
    links: ctx.links,
  });
}
