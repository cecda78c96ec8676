import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/runtime';

// Suppliers, what they sell, and purchase orders from draft to received, on a real database.

let app: TestRuntime;
beforeEach(async () => {
  app = await openTestRuntime();
});
afterEach(() => app.close());

async function catalogue() {
  const shelf = await app.call('locations.create', { name: 'Shelf A' });
  const bin = await app.call('locations.create', { name: 'Bin 4' });
  const resistor = await app.call('parts.create', { name: 'R 10k', minimumStock: '100', units: 'pcs' });
  const fuse = await app.call('parts.create', { name: 'Fuse 2A', minimumStock: '5' });
  const mouser = await app.call('suppliers.create', { name: 'Mouser', website: 'https://mouser.example' });
  const digikey = await app.call('suppliers.create', { name: 'Digi-Key' });
  const resistorAtMouser = await app.call('supplierParts.create', { supplierId: mouser.id, partId: resistor.id, sku: 'RC0603-10K', packSize: '100', pricePerPack: '1.20', leadTimeDays: 7, preferred: true });
  const fuseAtMouser = await app.call('supplierParts.create', { supplierId: mouser.id, partId: fuse.id, sku: 'F2A', packSize: '10', leadTimeDays: 3 });
  const resistorAtDigikey = await app.call('supplierParts.create', { supplierId: digikey.id, partId: resistor.id, sku: 'DK-10K', packSize: '1000' });
  return { shelf, bin, resistor, fuse, mouser, digikey, resistorAtMouser, fuseAtMouser, resistorAtDigikey };
}

