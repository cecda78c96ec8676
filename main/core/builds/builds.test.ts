import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../dispatch/session';
import { failure, openTestRuntime, type TestRuntime } from '../../testing/runtime';
import { runOverdueCheck } from '../maintenance';

let app: TestRuntime;
let maker: Session;
let watcher: Session;
let bin: { id: number };
let shelf: { id: number };

beforeEach(async () => {
  app = await openTestRuntime();
  maker = await app.signIn('Maker');
  watcher = await app.signIn('Watcher');
  bin = await app.call('locations.create', { name: 'Bin' });
  shelf = await app.call('locations.create', { name: 'Finished goods' });
});
afterEach(() => app.close());

async function part(name: string, options: { minimum?: string; stock?: string; assembly?: boolean; template?: boolean; variantOfId?: number; categoryId?: number } = {}) {
  const created = await app.call('parts.create', {
    name,
    minimumStock: options.minimum ?? '0',
    isAssembly: options.assembly ?? false,
    isTemplate: options.template ?? false,
    variantOfId: options.variantOfId ?? null,
    categoryId: options.categoryId ?? null,
  });
  if (options.stock) await app.call('stock.create', { partId: created.id, locationId: bin.id, quantity: options.stock });
  return created;
}

const titles = async (session: Session) => (await app.call('notifications.list', { state: 'unread' }, session)).rows.map((row) => row.title);

describe('bills of materials', () => {
  it('refuses a sub-part that is the assembly or contains it', async () => {
    const board = await part('Board', { assembly: true });
    const kit = await part('Kit', { assembly: true });
    await app.call('bom.add', { assemblyId: kit.id, subPartId: board.id, quantity: '1' });
    const self = await failure(app.call('bom.add', { assemblyId: board.id, subPartId: board.id, quantity: '1' }));
    expect(self.fields?.subPartId).toMatch(/own bill of materials/);
    const loop = await failure(app.call('bom.add', { assemblyId: board.id, subPartId: kit.id, quantity: '1' }));
    expect(loop.fields?.subPartId).toBe('Kit already contains Board, so adding it would make a loop.');
    const notAssembly = await part('Resistor');
    expect((await failure(app.call('bom.add', { assemblyId: notAssembly.id, subPartId: board.id, quantity: '1' }))).fields?.assemblyId).toMatch(/not an assembly/);
  });
});

describe('build requirements', () => {
  it('multiplies per-assembly quantities, counts variants only when allowed, and subtracts other open orders', async () => {
    const board = await part('Board', { assembly: true });
    const led = await part('LED', { template: true });
    await part('LED red', { variantOfId: led.id, stock: '30' });
    await part('LED own', { stock: '0' });
    await app.call('stock.create', { partId: led.id, locationId: bin.id, quantity: '5' });
    const resistor = await part('Resistor', { stock: '100' });
    const screw = await part('Screw', { stock: '1' });
    await app.call('bom.add', { assemblyId: board.id, subPartId: led.id, quantity: '2', allowVariants: true });
    await app.call('bom.add', { assemblyId: board.id, subPartId: resistor.id, quantity: '4.5' });
    await app.call('bom.add', { assemblyId: board.id, subPartId: screw.id, quantity: '4', optional: true });

    const first = await app.call('builds.create', { assemblyId: board.id, quantity: '10' }, maker);
    expect(first.reference).toBe('BO-0001');
    const detail = await app.call('builds.get', { id: first.id });
    const byName = Object.fromEntries(detail.requirements.map((line) => [line.part.name, line]));
    expect(byName.LED).toMatchObject({ required: '20', inStock: '35', available: '35', short: false });
    expect(byName.Resistor).toMatchObject({ required: '45', available: '100', short: false });
    expect(byName.Screw).toMatchObject({ required: '40', optional: true, short: false });

    const second = await app.call('builds.create', { assemblyId: board.id, quantity: '10' }, maker);
    const again = await app.call('builds.get', { id: second.id });
    const led2 = again.requirements.find((line) => line.part.name === 'LED');
    expect(led2).toMatchObject({ neededElsewhere: '20', available: '15', short: true });
    expect(again.shortLines).toBe(1);

    await app.call('bom.update', { id: detail.requirements.find((line) => line.part.name === 'LED')?.lineId as number, quantity: '2', allowVariants: false });
    const ownOnly = await app.call('builds.get', { id: first.id });
    expect(ownOnly.requirements.find((line) => line.part.name === 'LED')).toMatchObject({ inStock: '5', short: true });
  });

  it('calls a line short when its part is below its own minimum', async () => {
    const board = await part('Board', { assembly: true });
    const cap = await part('Cap', { minimum: '100', stock: '50' });
    await app.call('bom.add', { assemblyId: board.id, subPartId: cap.id, quantity: '1' });
    const build = await app.call('builds.create', { assemblyId: board.id, quantity: '1' });
    expect((await app.call('builds.get', { id: build.id })).requirements[0]).toMatchObject({ belowMinimum: true, short: true });
  });
});

