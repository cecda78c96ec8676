import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../dispatch/session';
import { openTestRuntime, type TestRuntime } from '../../testing/runtime';
import { DAY_MS } from './projection';
import { startMaintenance } from '../maintenance';
import { writeSetting } from '../settings';
import { forecastLater, runDailyForecastCheck } from './runLowWarnings';

// The usage forecast on a real database: rates from the movement record, the "Will run low" notice
// (once per approach, re-armed when the projection moves out), and the reorder list.

let app: TestRuntime;
let alice: Session;
let shelf: { id: number };
let supplier: { id: number };

beforeEach(async () => {
  app = await openTestRuntime();
  alice = await app.signIn('Alice');
  shelf = await app.call('locations.create', { name: 'Shelf' });
  supplier = await app.call('suppliers.create', { name: 'Farnell' });
});
afterEach(() => app.close());

async function part(name: string, minimum: string, stock: string, options: { variantOfId?: number; isTemplate?: boolean } = {}) {
  const created = await app.call('parts.create', { name, minimumStock: minimum, units: 'pcs', variantOfId: options.variantOfId ?? null, isTemplate: options.isTemplate ?? false });
  const item = await app.call('stock.create', { partId: created.id, locationId: shelf.id, quantity: stock });
  return { ...created, itemId: item.id };
}

/** A day passes and `quantity` is taken from the item. */
async function useDaily(itemId: number, quantity: string, days: number) {
  for (let day = 0; day < days; day += 1) {
    app.clock.advance(DAY_MS);
    await app.call('stock.remove', { itemId, quantity });
  }
}

async function runLowNotices(session: Session = alice) {
  return (await app.call('notifications.list', { state: 'unread', kind: 'part.will_run_low' }, session)).rows;
}

describe('a part\'s forecast', () => {
  it('states its average use, the date it falls below its minimum and how it was worked out', async () => {
    const fuse = await part('Fuse 2A', '20', '300');
    await app.call('supplierParts.create', { supplierId: supplier.id, partId: fuse.id, packSize: '50', leadTimeDays: 30, preferred: true });
    await useDaily(fuse.itemId, '4', 20);
    const forecast = await app.call('forecast.part', { partId: fuse.id });
    expect(forecast).toMatchObject({
      status: 'projected',
      windowDays: 90,
      historyDays: 20,
      uses: 20,
      used: '80',
      dailyUse: '4',
      stock: '220',
      daysAhead: 50,
      leadTimeDays: 30,
      leadTimeSource: 'preferred',
      leadTimeSupplier: 'Farnell',
      safetyDays: 7,
      warned: false,
    });
    // 200 above the minimum at 4 a day: 50 days from now, to be warned of 37 days before.
    const now = app.clock.now();
    expect(forecast.belowMinimumOn).toBe(localDay(now + 50 * DAY_MS));
    expect(forecast.warnFrom).toBe(localDay(now + 13 * DAY_MS));
  });

  it('says when there is too little history, and warns of nothing then', async () => {
    const relay = await part('Relay', '10', '12');
    await useDaily(relay.itemId, '0.5', 3);
    expect(await app.call('forecast.part', { partId: relay.id })).toMatchObject({ status: 'too_little_history', dailyUse: null, uses: 3 });
    expect(await app.call('reorder.list', {})).toEqual([]);
  });

  it('rolls variants\' use up to their template, as their stock is', async () => {
    const template = await app.call('parts.create', { name: 'Cable', minimumStock: '50', isTemplate: true });
    const red = await part('Cable red', '0', '200', { variantOfId: template.id });
    const blue = await part('Cable blue', '0', '200', { variantOfId: template.id });
    for (let day = 0; day < 30; day += 1) {
      app.clock.advance(DAY_MS);
      await app.call('stock.remove', { itemId: red.itemId, quantity: '2' });
      await app.call('stock.remove', { itemId: blue.itemId, quantity: '1' });
    }
    expect(await app.call('forecast.part', { partId: template.id })).toMatchObject({ status: 'projected', dailyUse: '3', stock: '310', uses: 60 });
    expect(await app.call('forecast.part', { partId: red.id })).toMatchObject({ status: 'no_minimum', dailyUse: '2' });
  });

  it('draws the stock history day by day, the minimum, orders due and the projection', async () => {
    const fuse = await part('Fuse 2A', '20', '100');
    const sold = await app.call('supplierParts.create', { supplierId: supplier.id, partId: fuse.id, packSize: '10', leadTimeDays: 5 });
    await useDaily(fuse.itemId, '2', 15);
    const order = await app.call('purchaseOrders.create', { supplierId: supplier.id });
    await app.call('purchaseOrders.addLine', { orderId: order.id, supplierPartId: sold.id, quantity: '40', expectedDate: localDay(app.clock.now() + 10 * DAY_MS) });
    await app.call('purchaseOrders.place', { id: order.id });
    const chart = await app.call('forecast.history', { partId: fuse.id });
    expect(chart.minimum).toBe(20);
    const last = chart.history.at(-1);
    expect(last).toEqual({ at: app.clock.now(), stock: 70 });
    // Yesterday closed at 72, the day before at 74.
    expect(chart.history.slice(-3, -1).map((point) => point.stock)).toEqual([74, 72]);
    expect(chart.arrivals).toEqual([{ at: startOfDay(app.clock.now() + 10 * DAY_MS), quantity: 40, reference: order.reference }]);
    expect(chart.forecast[0]).toEqual({ at: app.clock.now(), stock: 70 });
    // 70 − 2 a day, then 40 more on the due date.
    const arrival = chart.arrivals[0]?.at ?? 0;
    expect(chart.forecast.find((point) => point.at === arrival)?.stock).toBeCloseTo(70 - 2 * ((arrival - app.clock.now()) / DAY_MS) + 40);
  });
});

