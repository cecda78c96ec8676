import type Database from 'better-sqlite3';
import { QUANTITY_SCALE } from '../../main/core/quantity';
import { seededRandom } from '../seededRandom';

// A large synthetic inventory for the benchmark, written with raw prepared inserts in one
// transaction (the services would be correct but slow at this size). Totals, low states and
// movements are derived afterwards so every invariant the app relies on holds.

export interface SyntheticSize {
  parts: number;
  categories: number;
  users: number;
  /** Part and category subscriptions together. */
  subscriptions: number;
  /** How many of the subscriptions are on categories near the top of the tree. */
  categorySubscriptions: number;
  notifications: number;
  stockItems: number;
  locations: number;
}

export const defaultSize: SyntheticSize = {
  parts: 100_000,
  categories: 10_000,
  users: 1_000,
  subscriptions: 100_000,
  categorySubscriptions: 5_000,
  notifications: 1_000_000,
  stockItems: 300_000,
  locations: 1_000,
};

/** A quick look (`--tiny`, and the benchmarks' smoke runs): still 1,000 people, so the largest crossing is the real one. */
export const tinySize: SyntheticSize = {
  parts: 2_000,
  categories: 200,
  users: 1_000,
  subscriptions: 2_000,
  categorySubscriptions: 100,
  notifications: 20_000,
  stockItems: 5_000,
  locations: 50,
};

export interface SyntheticFixture {
  /** A user with a tenth of all notifications (at least 100 000 at default size). */
  busyUserId: number;
  /** A part nobody is subscribed to, with stock well above a minimum of zero. */
  quietItemId: number;
  /**
   * A part whose every change is forecast: a minimum, 90 days of use, a preferred supplier with a
   * lead time and a placed order due, yet far from running low.
   */
  forecastItemId: number;
  /** Parts (with one stock item each) followed by about 100 and about 1 000 people. */
  crowds: { subscribers: number; itemId: number; partId: number; minimum: number }[];
  /** Stock items spread over the inventory, for bulk movements. */
  itemIds: number[];
}