describe('build notifications', () => {
  it('tells assembly subscribers (via category and template) about a new order and its shortage, but not the creator about "new"', async () => {
    const products = await app.call('categories.create', { name: 'Products' });
    const family = await part('Controller family', { template: true, categoryId: products.id });
    const board = await app.call('parts.create', { name: 'Controller v2', isAssembly: true, variantOfId: family.id, categoryId: products.id });
    const mcu = await part('MCU', { stock: '3' });
    await app.call('bom.add', { assemblyId: board.id, subPartId: mcu.id, quantity: '1' });
    await app.call('subscriptions.subscribe', { kind: 'category', id: products.id }, watcher);
    await app.call('subscriptions.subscribe', { kind: 'part', id: family.id }, maker);
    const mcuWatcher = await app.signIn('MCU Watcher');
    await app.call('subscriptions.subscribe', { kind: 'part', id: mcu.id }, mcuWatcher);

    const build = await app.call('builds.create', { assemblyId: board.id, quantity: '5' }, maker);
    expect(await titles(watcher)).toEqual([`Stock required for build order ${build.reference}`, `New build order ${build.reference}`]);
    expect(await titles(maker)).toEqual([`Stock required for build order ${build.reference}`]);
    expect(await titles(mcuWatcher)).toEqual([]);
    const [shortage] = (await app.call('notifications.list', { state: 'unread' }, watcher)).rows;
    expect(shortage?.message).toBe(`${build.reference} (5 x Controller v2) is short. MCU: needs 5, 3 available.`);
    expect(shortage?.link).toBe(`/builds/${build.id}`);
    expect(shortage?.reason).toBe('You are subscribed to Products.');

    await app.call('builds.start', { id: build.id }, maker);
    expect((await titles(watcher)).filter((title) => title.startsWith('Stock required'))).toHaveLength(2);
  });

  it('says nothing about stock when every line is covered', async () => {
    const board = await part('Board', { assembly: true });
    const mcu = await part('MCU', { stock: '10' });
    await app.call('bom.add', { assemblyId: board.id, subPartId: mcu.id, quantity: '1' });
    await app.call('subscriptions.subscribe', { kind: 'part', id: board.id }, watcher);
    const build = await app.call('builds.create', { assemblyId: board.id, quantity: '5' }, maker);
    expect(await titles(watcher)).toEqual([`New build order ${build.reference}`]);
  });
});