describe('"Will run low"', () => {
  it('tells subscribers once as the projection comes within lead time plus margin, and again only after it moved out', async () => {
    const fuse = await part('Fuse 2A', '20', '300');
    const sold = await app.call('supplierParts.create', { supplierId: supplier.id, partId: fuse.id, packSize: '50', leadTimeDays: 30, preferred: true });
    await app.call('subscriptions.subscribe', { kind: 'part', id: fuse.id }, alice);
    // At 4 a day, (stock − 20) / 4 days ahead is within 37 days from the 33rd day on.
    await useDaily(fuse.itemId, '4', 32);
    expect(await runLowNotices()).toHaveLength(0);
    await useDaily(fuse.itemId, '4', 1);
    const [notice] = await runLowNotices();
    expect(notice).toMatchObject({ kind: 'part.will_run_low', title: 'Will run low: Fuse 2A', reason: 'You are subscribed to this part.' });
    expect(notice?.message).toMatch(/^At about 4 pcs a day, Fuse 2A is projected to fall below its minimum of 20 pcs on \w{3}, \d+ \w{3} 2027, within its 30-day lead time plus the 7-day margin\.$/);
    await useDaily(fuse.itemId, '4', 2);
    expect(await runLowNotices()).toHaveLength(1);

    // An order due in ten days moves the projection out: re-armed, and nobody is told.
    const order = await app.call('purchaseOrders.create', { supplierId: supplier.id });
    await app.call('purchaseOrders.addLine', { orderId: order.id, supplierPartId: sold.id, quantity: '200', expectedDate: localDay(app.clock.now() + 10 * DAY_MS) });
    expect(await app.call('forecast.part', { partId: fuse.id })).toMatchObject({ warned: true, onOrder: '0' });
    await app.call('purchaseOrders.place', { id: order.id });
    expect(await app.call('forecast.part', { partId: fuse.id })).toMatchObject({ warned: false, onOrder: '200' });
    expect(await runLowNotices()).toHaveLength(1);

    // Cancelled, it is within reach again: told a second time.
    await app.call('purchaseOrders.cancel', { id: order.id });
    expect(await runLowNotices()).toHaveLength(2);
  });

  it('goes when the part goes low (its own alert tells that), and comes again when stock is back but still within reach', async () => {
    const fuse = await part('Fuse 2A', '20', '300');
    await app.call('subscriptions.subscribe', { kind: 'part', id: fuse.id }, alice);
    await useDaily(fuse.itemId, '10', 27);
    expect(await app.call('forecast.part', { partId: fuse.id })).toMatchObject({ stock: '30', warned: true });
    await app.call('stock.remove', { itemId: fuse.itemId, quantity: '15' });
    expect(await app.call('forecast.part', { partId: fuse.id })).toMatchObject({ status: 'already_low', warned: false });
    // 20 back: above the minimum again, yet at over 10 a day under a week from falling below it.
    await app.call('stock.add', { itemId: fuse.itemId, quantity: '20' });
    expect(await app.call('forecast.part', { partId: fuse.id })).toMatchObject({ status: 'projected', warned: true });
    expect((await runLowNotices()).map((notice) => notice.title)).toEqual(['Will run low: Fuse 2A', 'Will run low: Fuse 2A']);
  });

  it('comes from the daily check when only the calendar moved, once a day, and is re-armed as use stops', async () => {
    const fuse = await part('Fuse 2A', '20', '300');
    await app.call('subscriptions.subscribe', { kind: 'part', id: fuse.id }, alice);
    // Ten busy days are too little history to say anything yet.
    await useDaily(fuse.itemId, '20', 10);
    expect(await runDailyForecastCheck(app.core)).toBe(0);
    for (let day = 0; day < 3; day += 1) {
      app.clock.advance(DAY_MS);
      expect(await runDailyForecastCheck(app.core)).toBe(0);
    }
    // On the 14th day the record is long enough: 200 over 14 days leaves 80 above the minimum for
    // under six days, within the 7-day margin. Nothing changed but the date.
    app.clock.advance(DAY_MS);
    expect(await runDailyForecastCheck(app.core)).toBe(1);
    expect(await runLowNotices()).toHaveLength(1);
    expect(await runDailyForecastCheck(app.core)).toBe(0);
    // Nobody takes any more: by day 30 the pace is 200 / 30 a day, twelve days away. Re-armed, silently.
    app.clock.advance(16 * DAY_MS);
    expect(await runDailyForecastCheck(app.core)).toBe(0);
    expect(await app.call('forecast.part', { partId: fuse.id })).toMatchObject({ status: 'projected', warned: false });
    expect(await runLowNotices()).toHaveLength(1);
  });

  it('is not sent to someone who muted the part, and explains itself like a low-stock notice', async () => {
    const bob = await app.signIn('Bob');
    const fuse = await part('Fuse 2A', '20', '300');
    await app.call('subscriptions.subscribe', { kind: 'part', id: fuse.id }, alice);
    await app.call('subscriptions.subscribe', { kind: 'part', id: fuse.id }, bob);
    await app.call('mutes.set', { target: { kind: 'part', id: fuse.id }, until: app.clock.now() + 400 * DAY_MS - DAY_MS * 40 }, bob);
    // No supplier, so no lead time: warned within the 7-day margin alone.
    await useDaily(fuse.itemId, '10', 22);
    expect(await app.call('forecast.part', { partId: fuse.id })).toMatchObject({ leadTimeSource: 'none', leadTimeDays: 0 });
    const [notice] = await runLowNotices();
    expect(notice?.message).toContain('within the 7-day margin (no lead time is known)');
    expect(await runLowNotices(bob)).toHaveLength(0);
    const why = await app.call('notifications.why', { id: notice?.id as number }, alice);
    expect(why.reason).toBe('You are subscribed to this part.');
    expect(why.facts.map((fact) => fact.label)).toEqual(expect.arrayContaining(['Average use', 'Projected below minimum', 'Lead time', 'Minimum']));
  });

  it('is left to after the commit for a bulk change of many parts, so the change does not wait for it', async () => {
    const many: { id: number; itemId: number }[] = [];
    for (let index = 0; index < 60; index += 1) many.push(await part(`Part ${index}`, '5', '100'));
    for (let day = 0; day < 20; day += 1) {
      app.clock.advance(DAY_MS);
      await app.call('stock.adjustMany', { changes: many.map((entry) => ({ itemId: entry.itemId, kind: 'remove' as const, quantity: '4' })) });
    }
    // Within the 7-day margin now, but nothing was decided inside the bulk changes.
    expect((await app.call('forecast.part', { partId: many[0]?.id as number })).warned).toBe(false);
    // A host's maintenance looks at them once the change has committed (today's daily check has run).
    app.core.write(null, (ctx) => writeSetting(ctx, 'maintenance.lastForecastAt', app.clock.now()));
    const stop = startMaintenance(app.core);
    try {
      await app.call('stock.adjustMany', { changes: many.map((entry) => ({ itemId: entry.itemId, kind: 'remove' as const, quantity: '1' })) });
      await vi.waitFor(async () => expect((await app.call('forecast.part', { partId: many[59]?.id as number })).warned).toBe(true), { timeout: 5000 });
    } finally {
      stop();
    }
  });
});

