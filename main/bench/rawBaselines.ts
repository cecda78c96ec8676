import type Database from 'better-sqlite3';

// The physical limit of a single stock change on this machine, measured in the same run as the
// app's figures: the same rows written with prepared statements in one durable commit (same
// pragmas, same connection), with nothing else (no validation, no dispatch, no alert engine). A
// crossing's baseline also writes one event, one notification row per subscriber from a JSON list,
// one email body and one fan-out row, as the app's crossing does.

export interface RawWriter {
  /** Moves an item's stock by `delta` (scaled units), with its movement and its part totals. */
  adjust(itemId: number, delta: number): void;
  /** The same, as a crossing: the part becomes low and `recipients` are told (in-app rows and email rows). */
  cross(itemId: number, delta: number, recipients: number[]): void;
  /** Back above the minimum, untimed between samples. */
  restore(itemId: number, delta: number): void;
}

export function rawWriter(client: Database.Database, userId: number): RawWriter {
  const moveItem = client.prepare('update stock_items set quantity = quantity + ?, updated_at = ? where id = ? returning part_id as partId, quantity, location_id as locationId');
  const insertMovement = client.prepare(
    `insert into stock_movements (item_id, part_id, user_id, kind, delta, quantity_after, from_location_id, to_location_id, note, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, '', ?)`,
  );
  const moveTotals = client.prepare('update parts set stock_total = stock_total + ?, updated_at = ? where id in (select value from json_each(?))');
  const setLow = client.prepare('update parts set is_low = ? where id = ?');
  const insertEvent = client.prepare(
    `insert into notification_events (kind, title, message, target_kind, target_id, data, created_at) values ('part.low_stock', ?, ?, 'part', ?, '{}', ?)`,
  );
  const insertRows = client.prepare(
    `insert into notifications (user_id, event_id, kind, reason, created_at, settled) select value, ?, 'part.low_stock', 'You are subscribed.', ?, 0 from json_each(?) order by key`,
  );
  const moveUnread = client.prepare('update users set unread_notifications = unread_notifications + 1 where id in (select value from json_each(?))');
  const insertBody = client.prepare(`insert into outbox_bodies (text_body, html_body) values (?, ?)`);
  const insertFanout = client.prepare(
    `insert into mail_fanouts (kind, notification_ids, bodies, subject_kind, subject_id, created_at) values ('part.low_stock', ?, ?, 'part.low_stock', ?, ?)`,
  );
  const chains = new Map<number, string>();
  const chainOf = (partId: number): string => {
    let chain = chains.get(partId);
    if (!chain) {
      const ids = client
        .prepare('with recursive up(id) as (select ? union all select p.variant_of_id from parts p join up on p.id = up.id where p.variant_of_id is not null) select id from up')
        .pluck()
        .all(partId) as number[];
      chain = JSON.stringify(ids);
      chains.set(partId, chain);
    }
    return chain;
  };
  const write = (itemId: number, delta: number) => {
    const now = Date.now();
    const item = moveItem.get(delta, now, itemId) as { partId: number; quantity: number; locationId: number };
    moveTotals.run(delta, now, chainOf(item.partId));
    insertMovement.run(itemId, item.partId, userId, delta < 0 ? 'remove' : 'add', delta, item.quantity, delta < 0 ? item.locationId : null, delta < 0 ? null : item.locationId, now);
    return { ...item, now };
  };
  return {
    adjust: (itemId, delta) => client.transaction(() => write(itemId, delta))(),
    cross: (itemId, delta, recipients) =>
      client.transaction(() => {
        const { partId, now } = write(itemId, delta);
        setLow.run(1, partId);
        const eventId = Number(insertEvent.run('Low stock: part', 'The part is down below its minimum.', String(partId), now).lastInsertRowid);
        const list = JSON.stringify(recipients);
        const result = insertRows.run(eventId, now, list);
        moveUnread.run(list);
        const first = Number(result.lastInsertRowid) - result.changes + 1;
        const bodyId = Number(insertBody.run('Low stock text', '<p>Low stock</p>').lastInsertRowid);
        insertFanout.run(JSON.stringify(recipients.map((_, index) => first + index)), JSON.stringify({ 'You are subscribed.': { bodyId, subject: 'Low stock' } }), partId, now);
      })(),
    restore: (itemId, delta) =>
      client.transaction(() => {
        const { partId } = write(itemId, delta);
        setLow.run(0, partId);
      })(),
  };
}
