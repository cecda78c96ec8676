import type { ReorderGroup } from '../../../../main/contract';
import { formatCsv } from '../../../../main/core/import/csv';

// The reorder list as a spreadsheet, one row per part: the same quoting and formula protection as
// the app's other CSV exports. Quantities stay plain decimals so a spreadsheet reads them as numbers.

const HEADER = ['Supplier', 'Part', 'IPN', 'Reason', 'Stock', 'Minimum', 'On order', 'Daily use', 'Below minimum on', 'Target', 'Suggested', 'Pack size', 'SKU', 'Price per pack'];

const REASONS = { low: 'Low', will_run_low: 'Will run low' } as const;

export function reorderCsv(groups: ReorderGroup[]): string {
  const rows = groups.flatMap((group) =>
    group.lines.map((line) => [
      group.supplierName,
      line.partName,
      line.ipn,
      REASONS[line.reason],
      line.stock,
      line.minimum,
      line.onOrder,
      line.dailyUse,
      line.belowMinimumOn,
      line.target,
      line.suggested,
      line.packSize,
      line.sku,
      line.pricePerPack,
    ]),
  );
  return formatCsv(HEADER, rows);
}

/** "reorder-2027-01-04.csv", by the person's own calendar day. */
export function reorderFileName(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `reorder-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
