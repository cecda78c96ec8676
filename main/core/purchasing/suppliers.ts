import type { MethodOutput, ParsedInput } from '../../contract';
import type { SupplierView } from '../../contract/purchasing';
import type { CoreContext, WriteContext } from '../context';
import { conflict, notFound } from '../errors';

const columns = `s.id, s.name, s.website, s.notes,
  (select count(*) from supplier_parts sp where sp.supplier_id = s.id) as partCount,
  (select count(*) from purchase_orders o where o.supplier_id = s.id and o.status in ('draft', 'placed')
     and exists (select 1 from purchase_order_lines l where l.order_id = o.id and l.received < l.quantity)) as openOrders`;

export function supplierView(ctx: CoreContext, supplierId: number): SupplierView {
  const row = ctx.db.$client.prepare(`select ${columns} from suppliers s where s.id = ?`).get(supplierId) as SupplierView | undefined;
  if (!row) throw notFound('Supplier');
  return row;
}

function assertNameFree(ctx: CoreContext, name: string, exceptId: number | null): void {
  if (ctx.db.$client.prepare('select 1 from suppliers where lower(name) = lower(?) and id is not ?').get(name, exceptId)) {
    throw conflict(`A supplier named ${name} already exists.`, 'name');
  }
}

export const suppliers = {
  list(ctx: CoreContext): SupplierView[] {
    return ctx.db.$client.prepare(`select ${columns} from suppliers s order by s.name collate nocase, s.id`).all() as SupplierView[];
  },

  create(ctx: WriteContext, input: ParsedInput<'suppliers.create'>): SupplierView {
    assertNameFree(ctx, input.name, null);
    const id = Number(
      ctx.db.$client
        .prepare('insert into suppliers (id, name, website, notes, created_at) values (?, ?, ?, ?, ?)')
        .run(ctx.ids.next('suppliers'), input.name, input.website, input.notes, ctx.clock.now()).lastInsertRowid,
    );
    ctx.change.touch('purchasing');
    return supplierView(ctx, id);
  },

  update(ctx: WriteContext, input: ParsedInput<'suppliers.update'>): SupplierView {
    supplierView(ctx, input.id);
    assertNameFree(ctx, input.name, input.id);
    ctx.db.$client.prepare('update suppliers set name = ?, website = ?, notes = ? where id = ?').run(input.name, input.website, input.notes, input.id);
    ctx.change.touch('purchasing');
    return supplierView(ctx, input.id);
  },

  delete(ctx: WriteContext, supplierId: number): MethodOutput<'suppliers.delete'> {
    const supplier = supplierView(ctx, supplierId);
    const orders = ctx.db.$client.prepare('select count(*) from purchase_orders where supplier_id = ?').pluck().get(supplierId) as number;
    if (orders > 0) throw conflict(`${supplier.name} has ${orders === 1 ? 'a purchase order' : `${orders} purchase orders`}; they keep it in the records.`);
    ctx.db.$client.prepare('delete from suppliers where id = ?').run(supplierId);
    ctx.change.touch('purchasing');
    return { ok: true };
  },
};
