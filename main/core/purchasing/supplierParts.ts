import type { MethodOutput, ParsedInput } from '../../contract';
import type { SupplierPartView } from '../../contract/purchasing';
import type { CoreContext, WriteContext } from '../context';
import { conflict, invalid, notFound } from '../errors';
import { touchForecastOf } from '../inventory/ledger';
import { formatQuantity } from '../quantity';

interface SupplierPartRecord extends Omit<SupplierPartView, 'packSize' | 'preferred'> {
  packSize: number;
  preferred: number;
}

const columns = `sp.id, sp.supplier_id as supplierId, s.name as supplierName, sp.part_id as partId, p.name as partName, p.units,
  sp.sku, sp.pack_size as packSize, sp.price_per_pack as pricePerPack, sp.lead_time_days as leadTimeDays, sp.preferred
  from supplier_parts sp join suppliers s on s.id = sp.supplier_id join parts p on p.id = sp.part_id`;

function toView(record: SupplierPartRecord): SupplierPartView {
  return { ...record, packSize: formatQuantity(record.packSize), preferred: record.preferred === 1 };
}

export function supplierPartView(ctx: CoreContext, supplierPartId: number): SupplierPartView {
  const record = ctx.db.$client.prepare(`select ${columns} where sp.id = ?`).get(supplierPartId) as SupplierPartRecord | undefined;
  if (!record) throw notFound('Supplier part');
  return toView(record);
}

/** A part has at most one preferred supplier part: choosing one takes the mark from the others. */
function keepOnePreferred(ctx: WriteContext, partId: number, preferredId: number): void {
  ctx.db.$client.prepare('update supplier_parts set preferred = 0 where part_id = ? and id != ? and preferred').run(partId, preferredId);
}

export const supplierParts = {
  list(ctx: CoreContext, input: ParsedInput<'supplierParts.list'>): SupplierPartView[] {
    const rows = ctx.db.$client
      .prepare(
        `select ${columns} where (@partId is null or sp.part_id = @partId) and (@supplierId is null or sp.supplier_id = @supplierId)
         order by sp.preferred desc, s.name collate nocase, p.name collate nocase, sp.id`,
      )
      .all({ partId: input.partId, supplierId: input.supplierId }) as SupplierPartRecord[];
    return rows.map(toView);
  },

  create(ctx: WriteContext, input: ParsedInput<'supplierParts.create'>): SupplierPartView {
    const client = ctx.db.$client;
    if (!client.prepare('select 1 from suppliers where id = ?').get(input.supplierId)) throw invalid('supplierId', 'The chosen supplier does not exist.');
    if (!client.prepare('select 1 from parts where id = ?').get(input.partId)) throw invalid('partId', 'The chosen part does not exist.');
    const id = Number(
      client
        .prepare(
          `insert into supplier_parts (id, supplier_id, part_id, sku, pack_size, price_per_pack, lead_time_days, preferred, created_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(ctx.ids.next('supplier_parts'), input.supplierId, input.partId, input.sku, input.packSize, input.pricePerPack, input.leadTimeDays, input.preferred ? 1 : 0, ctx.clock.now())
        .lastInsertRowid,
    );
    if (input.preferred) keepOnePreferred(ctx, input.partId, id);
    ctx.change.touch('purchasing');
    touchForecastOf(ctx, input.partId);
    return supplierPartView(ctx, id);
  },

  update(ctx: WriteContext, input: ParsedInput<'supplierParts.update'>): SupplierPartView {
    const current = supplierPartView(ctx, input.id);
    ctx.db.$client
      .prepare('update supplier_parts set sku = ?, pack_size = ?, price_per_pack = ?, lead_time_days = ?, preferred = ? where id = ?')
      .run(input.sku, input.packSize, input.pricePerPack, input.leadTimeDays, input.preferred ? 1 : 0, input.id);
    if (input.preferred) keepOnePreferred(ctx, current.partId, input.id);
    ctx.change.touch('purchasing');
    touchForecastOf(ctx, current.partId);
    return supplierPartView(ctx, input.id);
  },

  delete(ctx: WriteContext, supplierPartId: number): MethodOutput<'supplierParts.delete'> {
    const current = supplierPartView(ctx, supplierPartId);
    if (ctx.db.$client.prepare('select 1 from purchase_order_lines where supplier_part_id = ?').get(supplierPartId)) {
      throw conflict(`${current.supplierName}'s ${current.partName} is on a purchase order; remove it from the order first.`);
    }
    ctx.db.$client.prepare('delete from supplier_parts where id = ?').run(supplierPartId);
    ctx.change.touch('purchasing');
    touchForecastOf(ctx, current.partId);
    return { ok: true };
  },
};
