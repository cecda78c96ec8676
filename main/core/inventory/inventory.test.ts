import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateSynthetic } from '../../../db/synthetic/generate';
import { failure, openTestRuntime, type TestRuntime } from '../../testing/runtime';

let app: TestRuntime;
beforeEach(async () => {
  app = await openTestRuntime();
});
afterEach(() => app.close());

async function workshop() {
  const electronics = await app.call('categories.create', { name: 'Electronics' });
  const passives = await app.call('categories.create', { name: 'Passives', parentId: electronics.id });
  const resistors = await app.call('categories.create', { name: 'Resistors', parentId: passives.id });
  const shelf = await app.call('locations.create', { name: 'Shelf A' });
  const bin = await app.call('locations.create', { name: 'Bin 1', parentId: shelf.id });
  const drawer = await app.call('locations.create', { name: 'Drawer 2', parentId: shelf.id });
  return { electronics, passives, resistors, shelf, bin, drawer };
}

function movementSums() {
  return app.core.db.$client
    .prepare(
      `select i.id, i.quantity, coalesce(sum(m.delta), 0) as moved from stock_items i
       left join stock_movements m on m.item_id = i.id group by i.id`,
    )
    .all() as { id: number; quantity: number; moved: number }[];
}

describe('categories and locations', () => {
  it('builds a tree and answers paths root first', async () => {
    const { electronics, resistors } = await workshop();
    const detail = await app.call('categories.get', { id: resistors.id });
    expect(detail.path.map((entry) => entry.name)).toEqual(['Electronics', 'Passives', 'Resistors']);
    const top = await app.call('categories.get', { id: electronics.id });
    expect(top.children.map((child) => child.name)).toEqual(['Passives']);
  });

  it('refuses to move a category inside its own subtree', async () => {
    const { electronics, resistors } = await workshop();
    const error = await failure(app.call('categories.update', { id: electronics.id, name: 'Electronics', parentId: resistors.id }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields?.parentId).toMatch(/inside itself/);
  });

  it('refuses to delete a category that still has parts or children', async () => {
    const { passives, resistors } = await workshop();
    await app.call('parts.create', { name: 'R 10k', categoryId: resistors.id });
    expect((await failure(app.call('categories.delete', { id: resistors.id }))).code).toBe('CONFLICT');
    expect((await failure(app.call('categories.delete', { id: passives.id }))).code).toBe('CONFLICT');
  });

  it('counts what each node holds, the whole tree as one node does, deleted stock items left out', async () => {
    const { resistors, shelf, bin } = await workshop();
    const part = await app.call('parts.create', { name: 'R 10k', categoryId: resistors.id });
    await app.call('parts.create', { name: 'R 22k', categoryId: resistors.id });
    await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '5' });
    const gone = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '2' });
    await app.call('stock.create', { partId: part.id, locationId: shelf.id, quantity: '1' });
    await app.call('stock.delete', { itemId: gone.id });
    const locations = await app.call('locations.list', {});
    expect(Object.fromEntries(locations.map((location) => [location.name, location.itemCount]))).toEqual({ 'Bin 1': 1, 'Drawer 2': 0, 'Shelf A': 1 });
    expect((await app.call('locations.get', { id: bin.id })).location.itemCount).toBe(1);
    expect((await app.call('locations.get', { id: shelf.id })).children.map((child) => child.itemCount)).toEqual([1, 0]);
    const categories = await app.call('categories.list', {});
    expect(categories.find((category) => category.id === resistors.id)?.partCount).toBe(2);
  });

  it('lists all stock by part name, the items of a part in the order they were made, filtered or not', async () => {
    const { shelf, bin } = await workshop();
    const later = await app.call('parts.create', { name: 'b fuse' });
    const earlier = await app.call('parts.create', { name: 'A fuse' });
    const first = await app.call('stock.create', { partId: later.id, locationId: bin.id, quantity: '1' });
    const second = await app.call('stock.create', { partId: earlier.id, locationId: shelf.id, quantity: '1' });
    const third = await app.call('stock.create', { partId: later.id, locationId: shelf.id, quantity: '1' });
    const ids = async (input: { locationId?: number; offset?: number; limit?: number }) => (await app.call('stock.list', input)).rows.map((item) => item.id);
    expect(await ids({})).toEqual([second.id, first.id, third.id]);
    expect(await ids({ offset: 1, limit: 1 })).toEqual([first.id]);
    expect(await ids({ locationId: shelf.id })).toEqual([second.id, third.id]);
    expect((await app.call('stock.list', { limit: 1 })).total).toBe(3);
  });

  it('counts parts, categories and locations as their lists show them, inactive parts and emptied locations included', async () => {
    expect(await app.call('inventory.counts', {})).toEqual({ parts: 0, categories: 0, locations: 0 });
    const { resistors, bin } = await workshop();
    const part = await app.call('parts.create', { name: 'R 10k', categoryId: resistors.id });
    await app.call('parts.create', { name: 'R 22k', active: false });
    const gone = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '1' });
    await app.call('stock.delete', { itemId: gone.id });
    const counts = await app.call('inventory.counts', {});
    expect(counts).toEqual({ parts: 2, categories: 3, locations: 3 });
    expect(counts.parts).toBe((await app.call('parts.list', { limit: 1 })).total);
    expect(counts.categories).toBe((await app.call('categories.list', {})).length);
    expect(counts.locations).toBe((await app.call('locations.list', {})).length);
  });

  it('refuses a duplicate name under the same parent', async () => {
    const { electronics } = await workshop();
    const error = await failure(app.call('categories.create', { name: 'passives', parentId: electronics.id }));
    expect(error.code).toBe('CONFLICT');
    expect(error.fields?.name).toBeDefined();
  });
});

