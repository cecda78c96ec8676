import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, openTestRuntime, type TestRuntime } from '../../testing/runtime';
import { parseQuantity } from '../quantity';
import { INVENTREE_IMPORT_PHASES } from '../../contract/transfer';
import type { FixtureRecord } from './fixture';

const datasetFile = resolve(import.meta.dirname, '../../../../shared/datasets/inventree-demo/inventree_data.json');
const present = existsSync(datasetFile);
if (!present) console.warn(`Skipping the InvenTree import tests: ${datasetFile} is not there.`);

type Record_ = FixtureRecord & { fields: Record<string, unknown> };

describe.skipIf(!present)('importing the InvenTree demo export', () => {
  let app: TestRuntime;
  let records: Record_[];
  let content: string;
  const progress: string[] = [];
  const of = (model: string) => records.filter((record) => record.model === model);
  const scalar = (sql: string, ...params: unknown[]) => app.core.db.$client.prepare(sql).pluck().get(...params) as number;
  const inStock = (record: Record_) =>
    [10, 50, 55].includes(record.fields.status as number) &&
    !record.fields.customer && !record.fields.sales_order && !record.fields.belongs_to && !record.fields.is_building && !record.fields.consumed_by;
  const units = (text: unknown) => {
    const parsed = parseQuantity(String(text));
    if (!parsed.ok) throw new Error(`bad quantity ${String(text)}`);
    return parsed.scaled;
  };

  beforeAll(async () => {
    content = readFileSync(datasetFile, 'utf8');
    records = JSON.parse(content) as Record_[];
    app = await openTestRuntime();
    app.core.onEvent((event, payload) => {
      if (event === 'import.progress') progress.push(JSON.stringify(payload));
    });
    await app.call('import.inventree', { content });
  });
  afterAll(() => app.close());

  it('imports every kind in the numbers the file holds', () => {
    expect(scalar('select count(*) from part_categories')).toBe(of('part.partcategory').length);
    expect(scalar('select count(*) from parts')).toBe(of('part.part').length);
    expect(scalar(`select count(*) from stock_locations where name != 'Imported without location'`)).toBe(of('stock.stocklocation').length);
    expect(scalar('select count(*) from stock_items')).toBe(of('stock.stockitem').filter(inStock).length);
    expect(scalar('select count(*) from bom_lines')).toBe(of('part.bomitem').length);
    expect(scalar('select count(*) from build_orders')).toBe(of('build.build').length);
    expect(scalar(`select count(*) from users where password_hash is null`)).toBe(of('auth.user').length);
    expect(scalar('select count(*) from parts where variant_of_id is not null')).toBe(of('part.part').filter((r) => r.fields.variant_of).length);
    expect(progress.some((line) => line.includes('"phase":"Parts"'))).toBe(true);
  });

  it('keeps the suppliers, what each sells with its pack and single-unit price, and the purchase orders with what arrived', () => {
    const suppliersInFile = of('company.company').filter((record) => record.fields.is_supplier === true);
    expect(scalar('select count(*) from suppliers')).toBe(suppliersInFile.length);
    expect(scalar('select count(*) from supplier_parts')).toBe(of('company.supplierpart').length);
    // A supplier part with a price break for one unit: the pack's price follows from it.
    const priced = of('company.supplierpricebreak').find((record) => units(record.fields.quantity) === 100_000) as Record_;
    const offer = of('company.supplierpart').find((record) => record.pk === priced.fields.part) as Record_;
    const pack = units(offer.fields.pack_quantity_native) / 100_000;
    expect(Number(app.core.db.$client.prepare('select price_per_pack from supplier_parts where sku = ?').pluck().get(offer.fields.SKU))).toBeCloseTo(Number(priced.fields.price) * pack, 4);

    expect(scalar('select count(*) from purchase_orders')).toBe(of('order.purchaseorder').length);
    expect(scalar('select count(*) from purchase_order_lines')).toBe(of('order.purchaseorderlineitem').length);
    const lineFile = of('order.purchaseorderlineitem').reduce((sum, record) => sum + Math.min(units(record.fields.received), units(record.fields.quantity)), 0);
    expect(scalar('select sum(received) from purchase_order_lines')).toBe(lineFile);
    // InvenTree's complete orders are fully received here; its pending ones are drafts.
    const complete = of('order.purchaseorder').filter((record) => record.fields.status === 30).map((record) => String(record.fields.reference));
    for (const reference of complete) expect(scalar(`select status from purchase_orders where reference = ?`, reference)).toBe('placed');
    expect(scalar(`select count(*) from purchase_orders where status = 'draft'`)).toBe(of('order.purchaseorder').filter((record) => record.fields.status === 10).length);
  });

  it('keeps decimal quantities exact and every total equal to its stock', () => {
    const fileTotal = of('stock.stockitem').filter(inStock).reduce((sum, record) => sum + units(record.fields.quantity), 0);
    expect(scalar('select sum(quantity) from stock_items')).toBe(fileTotal);
    expect(scalar('select count(*) from stock_items i where i.quantity != (select sum(delta) from stock_movements m where m.item_id = i.id)')).toBe(0);
  });

  it('counts a template\'s stock with all of its variants', () => {
    const templates = of('part.part').filter((record) => record.fields.is_template);
    const variantsOf = (pk: FixtureRecord['pk']): FixtureRecord['pk'][] =>
      of('part.part').filter((record) => record.fields.variant_of === pk).flatMap((record) => [record.pk, ...variantsOf(record.pk)]);
    const template = templates.sort((a, b) => variantsOf(b.pk).length - variantsOf(a.pk).length)[0] as Record_;
    const family = new Set([template.pk, ...variantsOf(template.pk)]);
    const expected = of('stock.stockitem').filter((record) => inStock(record) && family.has(record.fields.part as number)).reduce((sum, record) => sum + units(record.fields.quantity), 0);
    expect(scalar('select stock_total from parts where name = ? and is_template', template.fields.name)).toBe(expected);
  });

  it('keeps category paths, bills of materials and the subscription star', () => {
    const category = of('part.partcategory').find((record) => record.fields.parent !== null && String(record.fields.pathstring).split('/').length >= 3) as Record_;
    const name = String(category.fields.name);
    const id = scalar('select id from part_categories where name = ?', name);
    const path = app.core.db.$client
      .prepare(`with recursive up(id, parent_id, name, depth) as (select id, parent_id, name, 0 from part_categories where id = ?
                union all select c.id, c.parent_id, c.name, up.depth + 1 from part_categories c join up on c.id = up.parent_id)
                select group_concat(name, '/') from (select name from up order by depth desc)`)
      .pluck()
      .get(id);
    expect(path).toBe(category.fields.pathstring);

    const line = of('part.bomitem')[0] as Record_;
    const assemblyName = of('part.part').find((record) => record.pk === line.fields.part)?.fields.name;
    const subName = of('part.part').find((record) => record.pk === line.fields.sub_part)?.fields.name;
    expect(
      scalar(
        `select b.quantity from bom_lines b join parts a on a.id = b.assembly_id join parts s on s.id = b.sub_part_id where a.name = ? and s.name = ?`,
        assemblyName,
        subName,
      ),
    ).toBe(units(line.fields.quantity));

    const star = of('part.partstar')[0] as Record_;
    const starredName = of('part.part').find((record) => record.pk === star.fields.part)?.fields.name;
    expect(scalar(`select count(*) from part_subscriptions s join users u on u.id = s.user_id join parts p on p.id = s.part_id where u.username = 'admin' and p.name = ?`, starredName)).toBe(1);
  });

  it('sent no notifications for the imported state, and alerts on the next real change', async () => {
    expect(scalar('select count(*) from notifications')).toBe(0);
    const star = of('part.partstar')[0] as Record_;
    const partName = of('part.part').find((record) => record.pk === star.fields.part)?.fields.name as string;
    const partId = scalar('select id from parts where name = ?', partName);
    const admin = scalar(`select id from users where username = 'admin'`);
    const locationId = scalar('select min(id) from stock_locations');
    const item = await app.call('stock.create', { partId, locationId, quantity: '5' });
    const part = (await app.call('parts.get', { id: partId })).part;
    await app.call('parts.update', { ...part, ipn: part.ipn, minimumStock: '3' });
    await app.call('stock.remove', { itemId: item.id, quantity: '3' });
    const titles = app.core.db.$client.prepare('select e.title from notifications n join notification_events e on e.id = n.event_id where n.user_id = ?').pluck().all(admin);
    expect(titles).toEqual([`Low stock: ${partName}`]);
  });

  it('asks before adding to an inventory that is not empty', async () => {
    const refused = await failure(app.call('import.inventree', { content }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.fields?.allowNonEmpty).toBeDefined();
  });
});

describe('an import that fails', () => {
  it('changes nothing at all', async () => {
    const app = await openTestRuntime();
    const broken = JSON.stringify([
      { model: 'part.partcategory', pk: 1, fields: { name: 'Will vanish', parent: null } },
      { model: 'part.part', pk: 1, fields: { name: 'Widget', category: 1, minimum_stock: '1', active: true } },
      { model: 'stock.stocklocation', pk: 1, fields: { name: 'Shelf', parent: null } },
      // More than Stockbell can count exactly: the database refuses it, and the import rolls back.
      { model: 'stock.stockitem', pk: 1, fields: { part: 1, location: 1, quantity: '999999999', status: 10 } },
      { model: 'stock.stockitem', pk: 2, fields: { part: 1, location: 1, quantity: '999999999', status: 10 } },
      ...Array.from({ length: 100 }, (_, index) => ({ model: 'stock.stockitem', pk: 3 + index, fields: { part: 1, location: 1, quantity: '999999999', status: 10 } })),
    ]);
    const refused = await failure(app.call('import.inventree', { content: broken }));
    expect(refused.message).toMatch(/larger than Stockbell can count exactly/);
    expect(app.core.db.$client.prepare('select (select count(*) from parts) + (select count(*) from part_categories) + (select count(*) from stock_items)').pluck().get()).toBe(0);
    expect((await app.call('categories.create', { name: 'Writes work again' })).name).toBe('Writes work again');
    const notJson = await failure(app.call('import.inventree', { content: 'name,ipn\nx,y' }));
    expect(notJson.fields?.content).toMatch(/not JSON/);
    app.close();
  });
});

/** A small export with one of every kind the import keeps, plus what a test adds. */
function smallExport(extra: object[] = []): string {
  return JSON.stringify([
    { model: 'auth.user', pk: 7, fields: { username: 'casey', first_name: 'Casey', last_name: 'Doe', email: 'casey@example.test', is_active: true } },
    { model: 'part.partcategory', pk: 1, fields: { name: 'Passives', parent: null } },
    { model: 'stock.stocklocation', pk: 1, fields: { name: 'Shelf', parent: null } },
    { model: 'part.part', pk: 1, fields: { name: 'Resistor 10k', category: 1, minimum_stock: '10', active: true } },
    { model: 'part.part', pk: 2, fields: { name: 'Amplifier', category: 1, assembly: true, active: true } },
    { model: 'stock.stockitem', pk: 1, fields: { part: 1, location: 1, quantity: '40', status: 10 } },
    { model: 'part.bomitem', pk: 1, fields: { part: 2, sub_part: 1, quantity: '4' } },
    { model: 'build.build', pk: 1, fields: { reference: 'BO-0007', part: 2, quantity: '2', status: 10 } },
    { model: 'part.partstar', pk: 1, fields: { user: 7, part: 1 } },
    { model: 'part.partcategorystar', pk: 1, fields: { user: 7, category: 1 } },
    ...extra,
  ]);
}

/** Rows an import writes (imported people are the accounts without a password). */
const held = (app: TestRuntime) =>
  app.core.db.$client
    .prepare(
      `select (select count(*) from parts) + (select count(*) from part_categories) + (select count(*) from stock_locations)
         + (select count(*) from stock_items) + (select count(*) from users where password_hash is null)`,
    )
    .pluck()
    .get();

describe('an import whose records point at records the file does not hold', () => {
  const broken = smallExport([{ model: 'part.part', pk: 3, fields: { name: 'Stray capacitor', category: 999999, active: true } }]);

  it('is refused with the list of problems, and nothing is written', async () => {
    const app = await openTestRuntime();
    const answer = await app.call('import.inventree', { content: broken });
    expect(answer.outcome).toBe('refused');
    expect(answer.summary.problems).toEqual(['Part "Stray capacitor" refers to a missing category #999999.']);
    expect(answer.summary.imported.parts).toBe(3);
    expect(held(app)).toBe(0);
    app.close();
  });

  it('imports when the person chooses to import anyway, keeping the problems in the summary', async () => {
    const app = await openTestRuntime();
    const answer = await app.call('import.inventree', { content: broken, allowProblems: true });
    expect(answer.outcome).toBe('imported');
    expect(answer.summary.problemCount).toBe(1);
    expect(app.core.db.$client.prepare('select count(*) from parts').pluck().get()).toBe(3);
    app.close();
  });
});

describe('an export with nothing to import', () => {
  it('is refused as nothing to import, not finished with zeros', async () => {
    const app = await openTestRuntime();
    const empty = await failure(app.call('import.inventree', { content: '[]' }));
    expect(empty.code).toBe('INVALID_INPUT');
    expect(empty.fields?.content).toMatch(/nothing to import/);
    const onlyPricing = await failure(app.call('import.inventree', { content: JSON.stringify([{ model: 'part.partpricing', pk: 1, fields: {} }]) }));
    expect(onlyPricing.fields?.content).toMatch(/nothing Stockbell keeps/);
    expect(held(app)).toBe(0);
    app.close();
  });
});

describe('the progress an import reports', () => {
  it('names every phase once, each with its own bar, in the order the app lists them', async () => {
    const app = await openTestRuntime();
    const reported: { phase: string; done: number; total: number }[] = [];
    app.core.onEvent((event, payload) => {
      if (event === 'import.progress') reported.push(payload as (typeof reported)[number]);
    });
    await app.call('import.inventree', { content: smallExport() });
    const phases = [...new Set(reported.map((entry) => entry.phase))];
    expect(phases).toEqual(['People', 'Categories', 'Locations', 'Parts', 'Stock', 'Bills of materials', 'Build orders', 'Part subscriptions', 'Category subscriptions', 'Suppliers', 'Supplier parts', 'Purchase orders', 'Purchase order lines']);
    expect(phases).toEqual([...INVENTREE_IMPORT_PHASES]);
    // Each phase ends at its own count: the second star phase no longer overwrites the first.
    const last = (phase: string) => reported.filter((entry) => entry.phase === phase).at(-1);
    expect(last('Part subscriptions')).toEqual({ phase: 'Part subscriptions', done: 1, total: 1 });
    expect(last('Category subscriptions')).toEqual({ phase: 'Category subscriptions', done: 1, total: 1 });
    app.close();
  });
});
