import type { PurchaseOrderDetail } from '../../contract/purchasing';
import type { ReorderGroup, ReorderLine } from '../../contract/forecast';
import { localDate } from '../calendar';
import type { CoreContext, WriteContext } from '../context';
import { conflict, notFound } from '../errors';
import { variantTreeIds } from '../inventory/trees';
import { purchaseOrders } from '../purchasing/purchaseOrders';
import { formatQuantity } from '../quantity';
import { forecastOf, readForecastSettings } from './forecast';
import { DAY_MS, roundedDailyUse, suggestedQuantity } from './projection';

// The reorder list: every part that is low, or holds a "Will run low" warning (its projected fall
// below the minimum is within lead time plus margin), with what to order from whom. Reading the
// warnings rather than forecasting every part keeps the list quick on a large inventory.

interface SupplierChoice {
  supplierPartId: number;
  supplierId: number;
  supplierName: string;
  sku: string;
  packSize: number;
  pricePerPack: string | null;
  leadTimeDays: number | null;
}

/** The preferred supplier part of the part or its variants, else the quickest to arrive, else any. */
function supplierFor(ctx: CoreContext, partId: number): SupplierChoice | null {
  const row = ctx.db.$client
    .prepare(
      `select sp.id as supplierPartId, sp.supplier_id as supplierId, s.name as supplierName, sp.sku, sp.pack_size as packSize,
         sp.price_per_pack as pricePerPack, sp.lead_time_days as leadTimeDays
       from supplier_parts sp join suppliers s on s.id = sp.supplier_id
       where sp.part_id in (select value from json_each(?))
       order by sp.preferred desc, sp.lead_time_days is null, sp.lead_time_days, sp.id limit 1`,
    )
    .get(JSON.stringify(variantTreeIds(ctx.db.$client, partId))) as SupplierChoice | undefined;
  return row ?? null;
}

interface Suggestion {
  line: ReorderLine;
  supplier: SupplierChoice | null;
  quantity: number;
}

function suggestions(ctx: CoreContext): Suggestion[] {
  const settings = readForecastSettings(ctx);
  const partIds = ctx.db.$client
    .prepare(
      `select id from parts where active and minimum_stock > 0
       and (stock_total < minimum_stock or id in (select part_id from part_run_low_warnings)) order by name collate nocase, id`,
    )
    .pluck()
    .all() as number[];
  return partIds.map((partId) => {
    const forecast = forecastOf(ctx, partId, settings);
    const supplier = supplierFor(ctx, partId);
    const perDay = forecast.rate.kind === 'rate' ? forecast.rate.perDay : 0;
    const { target, quantity } = suggestedQuantity({
      minimum: forecast.part.minimumStock,
      perDay,
      stock: forecast.part.stockTotal,
      onOrder: forecast.onOrder,
      leadTimeDays: supplier?.leadTimeDays ?? forecast.leadTimeDays,
      safetyDays: settings.safetyDays,
      coverDays: settings.coverDays,
      packSize: supplier?.packSize ?? null,
    });
    const { part } = forecast;
    return {
      supplier,
      quantity,
      line: {
        partId,
        partName: part.name,
        ipn: part.ipn,
        units: part.units,
        reason: part.stockTotal < part.minimumStock ? 'low' : 'will_run_low',
        stock: formatQuantity(part.stockTotal),
        minimum: formatQuantity(part.minimumStock),
        onOrder: formatQuantity(forecast.onOrder),
        dailyUse: forecast.rate.kind === 'rate' ? formatQuantity(roundedDailyUse(forecast.rate.perDay)) : null,
        belowMinimumOn: forecast.belowMinimumAt === null ? null : localDate(forecast.belowMinimumAt),
        target: formatQuantity(target),
        suggested: formatQuantity(quantity),
        supplierPartId: supplier?.supplierPartId ?? null,
        sku: supplier?.sku ?? null,
        packSize: supplier ? formatQuantity(supplier.packSize) : null,
        pricePerPack: supplier?.pricePerPack ?? null,
        leadTimeDays: supplier?.leadTimeDays ?? null,
      },
    };
  });
}

export const reorder = {
  list(ctx: CoreContext): ReorderGroup[] {
    const groups = new Map<number | null, ReorderGroup>();
    for (const { line, supplier } of suggestions(ctx)) {
      const key = supplier?.supplierId ?? null;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { supplierId: key, supplierName: supplier?.supplierName ?? null, lines: [] }));
      group.lines.push(line);
    }
    // Suppliers by name; parts with no supplier last, since they cannot be ordered from here.
    return [...groups.values()].sort((a, b) => (a.supplierName === null ? 1 : b.supplierName === null ? -1 : a.supplierName.localeCompare(b.supplierName)));
  },

  /** One supplier's group as it stands now, as a draft order: what the list suggests, due a lead time from today. */
  createOrder(ctx: WriteContext, supplierId: number): PurchaseOrderDetail {
    const supplierName = ctx.db.$client.prepare('select name from suppliers where id = ?').pluck().get(supplierId) as string | undefined;
    if (supplierName === undefined) throw notFound('Supplier');
    const wanted = suggestions(ctx).filter((entry) => entry.supplier?.supplierId === supplierId && entry.quantity > 0);
    if (wanted.length === 0) throw conflict(`Nothing on the reorder list needs ordering from ${supplierName} now.`);
    let order = purchaseOrders.create(ctx, { supplierId, reference: null, notes: 'Made from the reorder list.' });
    const today = ctx.clock.now();
    for (const { supplier, quantity } of wanted) {
      if (!supplier) continue;
      order = purchaseOrders.addLine(ctx, {
        orderId: order.id,
        supplierPartId: supplier.supplierPartId,
        quantity,
        expectedDate: supplier.leadTimeDays === null ? null : localDate(today + supplier.leadTimeDays * DAY_MS),
      });
    }
    return order;
  },
};
