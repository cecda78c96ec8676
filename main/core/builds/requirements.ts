import type { RequirementView } from '../../contract/builds';
import type { CoreContext } from '../context';
import { formatQuantity, multiplyQuantities } from '../quantity';
import { bomLinesOf } from './bom';

export interface Requirement {
  lineId: number;
  partId: number;
  name: string;
  ipn: string | null;
  units: string;
  quantityPer: number;
  required: number;
  inStock: number;
  neededElsewhere: number;
  available: number;
  minimum: number;
  belowMinimum: boolean;
  optional: boolean;
  allowVariants: boolean;
  short: boolean;
}

interface SubPartState {
  name: string;
  ipn: string | null;
  units: string;
  minimumStock: number;
  stockTotal: number;
  isLow: number;
}

/**
 * For each BOM line: required = quantity per assembly x build quantity; available = stock of the
 * sub-part (with its variants when the line allows them) minus what other open build orders need
 * of it. A required line is short when available < required or the sub-part is below its minimum.
 */
export function requirementsOf(ctx: CoreContext, build: { id: number | null; assemblyId: number; quantity: number }): Requirement[] {
  const client = ctx.db.$client;
  const readPart = client.prepare(
    `select name, ipn, units, minimum_stock as minimumStock, stock_total as stockTotal, is_low as isLow from parts where id = ?`,
  );
  const ownStock = client.prepare('select coalesce(sum(quantity), 0) from stock_items where part_id = ? and deleted_at is null').pluck();
  const demand = client.prepare(
    `select o.quantity as buildQuantity, b.quantity as perUnit from build_orders o
     join bom_lines b on b.assembly_id = o.assembly_id and b.sub_part_id = ? and not b.optional
     where o.status in ('pending', 'in_production') and o.id is not ?`,
  );
  return bomLinesOf(ctx, build.assemblyId).map((line) => {
    const part = readPart.get(line.subPartId) as SubPartState;
    const inStock = line.allowVariants ? part.stockTotal : (ownStock.get(line.subPartId) as number);
    const neededElsewhere = (demand.all(line.subPartId, build.id) as { buildQuantity: number; perUnit: number }[]).reduce(
      (sum, row) => sum + multiplyQuantities(row.perUnit, row.buildQuantity),
      0,
    );
    const required = multiplyQuantities(line.quantity, build.quantity);
    const available = Math.max(0, inStock - neededElsewhere);
    const belowMinimum = part.isLow === 1;
    return {
      lineId: line.id,
      partId: line.subPartId,
      name: part.name,
      ipn: part.ipn,
      units: part.units,
      quantityPer: line.quantity,
      required,
      inStock,
      neededElsewhere,
      available,
      minimum: part.minimumStock,
      belowMinimum,
      optional: line.optional,
      allowVariants: line.allowVariants,
      short: !line.optional && (available < required || belowMinimum),
    };
  });
}

export function toRequirementView(requirement: Requirement): RequirementView {
  return {
    lineId: requirement.lineId,
    part: { id: requirement.partId, name: requirement.name, ipn: requirement.ipn, units: requirement.units },
    quantityPer: formatQuantity(requirement.quantityPer),
    required: formatQuantity(requirement.required),
    inStock: formatQuantity(requirement.inStock),
    neededElsewhere: formatQuantity(requirement.neededElsewhere),
    available: formatQuantity(requirement.available),
    minimum: formatQuantity(requirement.minimum),
    belowMinimum: requirement.belowMinimum,
    optional: requirement.optional,
    allowVariants: requirement.allowVariants,
    short: requirement.short,
  };
}