describe('completing and cancelling', () => {
  it('consumes stock oldest first, adds the assemblies, and fires low-stock alerts like any change', async () => {
    const board = await part('Board', { assembly: true });
    const mcu = await part('MCU', { minimum: '5' });
    const old = await app.call('stock.create', { partId: mcu.id, locationId: bin.id, quantity: '4' });
    app.clock.advance(1000);
    const newer = await app.call('stock.create', { partId: mcu.id, locationId: shelf.id, quantity: '6' });
    await app.call('bom.add', { assemblyId: board.id, subPartId: mcu.id, quantity: '1' });
    await app.call('subscriptions.subscribe', { kind: 'part', id: mcu.id }, watcher);
    await app.call('subscriptions.subscribe', { kind: 'part', id: board.id }, watcher);
    const build = await app.call('builds.create', { assemblyId: board.id, quantity: '6' }, maker);

    const done = await app.call('builds.complete', { id: build.id, locationId: shelf.id }, maker);
    expect(done).toMatchObject({ status: 'complete', completedBy: 'Maker', outputLocation: { name: 'Finished goods' } });
    const items = (await app.call('parts.get', { id: mcu.id })).stockItems.map((item) => [item.id, item.quantity]);
    expect(items).toEqual([
      [old.id, '0'],
      [newer.id, '4'],
    ]);
    expect((await app.call('parts.get', { id: board.id })).part.stockTotal).toBe('6');
    expect(await titles(watcher)).toEqual(['Low stock: MCU', `Build order ${build.reference} completed`, `New build order ${build.reference}`]);
    const history = await app.call('movements.list', { partId: mcu.id });
    expect(history.rows[0]?.note).toBe(`Used by build order ${build.reference}`);
  });

  it('takes from the chosen location first', async () => {
    const board = await part('Board', { assembly: true });
    const mcu = await part('MCU');
    await app.call('stock.create', { partId: mcu.id, locationId: bin.id, quantity: '4' });
    const preferred = await app.call('stock.create', { partId: mcu.id, locationId: shelf.id, quantity: '4' });
    const line = await app.call('bom.add', { assemblyId: board.id, subPartId: mcu.id, quantity: '1' });
    const build = await app.call('builds.create', { assemblyId: board.id, quantity: '3' });
    await app.call('builds.complete', { id: build.id, locationId: bin.id, sources: [{ lineId: line.id, locationId: shelf.id }] });
    const left = (await app.call('parts.get', { id: mcu.id })).stockItems.find((item) => item.id === preferred.id);
    expect(left?.quantity).toBe('1');
  });

  it('refuses to complete without enough stock, changing nothing', async () => {
    const board = await part('Board', { assembly: true });
    const mcu = await part('MCU', { stock: '2' });
    await app.call('bom.add', { assemblyId: board.id, subPartId: mcu.id, quantity: '1' });
    const build = await app.call('builds.create', { assemblyId: board.id, quantity: '3' });
    const refused = await failure(app.call('builds.complete', { id: build.id, locationId: shelf.id }));
    expect(refused.message).toContain(`Not enough stock to complete ${build.reference}: MCU (needs 3, has 2).`);
    expect((await app.call('parts.get', { id: mcu.id })).part.stockTotal).toBe('2');
    expect((await app.call('builds.get', { id: build.id })).build.status).toBe('pending');
  });

  it('notifies on cancel, not the person who cancelled, and refuses to touch a closed order', async () => {
    const board = await part('Board', { assembly: true });
    await app.call('subscriptions.subscribe', { kind: 'part', id: board.id }, watcher);
    await app.call('subscriptions.subscribe', { kind: 'part', id: board.id }, maker);
    const build = await app.call('builds.create', { assemblyId: board.id, quantity: '1' }, maker);
    await app.call('builds.cancel', { id: build.id }, maker);
    expect(await titles(watcher)).toContain(`Build order ${build.reference} cancelled`);
    expect(await titles(maker)).not.toContain(`Build order ${build.reference} cancelled`);
    expect((await failure(app.call('builds.start', { id: build.id }))).code).toBe('CONFLICT');
  });
});

describe('overdue build orders', () => {
  it('notifies once, the day after the target date', async () => {
    const board = await part('Board', { assembly: true });
    await app.call('subscriptions.subscribe', { kind: 'part', id: board.id }, watcher);
    const today = new Date(app.clock.now());
    const target = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const build = await app.call('builds.create', { assemblyId: board.id, quantity: '1', targetDate: target }, maker);
    expect(runOverdueCheck(app.core)).toBe(0);
    app.clock.advance(86_400_000);
    expect(runOverdueCheck(app.core)).toBe(1);
    expect(runOverdueCheck(app.core)).toBe(0);
    expect(await titles(watcher)).toContain(`Build order ${build.reference} is overdue`);
    expect((await app.call('builds.list', { overdueOnly: true })).total).toBe(1);
  });

  it('keeps references unique and numbers them on', async () => {
    const board = await part('Board', { assembly: true });
    await app.call('builds.create', { assemblyId: board.id, quantity: '1', reference: 'BO-0041' });
    expect((await app.call('builds.nextReference', {})).reference).toBe('BO-0042');
    expect((await failure(app.call('builds.create', { assemblyId: board.id, quantity: '1', reference: 'bo-0041' }))).fields?.reference).toBeDefined();
  });
});