describe('suppliers and what they sell', () => {
  it('lists a part\'s supplier parts with the preferred one first, and keeps one preferred per part', async () => {
    const { resistor, digikey, resistorAtDigikey } = await catalogue();
    expect((await app.call('supplierParts.list', { partId: resistor.id })).map((entry) => [entry.supplierName, entry.sku, entry.packSize, entry.preferred])).toEqual([
      ['Mouser', 'RC0603-10K', '100', true],
      ['Digi-Key', 'DK-10K', '1000', false],
    ]);
    await app.call('supplierParts.update', { id: resistorAtDigikey.id, sku: 'DK-10K', packSize: '1000', preferred: true });
    expect((await app.call('supplierParts.list', { partId: resistor.id })).map((entry) => [entry.supplierName, entry.preferred])).toEqual([
      ['Digi-Key', true],
      ['Mouser', false],
    ]);
    expect((await app.call('suppliers.list', {})).find((supplier) => supplier.id === digikey.id)).toMatchObject({ partCount: 1, openOrders: 0 });
  });

  it('refuses a second supplier of the same name, a bad price or pack, and writes nothing', async () => {
    const { resistor, mouser } = await catalogue();
    await expect(app.call('suppliers.create', { name: 'mouser' })).rejects.toMatchObject({ code: 'CONFLICT', fields: { name: 'A supplier named mouser already exists.' } });
    await expect(app.call('supplierParts.create', { supplierId: mouser.id, partId: resistor.id, packSize: '0' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(app.call('supplierParts.create', { supplierId: mouser.id, partId: resistor.id, packSize: '10', pricePerPack: '1,20' })).rejects.toMatchObject({
      fields: { pricePerPack: 'Enter a price like 12.50' },
    });
    expect(await app.call('supplierParts.list', { supplierId: mouser.id })).toHaveLength(2);
  });
});

describe('a purchase order', () => {
  it('goes from draft to placed to partly received to received, each receipt a stock movement, and shows what is on order', async () => {
    const { shelf, bin, resistor, fuse, mouser, resistorAtMouser, fuseAtMouser, resistorAtDigikey } = await catalogue();
    const draft = await app.call('purchaseOrders.create', { supplierId: mouser.id });
    expect(draft).toMatchObject({ reference: 'PO-0001', state: 'draft', supplierName: 'Mouser', lines: [] });
    await expect(app.call('purchaseOrders.place', { id: draft.id })).rejects.toThrow('CONFLICT: PO-0001 has no lines yet: add what to order first.');
    await expect(app.call('purchaseOrders.addLine', { orderId: draft.id, supplierPartId: resistorAtDigikey.id, quantity: '100' })).rejects.toMatchObject({
      fields: { supplierPartId: 'That part is sold by another supplier, not Mouser.' },
    });
    await app.call('purchaseOrders.addLine', { orderId: draft.id, supplierPartId: resistorAtMouser.id, quantity: '500', expectedDate: '2026-12-10' });
    const withLines = await app.call('purchaseOrders.addLine', { orderId: draft.id, supplierPartId: fuseAtMouser.id, quantity: '20', expectedDate: '2026-12-05' });
    expect(withLines.lines.map((line) => [line.partName, line.quantity, line.outstanding])).toEqual([
      ['R 10k', '500', '500'],
      ['Fuse 2A', '20', '20'],
    ]);
    // A draft is not on order yet.
    expect((await app.call('purchaseOrders.onOrder', { partId: resistor.id })).total).toBe('0');

    const placed = await app.call('purchaseOrders.place', { id: draft.id });
    expect(placed).toMatchObject({ state: 'placed', nextExpected: '2026-12-05' });
    // The parts table and the part page say it too.
    expect((await app.call('parts.list', { search: 'R 10k' })).rows[0]?.onOrder).toBe('500');
    expect((await app.call('parts.get', { id: fuse.id })).part.onOrder).toBe('20');
    expect(await app.call('purchaseOrders.onOrder', { partId: resistor.id })).toEqual({
      total: '500',
      lines: [{ orderId: draft.id, reference: 'PO-0001', supplierName: 'Mouser', outstanding: '500', expectedDate: '2026-12-10' }],
    });

    const [resistorLine, fuseLine] = placed.lines;
    const partly = await app.call('purchaseOrders.receive', {
      orderId: draft.id,
      lines: [{ lineId: resistorLine?.id ?? 0, quantity: '200', locationId: shelf.id, batch: 'LOT-7' }],
    });
    expect(partly).toMatchObject({ state: 'partly_received', nextExpected: '2026-12-05' });
    expect((await app.call('parts.get', { id: resistor.id })).part.stockTotal).toBe('200');
    const [movement] = (await app.call('movements.list', { partId: resistor.id, limit: 10 })).rows;
    expect(movement).toMatchObject({ kind: 'create', delta: '200', note: 'Received on PO-0001 from Mouser' });
    expect((await app.call('purchaseOrders.onOrder', { partId: resistor.id })).total).toBe('300');

    // More than is still to come is refused, and nothing of that receipt is written.
    await expect(
      app.call('purchaseOrders.receive', {
        orderId: draft.id,
        lines: [
          { lineId: fuseLine?.id ?? 0, quantity: '20', locationId: bin.id },
          { lineId: resistorLine?.id ?? 0, quantity: '301', locationId: shelf.id },
        ],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: { 'lines.1.quantity': 'Only 300 of R 10k is still to come on this line.' } });
    expect((await app.call('parts.get', { id: fuse.id })).part.stockTotal).toBe('0');

    const received = await app.call('purchaseOrders.receive', {
      orderId: draft.id,
      lines: [
        { lineId: fuseLine?.id ?? 0, quantity: '20', locationId: bin.id },
        { lineId: resistorLine?.id ?? 0, quantity: '300', locationId: shelf.id },
      ],
    });
    expect(received).toMatchObject({ state: 'received', nextExpected: null });
    expect((await app.call('parts.get', { id: resistor.id })).part.onOrder).toBe('0');
    expect((await app.call('parts.get', { id: resistor.id })).part.stockTotal).toBe('500');
    expect((await app.call('purchaseOrders.onOrder', { partId: resistor.id })).total).toBe('0');
    await expect(app.call('purchaseOrders.cancel', { id: draft.id })).rejects.toThrow('CONFLICT: PO-0001 is received, so it cannot be cancelled.');
    await expect(app.call('suppliers.delete', { id: mouser.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await app.call('purchaseOrders.list', { open: true })).map((order) => order.reference)).toEqual([]);
    expect((await app.call('purchaseOrders.list', {})).map((order) => [order.reference, order.state])).toEqual([['PO-0001', 'received']]);
  });

  it('is cancelled with what had not arrived, which is then no longer on order', async () => {
    const { resistor, mouser, resistorAtMouser } = await catalogue();
    const order = await app.call('purchaseOrders.create', { supplierId: mouser.id, reference: 'MOU-77', notes: 'Quote 123' });
    await app.call('purchaseOrders.addLine', { orderId: order.id, supplierPartId: resistorAtMouser.id, quantity: '100' });
    await app.call('purchaseOrders.place', { id: order.id });
    expect((await app.call('purchaseOrders.onOrder', { partId: resistor.id })).total).toBe('100');
    expect(await app.call('purchaseOrders.cancel', { id: order.id })).toMatchObject({ reference: 'MOU-77', state: 'cancelled' });
    expect((await app.call('purchaseOrders.onOrder', { partId: resistor.id })).total).toBe('0');
    await expect(app.call('purchaseOrders.receive', { orderId: order.id, lines: [{ lineId: 1, quantity: '1', locationId: 1 }] })).rejects.toThrow(
      'CONFLICT: MOU-77 is cancelled, so nothing can be received on it.',
    );
    await expect(app.call('purchaseOrders.create', { supplierId: mouser.id, reference: 'mou-77' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
