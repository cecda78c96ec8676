import type { MethodOutput, ParsedInput } from '../../contract';
import type { PurchaseOrderDetail, PurchaseOrderLineView, PurchaseOrderState, PurchaseOrderView } from '../../contract/purchasing';
import type { CoreContext, WriteContext } from '../context';
import { conflict, DomainError, invalid, notFound } from '../errors';
import { touchForecastOf } from '../inventory/ledger';
import { stock } from '../inventory/stock';
import { formatQuantity } from '../quantity';

// Purchase orders: a draft is put together line by line, placed with the supplier, and received as
// it arrives (each receipt an ordinary stock movement at the chosen location), or cancelled. Only
// what a person decides is stored (draft, placed, cancelled); how much has arrived is read from the
// lines, so receipts on two desktops of a team add up and the state always agrees with them.

interface OrderRecord {
  id: number;
  reference: string;
  supplierId: number;
  supplierName: string;
  status: 'draft' | 'placed' | 'cancelled';
  notes: string;
  createdAt: number;
  placedAt: number | null;
  lineCount: number;
  outstandingLines: number;
  receivedAny: number;
  nextExpected: string | null;
}

interface LineRecord {
  id: number;
  orderId: number;
  supplierPartId: number;
  sku: string;
  partId: number;
  partName: string;
  units: string;
  quantity: number;
  received: number;
  expectedDate: string | null;
}

const orderColumns = `o.id, o.reference, o.supplier_id as supplierId, s.name as supplierName, o.status, o.notes, o.created_at as createdAt,
  o.placed_at as placedAt,
  (select count(*) from purchase_order_lines l where l.order_id = o.id) as lineCount,
  (select count(*) from purchase_order_lines l where l.order_id = o.id and l.received < l.quantity) as outstandingLines,
  (select count(*) from purchase_order_lines l where l.order_id = o.id and l.received > 0) as receivedAny,
  (select min(l.expected_date) from purchase_order_lines l where l.order_id = o.id and l.received < l.quantity) as nextExpected
  from purchase_orders o join suppliers s on s.id = o.supplier_id`;

const lineColumns = `l.id, l.order_id as orderId, l.supplier_part_id as supplierPartId, sp.sku, l.part_id as partId, p.name as partName, p.units,
  l.quantity, l.received, l.expected_date as expectedDate
  from purchase_order_lines l join supplier_parts sp on sp.id = l.supplier_part_id join parts p on p.id = l.part_id`;

function stateOf(order: OrderRecord): PurchaseOrderState {
  if (order.status !== 'placed') return order.status;
  if (order.lineCount > 0 && order.outstandingLines === 0) return 'received';
  return order.receivedAny > 0 ? 'partly_received' : 'placed';
}

function toView(order: OrderRecord): PurchaseOrderView {
  return {
    id: order.id,
    reference: order.reference,
    supplierId: order.supplierId,
    supplierName: order.supplierName,
    state: stateOf(order),
    notes: order.notes,
    createdAt: order.createdAt,
    placedAt: order.placedAt,
    lineCount: order.lineCount,
    nextExpected: order.status === 'cancelled' ? null : order.nextExpected,
  };
}

function lineView(line: LineRecord): PurchaseOrderLineView {
  return {
    id: line.id,
    supplierPartId: line.supplierPartId,
    sku: line.sku,
    partId: line.partId,
    partName: line.partName,
    units: line.units,
    quantity: formatQuantity(line.quantity),
    received: formatQuantity(line.received),
    outstanding: formatQuantity(Math.max(0, line.quantity - line.received)),
    expectedDate: line.expectedDate,
  };
}

function orderRecord(ctx: CoreContext, orderId: number): OrderRecord {
  const record = ctx.db.$client.prepare(`select ${orderColumns} where o.id = ?`).get(orderId) as OrderRecord | undefined;
  if (!record) throw notFound('Purchase order');
  return record;
}

function detail(ctx: CoreContext, orderId: number): PurchaseOrderDetail {
  const order = orderRecord(ctx, orderId);
  const lines = ctx.db.$client.prepare(`select ${lineColumns} where l.order_id = ? order by l.id`).all(orderId) as LineRecord[];
  return { ...toView(order), lines: lines.map(lineView) };
}

function lineRecord(ctx: CoreContext, lineId: number): LineRecord {
  const line = ctx.db.$client.prepare(`select ${lineColumns} where l.id = ?`).get(lineId) as LineRecord | undefined;
  if (!line) throw notFound('Order line');
  return line;
}

