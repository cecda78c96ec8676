import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../dispatch/session';
import { openTestRuntime, type TestRuntime } from '../../testing/runtime';

let app: TestRuntime;
let alice: Session;
let bob: Session;
let bin: { id: number };

beforeEach(async () => {
  app = await openTestRuntime();
  alice = await app.signIn('Alice');
  bob = await app.signIn('Bob');
  bin = await app.call('locations.create', { name: 'Bin' });
});
afterEach(() => app.close());

/** A five-level category tree: Top > L2 > L3 > L4 > L5. */
async function categoryChain() {
  const ids: number[] = [];
  let parentId: number | null = null;
  for (const name of ['Top', 'L2', 'L3', 'L4', 'L5']) {
    const created: { id: number } = await app.call('categories.create', { name, parentId });
    ids.push(created.id);
    parentId = created.id;
  }
  return ids;
}

async function stockedPart(options: { name?: string; minimum: string; quantity: string; categoryId?: number; variantOfId?: number; isTemplate?: boolean }) {
  const part = await app.call('parts.create', {
    name: options.name ?? 'Widget',
    minimumStock: options.minimum,
    categoryId: options.categoryId ?? null,
    variantOfId: options.variantOfId ?? null,
    isTemplate: options.isTemplate ?? false,
  });
  const item = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: options.quantity });
  return { part, item };
}

async function inbox(session: Session) {
  return (await app.call('notifications.list', { state: 'unread' }, session)).rows;
}

describe('subscribers of a part', () => {
  it('covers a part through a category five levels up, and through a template three levels up', async () => {
    const [top, , , , l5] = await categoryChain();
    const template = await app.call('parts.create', { name: 'Screw', isTemplate: true });
    const middle = await app.call('parts.create', { name: 'Screw M3', isTemplate: true, variantOfId: template.id });
    const leaf = await app.call('parts.create', { name: 'Screw M3x8', variantOfId: middle.id, categoryId: l5 as number });
    await app.call('subscriptions.subscribe', { kind: 'category', id: top as number }, alice);
    await app.call('subscriptions.subscribe', { kind: 'part', id: template.id }, bob);

    const [forAlice] = await app.call('subscriptions.status', { targets: [{ kind: 'part', id: leaf.id }] }, alice);
    expect(forAlice).toMatchObject({ direct: false, via: { kind: 'category', name: 'Top' } });
    const [forBob] = await app.call('subscriptions.status', { targets: [{ kind: 'part', id: leaf.id }] }, bob);
    expect(forBob).toMatchObject({ direct: false, via: { kind: 'part', name: 'Screw' } });
    const [midForBob] = await app.call('subscriptions.status', { targets: [{ kind: 'part', id: middle.id }] }, bob);
    expect(midForBob?.via?.name).toBe('Screw');
  });

  it('does not cover a template from a variant subscription, nor a parent from a sub-category', async () => {
    const [top, l2] = await categoryChain();
    const template = await app.call('parts.create', { name: 'LED', isTemplate: true, categoryId: top as number });
    const red = await app.call('parts.create', { name: 'LED red', variantOfId: template.id, categoryId: top as number });
    await app.call('subscriptions.subscribe', { kind: 'part', id: red.id }, alice);
    await app.call('subscriptions.subscribe', { kind: 'category', id: l2 as number }, bob);
    const statuses = await app.call('subscriptions.status', { targets: [{ kind: 'part', id: template.id }, { kind: 'category', id: top as number }] }, alice);
    expect(statuses.map((status) => status.direct || status.via !== null)).toEqual([false, false]);
    const [topForBob] = await app.call('subscriptions.status', { targets: [{ kind: 'category', id: top as number }] }, bob);
    expect(topForBob).toMatchObject({ direct: false, via: null });
  });

  it('keeps a category subscription after the direct one is removed, and says so', async () => {
    const [top] = await categoryChain();
    const part = await app.call('parts.create', { name: 'Fuse', categoryId: top as number });
    await app.call('subscriptions.subscribe', { kind: 'category', id: top as number }, alice);
    const both = await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
    expect(both).toMatchObject({ direct: true, via: { kind: 'category', name: 'Top' } });
    const after = await app.call('subscriptions.unsubscribe', { kind: 'part', id: part.id }, alice);
    expect(after).toMatchObject({ direct: false, via: { kind: 'category', name: 'Top' } });
  });
});

