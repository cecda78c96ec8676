import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastLater } from '../../main/core/forecast/runLowWarnings';
import { openTestRuntime, type TestRuntime } from '../../main/testing/runtime';

let app: TestRuntime;
beforeAll(async () => {
  app = await openTestRuntime();
  await app.call('demo.load', {});
});
afterAll(() => app.close());

const scalar = (sql: string) => app.core.db.$client.prepare(sql).pluck().get() as number;

describe('demo workshop', () => {
  it('is a realistic inventory', () => {
    expect(scalar('select count(*) from parts')).toBeGreaterThanOrEqual(200);
    expect(scalar('select count(*) from parts where is_assembly')).toBeGreaterThanOrEqual(3);
    expect(scalar('select count(*) from parts where minimum_stock > 0')).toBeGreaterThan(scalar('select count(*) from parts') / 4);
    expect(scalar('select count(*) from users')).toBeGreaterThanOrEqual(3);
    expect(scalar('select count(distinct location_id) from stock_items')).toBeGreaterThan(5);
    expect(scalar(`select count(*) from stock_locations where parent_id is not null`)).toBeGreaterThan(5);
  });

  it('has categories at least four levels deep and variants three levels deep', () => {
    const categoryDepth = scalar(`with recursive d(id, depth) as (
      select id, 1 from part_categories where parent_id is null
      union all select c.id, d.depth + 1 from part_categories c join d on c.parent_id = d.id) select max(depth) from d`);
    expect(categoryDepth).toBeGreaterThanOrEqual(4);
    const variantDepth = scalar(`with recursive d(id, depth) as (
      select id, 1 from parts where variant_of_id is null
      union all select p.id, d.depth + 1 from parts p join d on p.variant_of_id = d.id) select max(depth) from d`);
    expect(variantDepth).toBeGreaterThanOrEqual(3);
  });

  it('has 90 days of use behind its parts with a minimum, enough for forecasts, some of which will run low', async () => {
    expect(scalar(`select count(distinct part_id) from stock_movements where kind = 'remove'`)).toBeGreaterThan(30);
    const forecasts = await Promise.all(
      (app.core.db.$client.prepare('select id from parts where minimum_stock > 0 and not is_template').pluck().all() as number[]).map((partId) => app.call('forecast.part', { partId })),
    );
    expect(forecasts.filter((forecast) => forecast.status === 'too_little_history')).toEqual([]);
    // What the load left for after its commit is decided as silently as the load itself.
    await forecastLater(app.core, forecasts.map((forecast) => forecast.partId), { silently: true });
    expect(scalar('select count(*) from part_run_low_warnings')).toBeGreaterThan(3);
    expect(scalar(`select count(*) from notifications where kind = 'part.will_run_low'`)).toBe(0);
    const groups = await app.call('reorder.list', {});
    expect(groups.filter((group) => group.supplierId !== null).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps every total equal to the stock of the part and its variants', () => {
    const wrong = scalar(`with recursive tree(root, id) as (
        select id, id from parts union all select tree.root, p.id from parts p join tree on p.variant_of_id = tree.id)
      select count(*) from parts p where p.stock_total != (
        select coalesce(sum(i.quantity), 0) from tree join stock_items i on i.part_id = tree.id where tree.root = p.id)`);
    expect(wrong).toBe(0);
  });

  it('subscribes the demo people and the person who loaded it, so an alert is one stock change away', async () => {
    expect(scalar('select count(distinct user_id) from category_subscriptions')).toBeGreaterThanOrEqual(4);
    const mine = await app.call('subscriptions.list', {});
    expect(mine.categories.map((category) => category.name)).toEqual(['Electronics']);
    const near = app.core.db.$client
      .prepare(`select s.id as itemId, s.quantity - p.minimum_stock as margin from parts p join stock_items s on s.part_id = p.id
                where p.minimum_stock > 0 and not p.is_low and p.variant_of_id is null and p.category_id in (
                  with recursive d(id) as (select id from part_categories where name = 'Electronics'
                  union all select c.id from part_categories c join d on c.parent_id = d.id) select id from d)
                and p.stock_total = s.quantity order by margin limit 1`)
      .get() as { itemId: number; margin: number };
    await app.call('stock.remove', { itemId: near.itemId, quantity: String(near.margin / 100000 + 1) });
    expect((await app.call('notifications.unreadCount', {})).count).toBe(1);
  });

  it('has assemblies with bills of materials and build orders in each state', async () => {
    expect(scalar('select count(distinct assembly_id) from bom_lines')).toBeGreaterThanOrEqual(4);
    const builds = await app.call('builds.list', {});
    expect(builds.rows.map((build) => build.status).sort()).toEqual(['complete', 'in_production', 'pending']);
    const starter = await app.call('parts.list', { search: 'Workshop starter kit' });
    const lines = await app.call('bom.list', { partId: starter.rows[0]?.id as number });
    expect(lines.map((line) => line.subPart.name)).toContain('Controller board');
  });

  it('has suppliers for every part with a minimum, a placed order partly received and a draft', async () => {
    expect((await app.call('suppliers.list', {})).map((supplier) => supplier.name)).toEqual(['Bolt & Nut Supply', 'DigiKey', 'Mouser Electronics']);
    expect(scalar('select count(*) from parts p where p.minimum_stock > 0 and not p.is_template and not exists (select 1 from supplier_parts s where s.part_id = p.id and s.preferred)')).toBe(0);
    const orders = await app.call('purchaseOrders.list', {});
    expect(orders.map((order) => order.state).sort()).toEqual(['draft', 'partly_received']);
  });

  it('has some parts low on stock and refuses to load twice', async () => {
    expect((await app.call('parts.list', { lowOnly: true })).total).toBeGreaterThan(0);
    expect((await app.call('demo.status', {})).empty).toBe(false);
    await expect(app.call('demo.load', {})).rejects.toThrow(/empty inventory/);
  });
});