const stateWords: Record<PurchaseOrderState, string> = {
  draft: 'a draft',
  placed: 'placed',
  partly_received: 'partly received',
  received: 'received',
  cancelled: 'cancelled',
};

/** Refuses a change the order's state does not allow, saying what state it is in. */
function assertState(order: OrderRecord, allowed: PurchaseOrderState[], action: string): void {
  const state = stateOf(order);
  if (!allowed.includes(state)) throw new DomainError('CONFLICT', `${order.reference} is ${stateWords[state]}, so ${action}.`);
}

function nextReference(ctx: CoreContext): string {
  const highest = ctx.db.$client
    .prepare(`select max(cast(substr(reference, 4) as integer)) from purchase_orders where reference like 'PO-%'`)
    .pluck()
    .get() as number | null;
  return `PO-${String((highest ?? 0) + 1).padStart(4, '0')}`;
}

/** The order changed: what it brings, and when, may move its parts' forecasts. */
function touched(ctx: WriteContext, orderId: number): void {
  const client = ctx.db.$client;
  client.prepare('update purchase_orders set updated_at = ? where id = ?').run(ctx.clock.now(), orderId);
  ctx.change.touch('purchasing');
  for (const partId of client.prepare('select distinct part_id from purchase_order_lines where order_id = ?').pluck().all(orderId) as number[]) touchForecastOf(ctx, partId);
}