describe('low-stock alerts', () => {
  it('alerts once per subscriber on the crossing, with why they got it', async () => {
    const [top, , l3] = await categoryChain();
    const { part, item } = await stockedPart({ name: 'R 10k', minimum: '10', quantity: '12', categoryId: l3 as number });
    await app.call('subscriptions.subscribe', { kind: 'category', id: top as number }, alice);
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, bob);

    await app.call('stock.remove', { itemId: item.id, quantity: '3' });
    const aliceInbox = await inbox(alice);
    expect(aliceInbox).toHaveLength(1);
    expect(aliceInbox[0]).toMatchObject({
      kind: 'part.low_stock',
      title: 'Low stock: R 10k',
      link: `/parts/${part.id}`,
      reason: 'You are subscribed to this part.',
    });
    expect(aliceInbox[0]?.message).toContain('down to 9, below its minimum of 10');
    expect(await inbox(bob)).toHaveLength(1);
    expect(await inbox(app.session)).toHaveLength(0);
  });

  it('does not repeat while low, and re-arms once back at the minimum', async () => {
    const { part, item } = await stockedPart({ minimum: '10', quantity: '12' });
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
    await app.call('stock.remove', { itemId: item.id, quantity: '3' });
    await app.call('stock.remove', { itemId: item.id, quantity: '1' });
    await app.call('stock.add', { itemId: item.id, quantity: '1' });
    expect(await inbox(alice)).toHaveLength(1);
    await app.call('stock.add', { itemId: item.id, quantity: '1' }); // back to exactly 10: not low
    expect((await app.call('parts.get', { id: part.id })).part.isLow).toBe(false);
    await app.call('stock.remove', { itemId: item.id, quantity: '0.5' });
    expect(await inbox(alice)).toHaveLength(2);
  });

  it('alerts when the minimum is raised above the stock, never for a minimum of zero or an inactive part', async () => {
    const { part } = await stockedPart({ minimum: '0', quantity: '5' });
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
    await app.call('parts.update', { id: part.id, name: part.name, minimumStock: '0', active: true });
    expect(await inbox(alice)).toHaveLength(0);
    await app.call('parts.update', { id: part.id, name: part.name, minimumStock: '6', active: true });
    expect(await inbox(alice)).toHaveLength(1);
    await app.call('parts.update', { id: part.id, name: part.name, minimumStock: '0', active: false });
    await app.call('parts.update', { id: part.id, name: part.name, minimumStock: '8', active: false });
    expect(await inbox(alice)).toHaveLength(1);
  });

  it('does not alert for a part created with a minimum and no stock; it alerts once stock it had falls below', async () => {
    // Alice follows the category, so she covers the part from the moment it exists.
    const category = await app.call('categories.create', { name: 'Followed' });
    await app.call('subscriptions.subscribe', { kind: 'category', id: category.id }, alice);
    const part = await app.call('parts.create', { name: 'Brand new', minimumStock: '10', categoryId: category.id });
    expect((await app.call('parts.get', { id: part.id })).part.isLow).toBe(true);
    const item = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '4' });
    expect(await inbox(alice)).toHaveLength(0);
    await app.call('stock.add', { itemId: item.id, quantity: '8' }); // 12: at the minimum or above
    await app.call('stock.remove', { itemId: item.id, quantity: '3' }); // 9: falls below
    expect((await inbox(alice)).map((row) => row.title)).toEqual(['Low stock: Brand new']);
  });

  it('does not alert again when a part still below its minimum is turned back on', async () => {
    const { part, item } = await stockedPart({ minimum: '10', quantity: '12' });
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
    await app.call('stock.remove', { itemId: item.id, quantity: '5' });
    expect(await inbox(alice)).toHaveLength(1);
    await app.call('parts.update', { id: part.id, name: part.name, minimumStock: '10', active: false });
    await app.call('parts.update', { id: part.id, name: part.name, minimumStock: '10', active: true });
    expect(await inbox(alice)).toHaveLength(1);
    expect((await app.call('parts.get', { id: part.id })).part.isLow).toBe(true);
    await app.call('stock.add', { itemId: item.id, quantity: '5' }); // 12: back at the minimum or above
    await app.call('stock.remove', { itemId: item.id, quantity: '3' }); // 9: falls below
    expect(await inbox(alice)).toHaveLength(2);
  });

  it('evaluates the template with its variant-inclusive count and its own minimum', async () => {
    const template = await app.call('parts.create', { name: 'Capacitor', isTemplate: true, minimumStock: '100' });
    const a = await stockedPart({ name: 'Cap A', minimum: '0', quantity: '60', variantOfId: template.id });
    await stockedPart({ name: 'Cap B', minimum: '0', quantity: '50', variantOfId: template.id });
    await app.call('subscriptions.subscribe', { kind: 'part', id: template.id }, alice);
    await app.call('stock.remove', { itemId: a.item.id, quantity: '5' }); // 105: fine
    expect(await inbox(alice)).toHaveLength(0);
    await app.call('stock.remove', { itemId: a.item.id, quantity: '10' }); // 95: the template is low
    const rows = await inbox(alice);
    expect(rows.map((row) => row.title)).toEqual(['Low stock: Capacitor']);
  });

  it('re-evaluates the old and new templates when a variant is re-parented', async () => {
    const first = await app.call('parts.create', { name: 'First', isTemplate: true, minimumStock: '5' });
    const second = await app.call('parts.create', { name: 'Second', isTemplate: true, minimumStock: '5' });
    const { part } = await stockedPart({ name: 'Moving', minimum: '0', quantity: '8', variantOfId: first.id });
    await app.call('subscriptions.subscribe', { kind: 'part', id: first.id }, alice);
    await app.call('parts.update', { id: part.id, name: part.name, variantOfId: second.id });
    expect((await inbox(alice)).map((row) => row.title)).toEqual(['Low stock: First']);
    expect((await app.call('parts.get', { id: second.id })).part.isLow).toBe(false);
  });

  it('evaluates each part once in a bulk change', async () => {
    const { part, item } = await stockedPart({ minimum: '10', quantity: '20' });
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
    await app.call('stock.adjustMany', {
      changes: [
        { itemId: item.id, kind: 'remove', quantity: '15' }, // 5: low
        { itemId: item.id, kind: 'add', quantity: '10' }, // 15: fine again
        { itemId: item.id, kind: 'remove', quantity: '7' }, // 8: low
      ],
    });
    expect(await inbox(alice)).toHaveLength(1);
  });

  it('sends nothing to a deactivated user', async () => {
    const { part, item } = await stockedPart({ minimum: '10', quantity: '12' });
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, bob);
    app.core.db.$client.prepare('update users set active = 0 where id = ?').run(bob.userId);
    await app.call('stock.remove', { itemId: item.id, quantity: '5' });
    expect(app.core.db.$client.prepare('select count(*) from notifications').pluck().get()).toBe(0);
  });

  it('rolls the alert back with the change when the change fails', async () => {
    const { part, item } = await stockedPart({ minimum: '10', quantity: '12' });
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
    await expect(
      app.call('stock.adjustMany', {
        changes: [
          { itemId: item.id, kind: 'remove', quantity: '5' },
          { itemId: item.id, kind: 'remove', quantity: '50' },
        ],
      }),
    ).rejects.toThrow();
    expect(await inbox(alice)).toHaveLength(0);
    expect((await app.call('parts.get', { id: part.id })).part.isLow).toBe(false);
  });

  it('pushes the new notification only to its owner after commit', async () => {
    const { part, item } = await stockedPart({ minimum: '10', quantity: '12' });
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
    const seen: { event: string; audience: unknown; created?: number }[] = [];
    app.core.onEvent((event, payload, audience) => {
      seen.push({ event, audience, ...('created' in payload ? { created: payload.created.length } : {}) });
    });
    await app.call('stock.remove', { itemId: item.id, quantity: '5' });
    expect(seen).toContainEqual({ event: 'notifications.changed', audience: { userId: alice.userId }, created: 1 });
    expect(seen.some((entry) => entry.event === 'notifications.changed' && JSON.stringify(entry.audience).includes(String(bob.userId)))).toBe(false);
  });

  it('lists low parts in the user\'s subscriptions on the home page', async () => {
    const [top] = await categoryChain();
    const { item } = await stockedPart({ name: 'Covered', minimum: '10', quantity: '12', categoryId: top as number });
    const other = await stockedPart({ name: 'Elsewhere', minimum: '10', quantity: '12' });
    await app.call('subscriptions.subscribe', { kind: 'category', id: top as number }, alice);
    await app.call('stock.remove', { itemId: item.id, quantity: '5' });
    await app.call('stock.remove', { itemId: other.item.id, quantity: '5' });
    const low = await app.call('subscriptions.lowStock', {}, alice);
    expect(low.rows.map((row) => [row.name, row.via])).toEqual([['Covered', 'You are subscribed to Top.']]);
    const list = await app.call('subscriptions.list', {}, alice);
    expect(list.categories.map((category) => category.name)).toEqual(['Top']);
  });
});

