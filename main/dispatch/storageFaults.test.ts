import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../testing/runtime';

let app: TestRuntime;
let itemId: number;
let partId: number;

beforeEach(async () => {
  app = await openTestRuntime();
  const shelf = await app.call('locations.create', { name: 'Shelf' });
  const part = await app.call('parts.create', { name: 'Committed part', minimumStock: '5' });
  partId = part.id;
  itemId = (await app.call('stock.create', { partId: part.id, locationId: shelf.id, quantity: '10' })).id;
});
afterEach(() => app.close());

async function committedState() {
  return { total: (await app.call('parts.get', { id: partId })).part.stockTotal, movements: (await app.call('movements.list', { partId })).total };
}

describe('storage faults', () => {
  it('answers a full disk with a clear error, keeps what was committed, and recovers', async () => {
    const before = await committedState();
    const client = app.core.db.$client;
    // SQLite's own size cap stands in for a full disk: writes that need a new page fail with SQLITE_FULL.
    const pages = client.pragma('page_count', { simple: true }) as number;
    client.pragma(`max_page_count = ${pages}`);
    const changes = Array.from({ length: 5000 }, () => ({ itemId, kind: 'add' as const, quantity: '1' }));
    const result = await app.dispatch('stock.adjustMany', { changes, note: 'x'.repeat(900) }, app.session);
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILURE', message: expect.stringMatching(/disk may be full.*Nothing was changed/) } });
    expect(await committedState()).toEqual(before);
    client.pragma('max_page_count = 1073741823');
    await app.call('stock.remove', { itemId, quantity: '1' });
    expect((await committedState()).movements).toBe(before.movements + 1);
  });

  it('answers a read-only database with a clear error and keeps reading', async () => {
    const before = await committedState();
    app.core.db.$client.pragma('query_only = 1');
    const result = await app.dispatch('stock.remove', { itemId, quantity: '1' }, app.session);
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILURE' } });
    expect(await committedState()).toEqual(before);
    app.core.db.$client.pragma('query_only = 0');
  });
});
