import type { PartRow } from '../../contract/inventory';
import { formatQuantity } from '../quantity';

// One select for every place a part is shown. "Low" is the state the alert engine keeps, so the
// list, the home page and the alerts always agree.
export const partRowColumns = `
  p.id, p.name, p.ipn, p.description, p.category_id as categoryId, c.name as categoryName,
  p.variant_of_id as variantOfId, p.is_template as isTemplate, p.is_assembly as isAssembly,
  p.active, p.units, p.minimum_stock as minimumStock, p.stock_total as stockTotal, p.is_low as isLow,
  (select coalesce(sum(l.quantity - l.received), 0) from purchase_order_lines l join purchase_orders o on o.id = l.order_id
    where l.part_id = p.id and l.received < l.quantity and o.status = 'placed') as onOrder`;

export const partRowFrom = `from parts p left join part_categories c on c.id = p.category_id`;

export interface PartRowRecord {
  id: number;
  name: string;
  ipn: string | null;
  description: string;
  categoryId: number | null;
  categoryName: string | null;
  variantOfId: number | null;
  isTemplate: number;
  isAssembly: number;
  active: number;
  units: string;
  minimumStock: number;
  stockTotal: number;
  isLow: number;
  onOrder: number;
}

export function toPartRow(record: PartRowRecord): PartRow {
  return {
    ...record,
    isTemplate: record.isTemplate === 1,
    isAssembly: record.isAssembly === 1,
    active: record.active === 1,
    isLow: record.isLow === 1,
    minimumStock: formatQuantity(record.minimumStock),
    stockTotal: formatQuantity(record.stockTotal),
    onOrder: formatQuantity(record.onOrder),
  };
}