describe('subscribing to something already low', () => {
  it('tells the subscriber once what the part is at, and nothing for a part that is fine', async () => {
    const { part: low } = await stockedPart({ name: 'Fuse 2A', minimum: '10', quantity: '4' });
    const { part: fine } = await stockedPart({ name: 'Fuse 5A', minimum: '10', quantity: '40' });
    await app.call('subscriptions.subscribe', { kind: 'part', id: fine.id }, alice);
    expect(await inbox(alice)).toEqual([]);
    await app.call('subscriptions.subscribe', { kind: 'part', id: low.id }, alice);
    await app.call('subscriptions.subscribe', { kind: 'part', id: low.id }, alice);
    const [notice, ...more] = await inbox(alice);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ kind: 'part.low_stock', title: 'Already low: Fuse 2A', reason: 'You subscribed to Fuse 2A.', link: `/parts/${low.id}` });
    expect(notice?.message).toMatch(/^Fuse 2A is at 4, below its minimum of 10\./);
    expect(await inbox(bob)).toEqual([]);
    // It is news once: the next crossing is the ordinary alert.
    expect(app.core.db.$client.prepare("select count(*) from mail_fanouts").pluck().get()).toBe(0);
  });

  it('sums up a category in one notice, leaving out what the person already heard about', async () => {
    const [top, l2] = await categoryChain();
    const template = await app.call('parts.create', { name: 'Screw', isTemplate: true, categoryId: top as number });
    await stockedPart({ name: 'Screw M3', minimum: '100', quantity: '10', variantOfId: template.id, categoryId: l2 as number });
    await stockedPart({ name: 'Washer', minimum: '50', quantity: '5', categoryId: l2 as number });
    const { part: nut } = await stockedPart({ name: 'Nut', minimum: '50', quantity: '1', categoryId: l2 as number });
    await stockedPart({ name: 'Spring', minimum: '5', quantity: '50', categoryId: l2 as number });
    await app.call('subscriptions.subscribe', { kind: 'part', id: nut.id }, alice);
    await app.call('notifications.markAllRead', {}, alice);

    await app.call('subscriptions.subscribe', { kind: 'category', id: top as number }, alice);
    const [summary, ...more] = await inbox(alice);
    expect(more).toEqual([]);
    // The template has no minimum, so it is never low; its variant is.
    expect(summary).toMatchObject({ title: '2 parts already low in Top', link: `/categories/${top}` });
    expect(summary?.message).toContain('Screw M3 (10 of 100)');
    expect(summary?.message).toContain('Washer (5 of 50)');
    expect(summary?.message).not.toContain('Nut');
    expect(summary?.message).not.toContain('Spring');
  });
});