describe('parts and variant-inclusive stock', () => {
  it('counts stock of a part and all its variants at any depth', async () => {
    const { bin, drawer } = await workshop();
    const screw = await app.call('parts.create', { name: 'Machine screw', isTemplate: true, minimumStock: '50' });
    const m3 = await app.call('parts.create', { name: 'Machine screw M3', isTemplate: true, variantOfId: screw.id });
    const m3x8 = await app.call('parts.create', { name: 'Machine screw M3x8', variantOfId: m3.id });
    const m3x10 = await app.call('parts.create', { name: 'Machine screw M3x10', variantOfId: m3.id });
    await app.call('stock.create', { partId: m3x8.id, locationId: bin.id, quantity: '100' });
    await app.call('stock.create', { partId: m3x10.id, locationId: drawer.id, quantity: '20.5' });
    await app.call('stock.create', { partId: screw.id, locationId: drawer.id, quantity: '1' });

    expect((await app.call('parts.get', { id: screw.id })).part.stockTotal).toBe('121.5');
    expect((await app.call('parts.get', { id: screw.id })).ownStock).toBe('1');
    expect((await app.call('parts.get', { id: m3.id })).part.stockTotal).toBe('120.5');
    expect((await app.call('parts.get', { id: m3x8.id })).part.stockTotal).toBe('100');
    const detail = await app.call('parts.get', { id: m3x8.id });
    expect(detail.templatePath.map((entry) => entry.name)).toEqual(['Machine screw', 'Machine screw M3']);
  });

  it('moves a variant subtree total when the variant is re-parented', async () => {
    const { bin } = await workshop();
    const a = await app.call('parts.create', { name: 'Template A', isTemplate: true });
    const b = await app.call('parts.create', { name: 'Template B', isTemplate: true });
    const variant = await app.call('parts.create', { name: 'Variant', variantOfId: a.id });
    await app.call('stock.create', { partId: variant.id, locationId: bin.id, quantity: '7' });
    await app.call('parts.update', { ...editable(variant), variantOfId: b.id });
    expect((await app.call('parts.get', { id: a.id })).part.stockTotal).toBe('0');
    expect((await app.call('parts.get', { id: b.id })).part.stockTotal).toBe('7');
  });

  it('refuses variant cycles and non-template parents', async () => {
    const top = await app.call('parts.create', { name: 'Top', isTemplate: true });
    const middle = await app.call('parts.create', { name: 'Middle', isTemplate: true, variantOfId: top.id });
    const cycle = await failure(app.call('parts.update', { ...editable(top), variantOfId: middle.id }));
    expect(cycle.fields?.variantOfId).toMatch(/variant of itself/);
    const plain = await app.call('parts.create', { name: 'Plain' });
    const notTemplate = await failure(app.call('parts.create', { name: 'Child', variantOfId: plain.id }));
    expect(notTemplate.fields?.variantOfId).toMatch(/template/);
  });

  it('lists, searches, filters by category subtree and by low stock', async () => {
    const { electronics, resistors, bin } = await workshop();
    const low = await app.call('parts.create', { name: 'R 10k 0603', categoryId: resistors.id, minimumStock: '100' });
    await app.call('parts.create', { name: 'Solder', minimumStock: '0' });
    await app.call('stock.create', { partId: low.id, locationId: bin.id, quantity: '99' });
    const inTree = await app.call('parts.list', { categoryId: electronics.id });
    expect(inTree.rows.map((row) => row.name)).toEqual(['R 10k 0603']);
    const lowOnly = await app.call('parts.list', { lowOnly: true });
    expect(lowOnly.rows.map((row) => row.name)).toEqual(['R 10k 0603']);
    expect(lowOnly.rows[0]?.isLow).toBe(true);
    expect((await app.call('parts.list', { search: '10K' })).total).toBe(1);
    expect((await app.call('parts.list', { search: '%' })).total).toBe(0);
    await app.call('parts.create', { name: 'Board', isAssembly: true });
    expect((await app.call('parts.list', { isAssembly: true })).rows.map((row) => row.name)).toEqual(['Board']);
    // Each sort pages the same way, with each part's category beside it.
    const names = async (sort: 'stock' | 'category', direction: 'asc' | 'desc', offset = 0) =>
      (await app.call('parts.list', { sort, direction, offset, limit: 2 })).rows.map((row) => `${row.name} (${row.categoryName ?? '-'})`);
    expect(await names('stock', 'desc')).toEqual(['R 10k 0603 (Resistors)', 'Board (-)']);
    expect(await names('stock', 'desc', 2)).toEqual(['Solder (-)']);
    expect(await names('category', 'desc')).toEqual(['R 10k 0603 (Resistors)', 'Board (-)']);
  });
});

