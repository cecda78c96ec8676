import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../db/demo/load';
import { openTestRuntime, type TestRuntime } from '../../testing/runtime';

// The parts and stock CSV exports are a way to move an inventory: read back into an empty data
// folder they must give the same parts, variant links and totals.

interface PartState {
  name: string;
  ipn: string | null;
  description: string;
  category: string | null;
  template: string | null;
  isTemplate: number;
  isAssembly: number;
  active: number;
  minimumStock: number;
  units: string;
  stockTotal: number;
  ownStock: number;
  isLow: number;
}

function partsOf(app: TestRuntime): Map<string, PartState> {
  const rows = app.core.db.$client
    .prepare(
      `select p.name, p.ipn, p.description,
         (with recursive up(id, parent_id, name, depth) as (
            select id, parent_id, name, 0 from part_categories where id = p.category_id
            union all select c.id, c.parent_id, c.name, up.depth + 1 from part_categories c join up on c.id = up.parent_id)
          select group_concat(name, ' / ') from (select name from up order by depth desc)) as category,
         t.name as template, p.is_template as isTemplate, p.is_assembly as isAssembly, p.active, p.minimum_stock as minimumStock,
         p.units, p.stock_total as stockTotal, p.is_low as isLow,
         (select coalesce(sum(quantity), 0) from stock_items i where i.part_id = p.id and i.deleted_at is null) as ownStock
       from parts p left join parts t on t.id = p.variant_of_id`,
    )
    .all() as PartState[];
  return new Map(rows.map((row) => [row.name, row]));
}

describe('a parts and stock CSV export read back into an empty data folder', () => {
  let source: TestRuntime;
  let copy: TestRuntime;
  // Names a spreadsheet would run as formulas, which the export protects with an apostrophe.
  const risky = ['+1+1', '=SUM(A1:A3)', '-5V rail', '@home', "'quoted", "'=already protected"];

  beforeAll(async () => {
    source = await openTestRuntime();
    source.core.write(source.session.userId, (ctx) => loadDemo(ctx, null));
    const shelf = await source.call('locations.create', { name: 'Risky shelf' });
    const template = await source.call('parts.create', { name: '=Sensor', ipn: '+SEN', isTemplate: true, minimumStock: '60' });
    const variant = await source.call('parts.create', { name: '-Sensor 3V3', variantOfId: template.id, units: 'pcs' });
    await source.call('stock.create', { partId: variant.id, locationId: shelf.id, quantity: '49' });
    for (const name of risky) {
      const part = await source.call('parts.create', { name, description: `@${name}`, minimumStock: '2' });
      await source.call('stock.create', { partId: part.id, locationId: shelf.id, quantity: '1.5' });
    }

    const partsFile = await source.call('export.csv', { kind: 'parts' });
    const stockFile = await source.call('export.csv', { kind: 'stock' });
    copy = await openTestRuntime();
    await copy.call('import.csv.apply', { kind: 'parts', content: partsFile.content });
    await copy.call('import.csv.apply', { kind: 'stock', content: stockFile.content });
  });
  afterAll(() => {
    source.close();
    copy.close();
  });

  it('gives back every part with all its fields, its template and its variant-inclusive total', () => {
    const before = partsOf(source);
    const after = partsOf(copy);
    expect(after.size).toBe(before.size);
    for (const [name, part] of before) expect(after.get(name), name).toEqual(part);
  });

  it('keeps names a spreadsheet would run as formulas exactly, without the protective apostrophe', () => {
    const after = partsOf(copy);
    for (const name of risky) expect(after.get(name)?.description, name).toBe(`@${name}`);
    expect(after.get('-Sensor 3V3')?.template).toBe('=Sensor');
    expect(after.get('=Sensor')).toMatchObject({ ipn: '+SEN', stockTotal: 49 * 100_000, isTemplate: 1 });
  });
});