describe('muting a part or category', () => {
  const DAY = 86_400_000;

  it('keeps every notice about a muted part from that person until the date, and only from them', async () => {
    const [top] = await categoryChain();
    const { part, item } = await stockedPart({ name: 'Relay', minimum: '10', quantity: '12', categoryId: top as number });
    await app.call('subscriptions.subscribe', { kind: 'category', id: top as number }, alice);
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, bob);
    const until = app.clock.now() + 2 * DAY;
    expect(await app.call('mutes.set', { target: { kind: 'category', id: top as number }, until }, alice)).toMatchObject({ muted: { until, untilRestocked: false, via: null } });
    const [onPart] = await app.call('mutes.status', { targets: [{ kind: 'part', id: part.id }] }, alice);
    expect(onPart?.muted).toMatchObject({ until, via: { kind: 'category', name: 'Top' } });

    await app.call('stock.remove', { itemId: item.id, quantity: '5' });
    await app.call('parts.update', { id: part.id, name: 'Relay', minimumStock: '10', isAssembly: true, categoryId: top as number });
    await app.call('builds.create', { assemblyId: part.id, quantity: '1' }, bob);
    expect(await inbox(alice)).toEqual([]);
    expect((await inbox(bob)).map((row) => row.title)).toEqual(['Low stock: Relay']);
    const listed = await app.call('subscriptions.list', {}, alice);
    expect(listed.categories[0]?.muted).toMatchObject({ until });

    // After the date it is heard again: the next crossing reaches Alice.
    await app.call('stock.add', { itemId: item.id, quantity: '10' });
    app.clock.advance(2 * DAY + 1);
    await app.call('stock.remove', { itemId: item.id, quantity: '10' });
    expect((await inbox(alice)).map((row) => row.title)).toEqual(['Low stock: Relay']);
    expect((await app.call('mutes.status', { targets: [{ kind: 'part', id: part.id }] }, alice))[0]?.muted).toBeNull();
  });

  it('mutes a low part until its stock is back, then ends by itself; refuses that for a part that is not low', async () => {
    const { part, item } = await stockedPart({ name: 'Diode', minimum: '10', quantity: '12' });
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
    const refused = await app.dispatch('mutes.set', { target: { kind: 'part', id: part.id }, untilRestocked: true }, alice);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { untilRestocked: expect.stringContaining('not low now') } } });
    await app.call('stock.remove', { itemId: item.id, quantity: '5' });
    await app.call('notifications.markAllRead', {}, alice);
    expect(await app.call('mutes.set', { target: { kind: 'part', id: part.id }, untilRestocked: true }, alice)).toMatchObject({ muted: { until: null, untilRestocked: true } });
    // Still low and falling: nothing (no new crossing anyway); restocked: the mute ends.
    await app.call('stock.add', { itemId: item.id, quantity: '20' });
    expect((await app.call('mutes.status', { targets: [{ kind: 'part', id: part.id }] }, alice))[0]?.muted).toBeNull();
    await app.call('stock.remove', { itemId: item.id, quantity: '20' });
    expect((await inbox(alice)).map((row) => row.title)).toEqual(['Low stock: Diode']);
  });

  it('leaves a muted part out of the "already low" notice, and refuses a date in the past', async () => {
    const [top] = await categoryChain();
    const { part: muted } = await stockedPart({ name: 'Cap', minimum: '10', quantity: '1', categoryId: top as number });
    await stockedPart({ name: 'Coil', minimum: '10', quantity: '1', categoryId: top as number });
    await app.call('mutes.set', { target: { kind: 'part', id: muted.id }, until: app.clock.now() + DAY }, alice);
    await app.call('subscriptions.subscribe', { kind: 'category', id: top as number }, alice);
    expect((await inbox(alice)).map((row) => row.title)).toEqual(['Already low: Coil']);
    expect(await app.dispatch('mutes.set', { target: { kind: 'part', id: muted.id }, until: app.clock.now() - 1 }, alice)).toMatchObject({ ok: false, error: { fields: { until: 'Choose a time in the future.' } } });
    expect(await app.call('mutes.clear', { target: { kind: 'part', id: muted.id } }, alice)).toMatchObject({ muted: null });
  });
});