function editable(part: { id: number; name: string; isTemplate: boolean }) {
  return { id: part.id, name: part.name, isTemplate: part.isTemplate };
}

describe('stock movements', () => {
  it('adds, removes, counts, transfers and deletes, each with a movement', async () => {
    const { bin, drawer } = await workshop();
    const part = await app.call('parts.create', { name: 'LED red' });
    const item = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '10' });
    await app.call('stock.add', { itemId: item.id, quantity: '5' });
    await app.call('stock.remove', { itemId: item.id, quantity: '2.5' });
    await app.call('stock.count', { itemId: item.id, quantity: '12' });
    const moved = await app.call('stock.transfer', { itemId: item.id, locationId: drawer.id, quantity: '2' });
    expect(moved.source.quantity).toBe('10');
    expect(moved.destination.quantity).toBe('2');
    expect(moved.destination.locationPath.map((entry) => entry.name)).toEqual(['Shelf A', 'Drawer 2']);
    await app.call('stock.delete', { itemId: moved.destination.id });
    expect((await app.call('parts.get', { id: part.id })).part.stockTotal).toBe('10');

    const history = await app.call('movements.list', { partId: part.id });
    expect(history.rows.map((row) => [row.kind, row.delta])).toEqual([
      ['delete', '-2'],
      ['transfer', '2'],
      ['transfer', '-2'],
      ['count', '-0.5'],
      ['remove', '-2.5'],
      ['add', '5'],
      ['create', '10'],
    ]);
    expect(history.rows[0]?.userName).toBe('Test Person');
    expect(history.rows.find((row) => row.kind === 'remove')?.fromLocation?.name).toBe('Bin 1');
    expect(history.rows.find((row) => row.kind === 'add')?.toLocation?.name).toBe('Bin 1');
    for (const row of movementSums()) expect(row.quantity).toBe(row.moved);
  });

  it('moves a whole item when transferring all of it', async () => {
    const { bin, drawer } = await workshop();
    const part = await app.call('parts.create', { name: 'Relay' });
    const item = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '4' });
    const moved = await app.call('stock.transfer', { itemId: item.id, locationId: drawer.id, quantity: '4' });
    expect(moved.destination.id).toBe(item.id);
    expect(moved.destination.locationId).toBe(drawer.id);
  });

  it('refuses negative stock and writes nothing', async () => {
    const { bin } = await workshop();
    const part = await app.call('parts.create', { name: 'Fuse' });
    const item = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '3' });
    const before = app.core.db.$client.prepare('select count(*) from stock_movements').pluck().get();

    const tooMany = await failure(app.call('stock.remove', { itemId: item.id, quantity: '3.00001' }));
    expect(tooMany.code).toBe('INVALID_INPUT');
    expect(tooMany.fields?.quantity).toBe('Only 3 in stock here.');
    const negative = await failure(app.call('stock.remove', { itemId: item.id, quantity: '-1' }));
    expect(negative.fields?.quantity).toBe('Quantity cannot be negative');
    const created = await failure(app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '-5' }));
    expect(created.fields?.quantity).toBe('Quantity cannot be negative');

    expect(app.core.db.$client.prepare('select count(*) from stock_movements').pluck().get()).toBe(before);
    expect((await app.call('parts.get', { id: part.id })).part.stockTotal).toBe('3');
  });

  it('keeps decimal quantities exact across many movements', async () => {
    const { bin } = await workshop();
    const wire = await app.call('parts.create', { name: 'Wire', units: 'm' });
    const item = await app.call('stock.create', { partId: wire.id, locationId: bin.id, quantity: '0' });
    for (let index = 0; index < 10; index += 1) await app.call('stock.add', { itemId: item.id, quantity: '0.1' });
    expect((await app.call('parts.get', { id: wire.id })).part.stockTotal).toBe('1');
  });

  it('applies a bulk adjustment in one transaction, or none of it', async () => {
    const { bin } = await workshop();
    const template = await app.call('parts.create', { name: 'Cap', isTemplate: true });
    const a = await app.call('parts.create', { name: 'Cap A', variantOfId: template.id });
    const b = await app.call('parts.create', { name: 'Cap B', variantOfId: template.id });
    const itemA = await app.call('stock.create', { partId: a.id, locationId: bin.id, quantity: '10' });
    const itemB = await app.call('stock.create', { partId: b.id, locationId: bin.id, quantity: '10' });
    await app.call('stock.adjustMany', {
      changes: [
        { itemId: itemA.id, kind: 'remove', quantity: '4' },
        { itemId: itemA.id, kind: 'remove', quantity: '4' },
        { itemId: itemB.id, kind: 'count', quantity: '15' },
      ],
    });
    expect((await app.call('parts.get', { id: template.id })).part.stockTotal).toBe('17');

    const error = await failure(
      app.call('stock.adjustMany', {
        changes: [
          { itemId: itemB.id, kind: 'remove', quantity: '1' },
          { itemId: itemA.id, kind: 'remove', quantity: '3' },
        ],
      }),
    );
    expect(error.fields?.['changes.1.quantity']).toBe('Only 2 in stock here.');
    expect((await app.call('parts.get', { id: template.id })).part.stockTotal).toBe('17');
    for (const row of movementSums()) expect(row.quantity).toBe(row.moved);

    // Quantities in the list are checked as a single change's are, each refusal at its own entry.
    const typed = await failure(
      app.call('stock.adjustMany', {
        changes: [
          { itemId: itemA.id, kind: 'add', quantity: '1' },
          { itemId: itemA.id, kind: 'add', quantity: '-2' },
          { itemId: itemB.id, kind: 'count', quantity: 'a few' },
          { itemId: itemB.id, kind: 'add', quantity: 2.123456789 },
        ],
      }),
    );
    expect(typed.code).toBe('INVALID_INPUT');
    expect(typed.fields).toEqual({
      'changes.1.quantity': 'Quantity cannot be negative',
      'changes.2.quantity': 'Enter a number, for example 12 or 2.5',
      'changes.3.quantity': expect.stringMatching(/^Use at most \d+ decimal places$/),
    });
    expect((await app.call('parts.get', { id: template.id })).part.stockTotal).toBe('17');
  });

  it('keeps every variant-inclusive total exact when one bulk change spans thousands of parts', async () => {
    // Past a few thousand parts the bulk path reads template links from the variant index at once.
    const client = app.core.db.$client;
    const fixture = generateSynthetic(client, { parts: 6_000, categories: 50, users: 2, subscriptions: 10, categorySubscriptions: 2, notifications: 10, stockItems: 6_000, locations: 5 });
    const changes = fixture.itemIds.map((itemId, index) => ({ itemId, kind: index % 3 === 0 ? ('remove' as const) : ('add' as const), quantity: '1' }));
    await app.call('stock.adjustMany', { changes });
    const wrong = client
      .prepare(
        `select p.id from parts p
         where p.stock_total != coalesce((select sum(i.quantity) from stock_items i where i.part_id = p.id and i.deleted_at is null), 0)
           + coalesce((select sum(v.stock_total) from parts v where v.variant_of_id = p.id), 0)`,
      )
      .pluck()
      .all();
    expect(client.prepare('select count(*) from parts where variant_of_id is not null').pluck().get()).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
    for (const row of movementSums()) expect(row.quantity).toBe(row.moved);
  });
});
