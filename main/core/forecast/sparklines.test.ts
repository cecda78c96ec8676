import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/runtime';
import { DAY_MS } from './projection';

// The parts table's trend lines, read for a page of parts at once from a real database: each day's
// closing total over the last 30 days, worked back from today's stock through the movements.

let app: TestRuntime;
let shelf: { id: number };

beforeEach(async () => {
  app = await openTestRuntime();
  await app.signIn('Alice');
  shelf = await app.call('locations.create', { name: 'Shelf' });
});
afterEach(() => app.close());

async function part(name: string, stock: string, options: { variantOfId?: number } = {}) {
  const created = await app.call('parts.create', { name, minimumStock: '10', units: 'pcs', variantOfId: options.variantOfId ?? null });
  const item = await app.call('stock.create', { partId: created.id, locationId: shelf.id, quantity: stock });
  return { ...created, itemId: item.id };
}

/** Each day a day passes, then `quantity` is taken from each item. */
async function useDaily(days: number, takes: { itemId: number; quantity: string }[]) {
  for (let day = 0; day < days; day += 1) {
    app.clock.advance(DAY_MS);
    for (const take of takes) await app.call('stock.remove', take);
  }
}

describe('stock sparklines', () => {
  it('give each part its closing stock for each day of its record in the last 30, today ending at the stock now', async () => {
    const fuse = await part('Fuse 2A', '100');
    await useDaily(10, [{ itemId: fuse.itemId, quantity: '2' }]);
    const [line] = await app.call('forecast.sparklines', { partIds: [fuse.id] });
    expect(line?.partId).toBe(fuse.id);
    // From the day it was first stocked (nothing drawn before its record began): 100, then 2 fewer at each day's close.
    expect(line?.points).toEqual(Array.from({ length: 11 }, (_, day) => 100 - 2 * day));
  });

  it('leave out days older than 30, starting from the level they left', async () => {
    const relay = await part('Relay', '500');
    await useDaily(40, [{ itemId: relay.itemId, quantity: '5' }]);
    const [line] = await app.call('forecast.sparklines', { partIds: [relay.id] });
    expect(line?.points).toHaveLength(30);
    expect(line?.points[0]).toBe(500 - 5 * 11);
    expect(line?.points.at(-1)).toBe(300);
  });

  it('roll variants\' stock up to their template, as its total does', async () => {
    const template = await app.call('parts.create', { name: 'Cable', minimumStock: '50', isTemplate: true });
    const red = await part('Cable red', '200', { variantOfId: template.id });
    const blue = await part('Cable blue', '200', { variantOfId: template.id });
    await useDaily(5, [
      { itemId: red.itemId, quantity: '2' },
      { itemId: blue.itemId, quantity: '1.5' },
    ]);
    const lines = await app.call('forecast.sparklines', { partIds: [template.id, red.id] });
    expect(lines.map((line) => [line.partId, line.points.slice(-3)])).toEqual([
      [template.id, [389.5, 386, 382.5]],
      [red.id, [194, 192, 190]],
    ]);
  });

  it('answer for a whole page at once, in the order asked, leaving out parts that do not exist', async () => {
    const fuse = await part('Fuse 2A', '40');
    const relay = await part('Relay', '7');
    const unstocked = await app.call('parts.create', { name: 'Diode', minimumStock: '5', units: 'pcs' });
    await useDaily(1, [{ itemId: fuse.itemId, quantity: '4' }]);
    const lines = await app.call('forecast.sparklines', { partIds: [relay.id, 999_999, fuse.id, unstocked.id] });
    expect(lines.map((line) => [line.partId, line.points])).toEqual([
      [relay.id, [7, 7]],
      [fuse.id, [40, 36]],
      [unstocked.id, []],
    ]);
  });
});