describe('forecasts left for later', () => {
  it('are worked through once per waiting part however many large changes queued them', async () => {
    const many: { id: number; itemId: number }[] = [];
    for (let index = 0; index < 60; index += 1) many.push(await part(`Part ${index}`, '5', '100'));
    for (let day = 0; day < 20; day += 1) {
      app.clock.advance(DAY_MS);
      await app.call('stock.adjustMany', { changes: many.map((entry) => ({ itemId: entry.itemId, kind: 'remove' as const, quantity: '4' })) });
    }
    const ids = many.map((entry) => entry.id);
    // A stream of bulk calls queues the same parts again and again: one drain, each part once.
    const first = forecastLater(app.core, ids);
    const again = forecastLater(app.core, ids.slice(0, 30));
    expect(again).toBe(first);
    expect(await first).toBe(60);
    expect(await runLowNotices()).toEqual([]);
    expect(app.core.db.$client.prepare('select count(*) from part_run_low_warnings').pluck().get()).toBe(60);
  });
});

describe('the reorder list', () => {
  it('lists what is low or will run low, by preferred supplier, with quantities to the pack size less what is on order', async () => {
    const digikey = await app.call('suppliers.create', { name: 'Digi-Key' });
    const fuse = await part('Fuse 2A', '20', '300');
    const relay = await part('Relay', '10', '12');
    const spare = await part('Spare', '10', '500');
    const fuseHere = await app.call('supplierParts.create', { supplierId: supplier.id, partId: fuse.id, sku: 'F-2A', packSize: '50', leadTimeDays: 30, preferred: true });
    await app.call('supplierParts.create', { supplierId: digikey.id, partId: fuse.id, packSize: '1', leadTimeDays: 2 });
    await app.call('supplierParts.create', { supplierId: digikey.id, partId: relay.id, sku: 'RL-5V', packSize: '4', leadTimeDays: 5 });
    await useDaily(fuse.itemId, '4', 35);
    await app.call('stock.remove', { itemId: relay.itemId, quantity: '5' });
    await app.call('stock.remove', { itemId: spare.itemId, quantity: '1' });
    const list = await app.call('reorder.list', {});
    expect(list.map((group) => [group.supplierName, group.lines.map((line) => [line.partName, line.reason, line.suggested])])).toEqual([
      // Relay: no history, so back to its minimum: 10 − 7 = 3, rounded up to a pack of 4.
      ['Digi-Key', [['Relay', 'low', '4']]],
      // Fuse: 20 + 4 × (30 + 7 + 30) = 288, less 160 in stock = 128, rounded up to packs of 50.
      ['Farnell', [['Fuse 2A', 'will_run_low', '150']]],
    ]);
    expect(list[1]?.lines[0]).toMatchObject({ target: '288', stock: '160', onOrder: '0', dailyUse: '4', sku: 'F-2A', packSize: '50', leadTimeDays: 30 });

    // One click: a draft order with the suggested lines, due a lead time from today.
    const order = await app.call('reorder.createOrder', { supplierId: supplier.id });
    expect(order).toMatchObject({ state: 'draft', supplierName: 'Farnell', notes: 'Made from the reorder list.' });
    expect(order.lines.map((line) => [line.supplierPartId, line.quantity, line.expectedDate])).toEqual([[fuseHere.id, '150', localDay(app.clock.now() + 30 * DAY_MS)]]);
    // Placed, it is on order: the suggestion drops by it.
    await app.call('purchaseOrders.place', { id: order.id });
    const after = await app.call('reorder.list', {});
    expect(after.find((group) => group.supplierId === supplier.id)?.lines ?? []).toEqual([]);
    await expect(app.call('reorder.createOrder', { supplierId: supplier.id })).rejects.toThrow('CONFLICT: Nothing on the reorder list needs ordering from Farnell now.');
  });

  it('keeps parts nobody sells in a group of their own, last', async () => {
    await part('Odd bracket', '5', '2');
    const list = await app.call('reorder.list', {});
    expect(list).toMatchObject([{ supplierId: null, supplierName: null, lines: [{ partName: 'Odd bracket', suggested: '3', supplierPartId: null }] }]);
  });
});

describe('forecast settings', () => {
  it('are for administrators to change, checked, and take effect at once', async () => {
    const admin = await app.signIn('Ada', 'admin');
    await expect(app.call('forecast.settings.update', { windowDays: 60, safetyDays: 14, coverDays: 30 }, alice)).rejects.toThrow(/^FORBIDDEN/);
    await expect(app.call('forecast.settings.update', { windowDays: 3, safetyDays: 14, coverDays: 30 }, admin)).rejects.toMatchObject({ fields: { windowDays: 'Look back at least 14 days' } });
    expect(await app.call('forecast.settings.update', { windowDays: 60, safetyDays: 14, coverDays: 45 }, admin)).toEqual({ windowDays: 60, safetyDays: 14, coverDays: 45 });
    expect(await app.call('forecast.settings.get', {}, alice)).toEqual({ windowDays: 60, safetyDays: 14, coverDays: 45 });
  });
});

function localDay(time: number): string {
  const date = new Date(time);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function startOfDay(time: number): number {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}
