import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../dispatch/session';
import { openTestRuntime, type TestRuntime } from '../../testing/runtime';

// Group subscriptions on a real database: who a group's subscription reaches, what each member is
// told and why, leaving one for oneself, and what only an administrator may do.

let app: TestRuntime;
let alice: Session;
let bob: Session;
let carol: Session;
let bin: { id: number };

beforeEach(async () => {
  app = await openTestRuntime();
  alice = await app.signIn('Alice');
  bob = await app.signIn('Bob');
  carol = await app.signIn('Carol');
  bin = await app.call('locations.create', { name: 'Bin' });
});
afterEach(() => app.close());

async function stockedPart(name: string, minimum: string, quantity: string, categoryId: number | null = null) {
  const part = await app.call('parts.create', { name, minimumStock: minimum, categoryId });
  const item = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity });
  return { part, item };
}

async function inbox(session: Session) {
  return (await app.call('notifications.list', { state: 'unread' }, session)).rows;
}

function userIdOf(session: Session): number {
  if (session.userId === null) throw new Error('signed in without a user');
  return session.userId;
}

async function purchasing(...members: Session[]) {
  const group = await app.call('groups.create', { name: 'Purchasing', description: 'Orders parts' });
  for (const member of members) await app.call('groups.setMember', { groupId: group.id, userId: userIdOf(member), member: true });
  return group;
}

describe('group subscriptions', () => {
  it('tells every member of a group subscribed to a category once, "via group", and nobody else', async () => {
    const passives = await app.call('categories.create', { name: 'Passives' });
    const { part, item } = await stockedPart('R 10k', '10', '12', passives.id);
    const group = await purchasing(alice, bob);
    await app.call('groups.subscribe', { groupId: group.id, target: { kind: 'category', id: passives.id } });
    // Bob also follows the part himself: told once, for his own reason, which is nearer.
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, bob);

    await app.call('stock.remove', { itemId: item.id, quantity: '3' });
    const [forAlice, ...moreForAlice] = await inbox(alice);
    expect(moreForAlice).toEqual([]);
    expect(forAlice).toMatchObject({ title: 'Low stock: R 10k', reason: 'Your group Purchasing is subscribed to Passives.' });
    const forBob = await inbox(bob);
    expect(forBob.map((notice) => notice.reason)).toEqual(['You are subscribed to this part.']);
    expect(await inbox(carol)).toEqual([]);

    const why = await app.call('notifications.why', { id: forAlice?.id ?? 0 }, alice);
    expect(why.coverageNow).toBe('Still true: Your group Purchasing is subscribed to Passives.');
    const [status] = await app.call('subscriptions.status', { targets: [{ kind: 'part', id: part.id }] }, alice);
    expect(status).toEqual({ target: { kind: 'part', id: part.id }, direct: false, via: { kind: 'category', id: passives.id, name: 'Passives', group: { id: group.id, name: 'Purchasing' } } });
  });

  it('lets a member leave one of the group\'s subscriptions for themselves, and take it back', async () => {
    const { part, item } = await stockedPart('Fuse 2A', '5', '6');
    const group = await purchasing(alice, bob);
    await app.call('groups.subscribe', { groupId: group.id, target: { kind: 'part', id: part.id } });
    const [left] = (await app.call('groups.leaveSubscription', { groupId: group.id, target: { kind: 'part', id: part.id }, left: true }, alice)).subscriptions;
    expect(left).toMatchObject({ name: 'Fuse 2A', left: true });
    const explained = await app.call('subscriptions.explain', { partId: part.id }, alice);
    expect(explained.hears).toBe(false);

    await app.call('stock.remove', { itemId: item.id, quantity: '2' });
    expect(await inbox(alice)).toEqual([]);
    expect((await inbox(bob)).map((notice) => notice.reason)).toEqual(['Your group Purchasing is subscribed to this part.']);

    await app.call('stock.add', { itemId: item.id, quantity: '10' });
    await app.call('groups.leaveSubscription', { groupId: group.id, target: { kind: 'part', id: part.id }, left: false }, alice);
    expect((await app.call('subscriptions.explain', { partId: part.id }, alice)).lines[0]).toEqual({ kind: 'ok', text: 'Your group Purchasing is subscribed to Fuse 2A.' });
    await app.call('stock.remove', { itemId: item.id, quantity: '12' });
    expect((await inbox(alice)).map((notice) => notice.title)).toEqual(['Low stock: Fuse 2A']);
  });

  it('stops telling a person taken out of the group, or any member once the group is deleted', async () => {
    const { part, item } = await stockedPart('Relay', '4', '5');
    const group = await purchasing(alice, bob);
    await app.call('groups.subscribe', { groupId: group.id, target: { kind: 'part', id: part.id } });
    await app.call('groups.setMember', { groupId: group.id, userId: userIdOf(alice), member: false });
    await app.call('stock.remove', { itemId: item.id, quantity: '2' });
    expect(await inbox(alice)).toEqual([]);
    expect(await inbox(bob)).toHaveLength(1);

    await app.call('stock.add', { itemId: item.id, quantity: '5' });
    await app.call('groups.delete', { id: group.id });
    await app.call('stock.remove', { itemId: item.id, quantity: '5' });
    expect(await inbox(bob)).toHaveLength(1);
    expect(await app.call('groups.mine', {}, bob)).toEqual([]);
  });

  it('tells each member, once, what the group\'s new subscription covers that is already low', async () => {
    const passives = await app.call('categories.create', { name: 'Passives' });
    await stockedPart('C 100n', '10', '2', passives.id);
    await stockedPart('C 1u', '10', '3', passives.id);
    const group = await purchasing(alice, bob);
    // Bob hears about Passives already: he is told nothing new.
    await app.call('subscriptions.subscribe', { kind: 'category', id: passives.id }, bob);
    const bobBefore = (await inbox(bob)).length;

    await app.call('groups.subscribe', { groupId: group.id, target: { kind: 'category', id: passives.id } });
    const [notice, ...more] = await inbox(alice);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ title: '2 parts already low in Passives', reason: 'Your group Purchasing subscribed to Passives.' });
    expect(notice?.message).toContain('your group Purchasing just subscribed to Passives');
    expect(await inbox(bob)).toHaveLength(bobBefore);
    expect(await inbox(carol)).toEqual([]);
  });

  it('shows members their groups on the home page, and refuses a member managing groups', async () => {
    const passives = await app.call('categories.create', { name: 'Passives' });
    const group = await purchasing(alice);
    await app.call('groups.subscribe', { groupId: group.id, target: { kind: 'category', id: passives.id } });
    expect(await app.call('groups.mine', {}, alice)).toEqual([
      { id: group.id, name: 'Purchasing', description: 'Orders parts', subscriptions: [{ target: { kind: 'category', id: passives.id }, name: 'Passives', path: [], left: false }] },
    ]);
    await expect(app.call('groups.create', { name: 'Lab B' }, alice)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.call('groups.subscribe', { groupId: group.id, target: { kind: 'part', id: 1 } }, alice)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(app.call('groups.leaveSubscription', { groupId: group.id, target: { kind: 'category', id: passives.id }, left: true }, carol)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses a second group of the same name, whatever its case, and writes nothing', async () => {
    await purchasing();
    await expect(app.call('groups.create', { name: 'purchasing' })).rejects.toMatchObject({ code: 'CONFLICT', fields: { name: 'A group named purchasing already exists.' } });
    expect((await app.call('groups.list', {})).map((group) => group.name)).toEqual(['Purchasing']);
  });
});