describe('why a person would or would not hear about a part', () => {
  it('names every rule in the way, and what changes how they are told', async () => {
    const [top] = await categoryChain();
    const { part, item } = await stockedPart({ name: 'Valve', minimum: '10', quantity: '12', categoryId: top as number });
    const explain = () => app.call('subscriptions.explain', { partId: part.id }, alice);
    let answer = await explain();
    expect(answer.hears).toBe(false);
    expect(answer.lines[0]).toMatchObject({ kind: 'blocked', text: expect.stringContaining('You are not subscribed to Valve') });

    await app.call('subscriptions.subscribe', { kind: 'category', id: top as number }, alice);
    answer = await explain();
    expect(answer.hears).toBe(true);
    expect(answer.lines).toEqual([
      { kind: 'ok', text: 'You are subscribed to Top.' },
      { kind: 'note', text: 'No email: Notification email is switched off for this Stockbell.' },
    ]);

    await app.call('mutes.set', { target: { kind: 'category', id: top as number }, until: app.clock.now() + 86_400_000 }, alice);
    await app.call('stock.remove', { itemId: item.id, quantity: '5' });
    const prefs = await app.call('profile.get', {}, alice);
    await app.call('profile.savePreferences', { preferences: prefs.preferences.map(({ label: _label, ...entry }) => ({ ...entry, desktop: entry.kind !== 'part.low_stock' })) }, alice);
    await app.call('profile.setQuietHours', { quietHours: { start: '19:00', end: '07:30', weekends: true, timeZone: 'Europe/Berlin' } }, alice);
    answer = await explain();
    expect(answer.hears).toBe(false);
    expect(answer.lines.map((line) => line.kind)).toEqual(['ok', 'blocked', 'note', 'note', 'note', 'note']);
    expect(answer.lines[1]).toMatchObject({ text: 'You muted Top: nothing about it reaches you until the mute ends.', until: app.clock.now() + 86_400_000 });
    expect(answer.lines.map((line) => line.text).join('\n')).toMatch(/below its minimum now \(7 of 10\)[\s\S]*Desktop banners for low stock are off[\s\S]*No email: [\s\S]*From 19:00 to 07:30 and at weekends \(Europe\/Berlin\)/);

    await app.call('parts.update', { id: part.id, name: 'Valve', minimumStock: '0', categoryId: top as number, active: false });
    expect((await explain()).lines.filter((line) => line.kind === 'blocked').map((line) => line.text)).toEqual([
      'Valve is inactive: inactive parts never alert.',
      'Valve has no minimum stock, so it is never low. Set a minimum on the part to be told.',
      'You muted Top: nothing about it reaches you until the mute ends.',
    ]);
  });
});