export function generateSynthetic(client: Database.Database, size: SyntheticSize, now = Date.now()): SyntheticFixture {
  const rand = seededRandom(42);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)] as T;
  return client.transaction(() => {
    const addUser = client.prepare(`insert into users (username, display_name, email, role, active, created_at) values (?, ?, ?, 'member', 1, ?)`);
    const userIds: number[] = [];
    for (let index = 0; index < size.users; index += 1) {
      userIds.push(Number(addUser.run(`user${index}`, `User ${index}`, `user${index}@bench.test`, now).lastInsertRowid));
    }

    // Categories: 8 levels, each node with a handful of children, until the count is reached.
    const addCategory = client.prepare(`insert into part_categories (parent_id, name, description, created_at) values (?, ?, '', ?)`);
    const levels: number[][] = [[]];
    const roots = Math.max(1, Math.min(10, size.categories));
    for (let index = 0; index < roots; index += 1) levels[0]?.push(Number(addCategory.run(null, `Category ${index}`, now).lastInsertRowid));
    let made = roots;
    for (let depth = 1; depth < 8 && made < size.categories; depth += 1) {
      const parents = levels[depth - 1] as number[];
      const remaining = size.categories - made;
      const perParent = Math.max(1, Math.ceil(remaining / parents.length / Math.max(1, 7 - depth)));
      const level: number[] = [];
      for (const parent of parents) {
        for (let child = 0; child < perParent && made < size.categories; child += 1) {
          level.push(Number(addCategory.run(parent, `Category ${made}`, now).lastInsertRowid));
          made += 1;
        }
      }
      levels.push(level);
    }
    const allCategories = levels.flat();
    const deepCategories = levels.slice(3).flat();
    const leafPool = deepCategories.length ? deepCategories : allCategories;

    // Parts: most plain; some in template chains three deep (template > sub-template > variants).
    const addPart = client.prepare(
      `insert into parts (name, ipn, description, category_id, variant_of_id, is_template, active, minimum_stock, units, created_at, updated_at)
       values (?, ?, '', ?, ?, ?, 1, ?, '', ?, ?)`,
    );
    const partIds: number[] = [];
    const stockable: number[] = [];
    while (partIds.length < size.parts) {
      const index = partIds.length;
      const category = pick(leafPool);
      const minimum = rand() < 0.4 ? Math.round(10 + rand() * 90) * QUANTITY_SCALE : 0;
      if (rand() < 0.02 && size.parts - index > 8) {
        const top = Number(addPart.run(`Family ${index}`, `FAM-${index}`, category, null, 1, minimum, now, now).lastInsertRowid);
        const middle = Number(addPart.run(`Family ${index} series`, `FAM-${index}-S`, category, top, 1, 0, now, now).lastInsertRowid);
        partIds.push(top, middle);
        for (let variant = 0; variant < 4; variant += 1) {
          const id = Number(addPart.run(`Family ${index} variant ${variant}`, `FAM-${index}-${variant}`, category, middle, 0, 0, now, now).lastInsertRowid);
          partIds.push(id);
          stockable.push(id);
        }
      } else {
        const id = Number(addPart.run(`Part ${index}`, `P-${index}`, category, null, 0, minimum, now, now).lastInsertRowid);
        partIds.push(id);
        stockable.push(id);
      }
    }

    const addLocation = client.prepare(`insert into stock_locations (parent_id, name, description, created_at) values (?, ?, '', ?)`);
    const locationIds: number[] = [];
    for (let index = 0; index < size.locations; index += 1) {
      const parent = index < 10 ? null : (locationIds[Math.floor(rand() * Math.min(locationIds.length, 100))] as number);
      locationIds.push(Number(addLocation.run(parent, `Location ${index}`, now).lastInsertRowid));
    }

    const addItem = client.prepare(`insert into stock_items (part_id, location_id, quantity, batch, created_at, updated_at) values (?, ?, ?, '', ?, ?)`);
    const addMovement = client.prepare(
      `insert into stock_movements (item_id, part_id, user_id, kind, delta, quantity_after, to_location_id, note, created_at) values (?, ?, null, 'create', ?, ?, ?, '', ?)`,
    );
    const itemIds: number[] = [];
    for (let index = 0; index < size.stockItems; index += 1) {
      const partId = stockable[index % stockable.length] as number;
      const location = pick(locationIds);
      const quantity = Math.round(1 + rand() * 500) * QUANTITY_SCALE;
      const itemId = Number(addItem.run(partId, location, quantity, now, now).lastInsertRowid);
      addMovement.run(itemId, partId, quantity, quantity, location, now);
      itemIds.push(itemId);
    }

    // The benchmark's own actors: a quiet part, and parts followed by crowds of about 100 and 1 000.
    const benchCategory = Number(addCategory.run(null, 'Benchmark', now).lastInsertRowid);
    const crowd = (subscribers: number) => {
      const category = Number(addCategory.run(benchCategory, `Followed by ${subscribers}`, now).lastInsertRowid);
      const partId = Number(addPart.run(`Crowded part ${subscribers}`, null, category, null, 0, 100 * QUANTITY_SCALE, now, now).lastInsertRowid);
      const itemId = Number(addItem.run(partId, locationIds[0], 1000 * QUANTITY_SCALE, now, now).lastInsertRowid);
      addMovement.run(itemId, partId, 1000 * QUANTITY_SCALE, 1000 * QUANTITY_SCALE, locationIds[0], now);
      const follow = client.prepare('insert into category_subscriptions (user_id, category_id, created_at) values (?, ?, ?)');
      for (const userId of userIds.slice(0, Math.min(subscribers, userIds.length))) follow.run(userId, category, now);
      return { subscribers: Math.min(subscribers, userIds.length), itemId, partId, minimum: 100 * QUANTITY_SCALE };
    };
    const crowds = [crowd(100), crowd(1000)];
    const quietPart = Number(addPart.run('Quiet part', null, benchCategory, null, 0, 0, now, now).lastInsertRowid);
    const quietItemId = Number(addItem.run(quietPart, locationIds[0], 1_000_000 * QUANTITY_SCALE, now, now).lastInsertRowid);
    addMovement.run(quietItemId, quietPart, 1_000_000 * QUANTITY_SCALE, 1_000_000 * QUANTITY_SCALE, locationIds[0], now);

    const forecastPart = Number(addPart.run('Forecast part', null, benchCategory, null, 0, 10 * QUANTITY_SCALE, now, now).lastInsertRowid);
    const forecastItemId = Number(addItem.run(forecastPart, locationIds[0], 1_000_000 * QUANTITY_SCALE, now, now).lastInsertRowid);
    const day = 86_400_000;
    addMovement.run(forecastItemId, forecastPart, 1_000_270 * QUANTITY_SCALE, 1_000_270 * QUANTITY_SCALE, locationIds[0], now - 91 * day);
    const use = client.prepare(
      `insert into stock_movements (item_id, part_id, user_id, kind, delta, quantity_after, from_location_id, note, created_at) values (?, ?, null, 'remove', ?, ?, ?, '', ?)`,
    );
    for (let taken = 1; taken <= 270; taken += 1) use.run(forecastItemId, forecastPart, -QUANTITY_SCALE, (1_000_270 - taken) * QUANTITY_SCALE, locationIds[0], now - 90 * day + taken * (day / 3));
    const supplier = Number(client.prepare(`insert into suppliers (name, created_at) values ('Benchmark supplier', ?)`).run(now).lastInsertRowid);
    const sold = Number(
      client
        .prepare(`insert into supplier_parts (supplier_id, part_id, sku, pack_size, lead_time_days, preferred, created_at) values (?, ?, 'FC-1', ?, 14, 1, ?)`)
        .run(supplier, forecastPart, 100 * QUANTITY_SCALE, now).lastInsertRowid,
    );
    const order = Number(client.prepare(`insert into purchase_orders (reference, supplier_id, status, created_at, updated_at, placed_at) values ('PO-BENCH', ?, 'placed', ?, ?, ?)`).run(supplier, now, now, now).lastInsertRowid);
    client.prepare(`insert into purchase_order_lines (order_id, supplier_part_id, part_id, quantity, received, expected_date) values (?, ?, ?, ?, 0, null)`).run(order, sold, forecastPart, 500 * QUANTITY_SCALE);

    // Subscriptions: some on categories near the top (they cover many parts), the rest on parts.
    const nearTop = [...(levels[0] ?? []), ...(levels[1] ?? [])];
    const followCategory = client.prepare('insert or ignore into category_subscriptions (user_id, category_id, created_at) values (?, ?, ?)');
    const followPart = client.prepare('insert or ignore into part_subscriptions (user_id, part_id, created_at) values (?, ?, ?)');
    for (let index = 0; index < size.categorySubscriptions; index += 1) followCategory.run(pick(userIds), pick(nearTop), now);
    for (let index = 0; index < size.subscriptions - size.categorySubscriptions; index += 1) followPart.run(pick(userIds), pick(partIds), now);

    // Notifications: events of which each reached about ten people; a tenth of all copies belong to
    // one busy person, the rest are spread; a third of each read.
    const addEvent = client.prepare(
      `insert into notification_events (kind, title, message, target_kind, target_id, data, created_at)
       values ('part.low_stock', ?, 'Synthetic notification', 'part', ?, '{}', ?)`,
    );
    const addNotification = client.prepare(
      `insert into notifications (user_id, event_id, kind, reason, created_at, read_at) values (?, ?, 'part.low_stock', 'You are subscribed to this part.', ?, ?)`,
    );
    const busyUserId = userIds[userIds.length - 1] as number;
    let event = { id: 0, created: now };
    for (let index = 0; index < size.notifications; index += 1) {
      if (index % 10 === 0) {
        const created = now - Math.floor(rand() * 60 * 86_400_000);
        event = { id: Number(addEvent.run(`Low stock: Part ${index % size.parts}`, String(pick(partIds)), created).lastInsertRowid), created };
      }
      const userId = index % 10 === 0 ? busyUserId : pick(userIds);
      addNotification.run(userId, event.id, event.created, rand() < 0.33 ? event.created + 60_000 : null);
    }

    // Variant-inclusive totals and low states, as the alert engine would have left them.
    client.exec(`
      update parts set stock_total = coalesce((select sum(quantity) from stock_items i where i.part_id = parts.id and i.deleted_at is null), 0);
      update parts set stock_total = stock_total + coalesce((select sum(v.stock_total) from parts v where v.variant_of_id = parts.id), 0) where is_template and variant_of_id is not null;
      update parts set stock_total = stock_total + coalesce((select sum(v.stock_total) from parts v where v.variant_of_id = parts.id), 0) where is_template and variant_of_id is null;
      update parts set is_low = (active and minimum_stock > 0 and stock_total < minimum_stock);
      update users set unread_notifications = unread.count
        from (select user_id, count(*) as count from notifications where read_at is null group by user_id) as unread
        where unread.user_id = users.id;
    `);
    return { busyUserId, quietItemId, forecastItemId, crowds, itemIds };
  })();
}