export const purchaseOrders = {
  list(ctx: CoreContext, input: ParsedInput<'purchaseOrders.list'>): PurchaseOrderView[] {
    const rows = ctx.db.$client.prepare(`select ${orderColumns} order by o.created_at desc, o.id desc`).all() as OrderRecord[];
    const views = rows.map(toView);
    return input.open ? views.filter((order) => order.state === 'draft' || order.state === 'placed' || order.state === 'partly_received') : views;
  },

  get(ctx: CoreContext, orderId: number): PurchaseOrderDetail {
    return detail(ctx, orderId);
  },

  create(ctx: WriteContext, input: ParsedInput<'purchaseOrders.create'>): PurchaseOrderDetail {
    const client = ctx.db.$client;
    if (!client.prepare('select 1 from suppliers where id = ?').get(input.supplierId)) throw invalid('supplierId', 'The chosen supplier does not exist.');
    const reference = input.reference ?? nextReference(ctx);
    if (client.prepare('select 1 from purchase_orders where lower(reference) = lower(?)').get(reference)) {
      throw conflict(`Another purchase order is already called ${reference}.`, 'reference');
    }
    const now = ctx.clock.now();
    const id = Number(
      client
        .prepare('insert into purchase_orders (id, reference, supplier_id, status, notes, created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(ctx.ids.next('purchase_orders'), reference, input.supplierId, 'draft', input.notes, ctx.actorId, now, now).lastInsertRowid,
    );
    ctx.change.touch('purchasing');
    return detail(ctx, id);
  },

  addLine(ctx: WriteContext, input: ParsedInput<'purchaseOrders.addLine'>): PurchaseOrderDetail {
    const order = orderRecord(ctx, input.orderId);
    assertState(order, ['draft', 'placed', 'partly_received'], 'nothing can be added to it');
    const supplierPart = ctx.db.$client.prepare('select supplier_id as supplierId, part_id as partId from supplier_parts where id = ?').get(input.supplierPartId) as
      | { supplierId: number; partId: number }
      | undefined;
    if (!supplierPart) throw invalid('supplierPartId', 'The chosen supplier part does not exist.');
    if (supplierPart.supplierId !== order.supplierId) throw invalid('supplierPartId', `That part is sold by another supplier, not ${order.supplierName}.`);
    ctx.db.$client
      .prepare('insert into purchase_order_lines (id, order_id, supplier_part_id, part_id, quantity, received, expected_date) values (?, ?, ?, ?, ?, 0, ?)')
      .run(ctx.ids.next('purchase_order_lines'), input.orderId, input.supplierPartId, supplierPart.partId, input.quantity, input.expectedDate);
    touched(ctx, input.orderId);
    return detail(ctx, input.orderId);
  },

  updateLine(ctx: WriteContext, input: ParsedInput<'purchaseOrders.updateLine'>): PurchaseOrderDetail {
    const line = lineRecord(ctx, input.lineId);
    assertState(orderRecord(ctx, line.orderId), ['draft', 'placed', 'partly_received'], 'its lines cannot change');
    if (input.quantity < line.received) throw invalid('quantity', `${formatQuantity(line.received)} already arrived; order at least that.`);
    ctx.db.$client.prepare('update purchase_order_lines set quantity = ?, expected_date = ? where id = ?').run(input.quantity, input.expectedDate, input.lineId);
    touched(ctx, line.orderId);
    return detail(ctx, line.orderId);
  },

  removeLine(ctx: WriteContext, lineId: number): PurchaseOrderDetail {
    const line = lineRecord(ctx, lineId);
    assertState(orderRecord(ctx, line.orderId), ['draft', 'placed', 'partly_received'], 'its lines cannot change');
    if (line.received > 0) throw conflict(`${formatQuantity(line.received)} of ${line.partName} already arrived on this line; it stays on the order.`);
    ctx.db.$client.prepare('delete from purchase_order_lines where id = ?').run(lineId);
    touchForecastOf(ctx, line.partId);
    touched(ctx, line.orderId);
    return detail(ctx, line.orderId);
  },

  place(ctx: WriteContext, orderId: number): PurchaseOrderDetail {
    const order = orderRecord(ctx, orderId);
    assertState(order, ['draft'], 'it cannot be placed again');
    if (order.lineCount === 0) throw conflict(`${order.reference} has no lines yet: add what to order first.`);
    ctx.db.$client.prepare(`update purchase_orders set status = 'placed', placed_at = ? where id = ?`).run(ctx.clock.now(), orderId);
    touched(ctx, orderId);
    return detail(ctx, orderId);
  },

  /** Cancels what has not arrived; what has stays in stock and on the order's record. */
  cancel(ctx: WriteContext, orderId: number): PurchaseOrderDetail {
    const order = orderRecord(ctx, orderId);
    assertState(order, ['draft', 'placed', 'partly_received'], 'it cannot be cancelled');
    ctx.db.$client.prepare(`update purchase_orders set status = 'cancelled' where id = ?`).run(orderId);
    touched(ctx, orderId);
    return detail(ctx, orderId);
  },

  receive(ctx: WriteContext, input: ParsedInput<'purchaseOrders.receive'>): PurchaseOrderDetail {
    const order = orderRecord(ctx, input.orderId);
    assertState(order, ['placed', 'partly_received'], 'nothing can be received on it');
    // Every line is checked before anything is written: a refusal writes nothing.
    const lines = input.lines.map((entry, index) => {
      const line = lineRecord(ctx, entry.lineId);
      if (line.orderId !== input.orderId) throw invalid(`lines.${index}.lineId`, 'That line belongs to another order.');
      const outstanding = line.quantity - line.received;
      if (entry.quantity > outstanding) {
        throw invalid(`lines.${index}.quantity`, `Only ${formatQuantity(outstanding)} of ${line.partName} is still to come on this line.`);
      }
      return { line, entry };
    });
    const add = ctx.db.$client.prepare('update purchase_order_lines set received = received + ? where id = ?');
    for (const { line, entry } of lines) {
      stock.create(ctx, { partId: line.partId, locationId: entry.locationId, quantity: entry.quantity, batch: entry.batch, note: `Received on ${order.reference} from ${order.supplierName}` });
      add.run(entry.quantity, line.id);
    }
    touched(ctx, input.orderId);
    return detail(ctx, input.orderId);
  },

  onOrder(ctx: CoreContext, partId: number): MethodOutput<'purchaseOrders.onOrder'> {
    const rows = ctx.db.$client
      .prepare(
        `select o.id as orderId, o.reference, s.name as supplierName, l.quantity - l.received as outstanding, l.expected_date as expectedDate
         from purchase_order_lines l join purchase_orders o on o.id = l.order_id join suppliers s on s.id = o.supplier_id
         where l.part_id = ? and o.status = 'placed' and l.received < l.quantity
         order by l.expected_date is null, l.expected_date, o.id`,
      )
      .all(partId) as { orderId: number; reference: string; supplierName: string; outstanding: number; expectedDate: string | null }[];
    return {
      total: formatQuantity(rows.reduce((sum, row) => sum + row.outstanding, 0)),
      lines: rows.map((row) => ({ ...row, outstanding: formatQuantity(row.outstanding) })),
    };
  },
};
