import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../dispatch/session';
import { MailWorker } from '../core/mail/mailWorker';
import { natsServerMissing, startNats, type LoopbackNats } from '../testing/natsServer';
import { startLoopbackSmtp } from '../testing/smtpServer';
import { openTestRuntime, type TestRuntime } from '../testing/runtime';
import { canonicalDump } from './canonicalDump';
import { foundTeam, joinTeam, type TeamHandle } from './teamMode';

// Two desktops (two cores, two data folders) sharing one inventory through a real NATS server.

const datasetFile = resolve(import.meta.dirname, '../../../shared/datasets/inventree-demo/inventree_data.json');
const missing = natsServerMissing();
if (missing) console.warn(`Skipping the team tests: ${missing}.`);

let nats: LoopbackNats;
const opened: { app: TestRuntime; team: TeamHandle | null }[] = [];
let teamNumber = 0;

beforeAll(async () => {
  if (!missing) nats = await startNats();
});
afterAll(async () => {
  await nats?.close();
});
afterEach(async () => {
  for (const desktop of opened.splice(0)) {
    // Every event of the log applied everywhere: one skipped would be a silent divergence in waiting.
    expect(desktop.team?.replica.skippedEvents() ?? 0).toBe(0);
    await desktop.team?.stop();
    desktop.app.close();
  }
});

async function settled(...teams: TeamHandle[]): Promise<void> {
  for (let round = 0; round < 3; round += 1) {
    for (const team of teams) {
      const end = Date.now() + 10_000;
      while (!team.sync()) {
        if (Date.now() > end) throw new Error('never connected');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      // Generous: CI runs this beside other suites on two cores, and a publish cut by a restart waits out its time-out.
      await team.sync()?.settled(30_000);
    }
  }
  // Every desktop has applied the whole log: compare positions until they agree.
  const end = Date.now() + 10_000;
  while (new Set(teams.map((team) => team.replica.position())).size > 1) {
    if (Date.now() > end) throw new Error('positions never agreed');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function twoDesktops(): Promise<{ a: TestRuntime; b: TestRuntime; teamA: TeamHandle; teamB: TeamHandle }> {
  teamNumber += 1;
  const address = { servers: nats.url, team: `t${teamNumber}` };
  const a = await openTestRuntime();
  const teamA = await foundTeam(a.core, address, 'desktop A');
  opened.push({ app: a, team: teamA });
  const b = await openTestRuntime();
  const entry: { app: TestRuntime; team: TeamHandle | null } = { app: b, team: null };
  opened.push(entry);
  const teamB = await joinTeam(b.core, address, 'desktop B');
  entry.team = teamB;
  // The joiner's people are the team's: its test session is the founder's administrator again.
  b.session = { ...b.session, generation: b.core.sessionGeneration };
  return { a, b, teamA, teamB };
}

describe.skipIf(missing !== null)('a team of desktops on NATS JetStream', () => {
  it('starts the joiner from the founder\'s inventory and shares changes both ways', async () => {
    const a = await openTestRuntime();
    const shelf = await a.call('locations.create', { name: 'Shelf' });
    const part = await a.call('parts.create', { name: 'Resistor', minimumStock: '10' });
    await a.call('stock.create', { partId: part.id, locationId: shelf.id, quantity: '20' });
    teamNumber += 1;
    const address = { servers: nats.url, team: `t${teamNumber}` };
    const teamA = await foundTeam(a.core, address, 'desktop A');
    opened.push({ app: a, team: teamA });
    const b = await openTestRuntime();
    const entry: { app: TestRuntime; team: TeamHandle | null } = { app: b, team: null };
    opened.push(entry);
    const teamB = await joinTeam(b.core, address, 'desktop B');
    entry.team = teamB;
    b.session = { ...b.session, generation: b.core.sessionGeneration };

    expect((await b.call('parts.get', { id: part.id })).part.stockTotal).toBe('20');
    const onB = await b.call('parts.create', { name: 'Capacitor' });
    await a.call('categories.create', { name: 'From A' });
    await settled(teamA, teamB);
    expect((await a.call('parts.list', {})).rows.map((row) => row.name).sort()).toEqual(['Capacitor', 'Resistor']);
    expect((await b.call('categories.list', {})).map((category) => category.name)).toEqual(['From A']);
    // Made on B, numbered in B's own range: never the number A would give.
    expect(onB.id).toBeGreaterThanOrEqual(2 ** 32);
    expect(canonicalDump(a.core)).toEqual(canonicalDump(b.core));
  });

  it('adds up removals made at the same time, and alerts each subscriber once for the merged crossing', async () => {
    const { a, b, teamA, teamB } = await twoDesktops();
    const alice = await a.signIn('Alice');
    const shelf = await a.call('locations.create', { name: 'Shelf' });
    const part = await a.call('parts.create', { name: 'Fuse', minimumStock: '10' });
    const item = await a.call('stock.create', { partId: part.id, locationId: shelf.id, quantity: '12' });
    await a.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
    await settled(teamA, teamB);

    // Each desktop takes 2: each alone would see 12 -> 10 (not low); merged it is 8.
    await Promise.all([a.call('stock.remove', { itemId: item.id, quantity: '2' }), b.call('stock.remove', { itemId: item.id, quantity: '2' })]);
    await settled(teamA, teamB);
    for (const desktop of [a, b]) {
      expect((await desktop.call('parts.get', { id: part.id })).part.stockTotal).toBe('8');
      const aliceHere: Session = { ...alice, generation: desktop.core.sessionGeneration };
      const inbox = await desktop.call('notifications.list', { state: 'unread' }, aliceHere);
      expect(inbox.rows.map((row) => row.title)).toEqual(['Low stock: Fuse']);
    }
    expect(canonicalDump(a.core)).toEqual(canonicalDump(b.core));

    // Reading it on one desktop reads it on the other.
    const aliceOnB: Session = { ...alice, generation: b.core.sessionGeneration };
    const [notification] = (await b.call('notifications.list', { state: 'unread' }, aliceOnB)).rows;
    await b.call('notifications.markRead', { ids: [notification?.id as number] }, aliceOnB);
    await settled(teamA, teamB);
    expect((await a.call('notifications.unreadCount', {}, alice)).count).toBe(0);
    expect(canonicalDump(a.core)).toEqual(canonicalDump(b.core));
  });

  it('sends each email once for the whole team, whichever desktops have it queued', async () => {
    const { a, b, teamA, teamB } = await twoDesktops();
    const smtp = await startLoopbackSmtp();
    const workers: MailWorker[] = [];
    try {
      for (const [desktop, team] of [[a, teamA], [b, teamB]] as const) {
        // Each desktop has its own mail server settings (its password is sealed by its own keychain).
        await desktop.call('settings.email.update', { enabled: true, host: '127.0.0.1', port: smtp.port, security: 'none', username: '', password: null, sender: 'stock@team.test', instanceName: 'Team' });
        const worker = new MailWorker(desktop.core, desktop.secrets, { claims: () => team.claims });
        worker.start();
        workers.push(worker);
      }
      const people = [await a.signIn('Ann'), await a.signIn('Ben')];
      const shelf = await a.call('locations.create', { name: 'Shelf' });
      const part = await a.call('parts.create', { name: 'Relay', minimumStock: '10' });
      const item = await a.call('stock.create', { partId: part.id, locationId: shelf.id, quantity: '12' });
      for (const person of people) await a.call('subscriptions.subscribe', { kind: 'part', id: part.id }, person);
      await settled(teamA, teamB);
      await b.call('stock.remove', { itemId: item.id, quantity: '5' });
      await settled(teamA, teamB);
      for (let round = 0; round < 3; round += 1) {
        for (const worker of workers) {
          worker.wake();
          await worker.idle();
        }
      }
      expect(smtp.received.map((mail) => mail.envelopeTo.join()).sort()).toEqual(['ann@example.test', 'ben@example.test']);
    } finally {
      for (const worker of workers) await worker.stop();
      await smtp.stop();
    }
  });

  it('keeps working while the server is down, and converges when it is back', async () => {
    const { a, b, teamA, teamB } = await twoDesktops();
    const shelf = await a.call('locations.create', { name: 'Shelf' });
    const part = await a.call('parts.create', { name: 'Washer', minimumStock: '0' });
    const item = await a.call('stock.create', { partId: part.id, locationId: shelf.id, quantity: '10' });
    await settled(teamA, teamB);

    await nats.stop();
    // Both desktops go on working, each on its own, with conflicting edits of the same part.
    await a.call('stock.remove', { itemId: item.id, quantity: '7' });
    await b.call('stock.remove', { itemId: item.id, quantity: '6' });
    await a.call('parts.update', { id: part.id, name: 'Washer M3 (from A)', minimumStock: '0' });
    await b.call('parts.update', { id: part.id, name: 'Washer M3 (from B)', minimumStock: '0' });
    await b.call('categories.create', { name: 'Made offline on B' });
    expect(teamA.replica.waiting().length).toBeGreaterThan(0);
    expect(teamB.replica.waiting().length).toBeGreaterThan(0);

    await nats.start();
    await settled(teamA, teamB);
    expect(canonicalDump(a.core)).toEqual(canonicalDump(b.core));
    // Every removal counted: 10 - 7 - 6 is below zero, a fact to recount, not an error.
    const merged = await a.call('parts.get', { id: part.id });
    expect(merged.part.stockTotal).toBe('-3');
    expect((await a.call('stock.list', { partId: part.id })).rows[0]?.recount).toBe(true);
    expect(a.core.db.$client.prepare('select sum(delta) from stock_movements where item_id = ?').pluck().get(item.id)).toBe(-300_000);
    expect(['Washer M3 (from A)', 'Washer M3 (from B)']).toContain(merged.part.name);
    expect((await a.call('categories.list', {})).map((category) => category.name)).toContain('Made offline on B');
    // Counting the shelf settles it, on every desktop.
    await b.call('stock.count', { itemId: item.id, quantity: '2' });
    await settled(teamA, teamB);
    for (const desktop of [a, b]) expect((await desktop.call('stock.list', { partId: part.id })).rows[0]).toMatchObject({ quantity: '2', recount: false });
  }, 120_000);

  it('numbers an InvenTree import in the importing desktop\'s own range, so the team\'s other desktops never collide with it', async () => {
    const { a, b, teamA, teamB } = await twoDesktops();
    await a.call('parts.create', { name: 'Made on A first' });
    await settled(teamA, teamB);
    const outcome = await b.call('import.inventree', { content: readFileSync(datasetFile, 'utf8'), allowNonEmpty: true, allowProblems: true });
    expect(outcome).toMatchObject({ outcome: 'imported' });
    expect(outcome.summary.imported.parts).toBeGreaterThan(100);
    // A CSV naming a category path that does not exist yet makes it, in B's range too.
    await b.call('import.csv.apply', { kind: 'parts', content: 'name,category,minimum_stock\nFrom CSV,Made by CSV/Deeper,0' });
    // Meanwhile A goes on numbering its own new rows.
    await a.call('parts.create', { name: 'Made on A after' });
    await a.call('categories.create', { name: 'Made on A after' });
    await a.call('locations.create', { name: 'Made on A after' });
    await settled(teamA, teamB);
    expect(canonicalDump(a.core)).toEqual(canonicalDump(b.core));
    const client = a.core.db.$client;
    expect(client.prepare('select count(*) from parts where id < ? and name not like ?').pluck().get(2 ** 32, 'Made on A%')).toBe(0);
    expect(client.prepare('select count(*) from parts where name like ?').pluck().get('Made on A%')).toBe(2);
    expect(client.prepare('select count(*) from part_categories where id < ? and name not like ?').pluck().get(2 ** 32, 'Made on A%')).toBe(0);
    expect(client.prepare('select count(*) from stock_locations where id < ? and name not like ?').pluck().get(2 ** 32, 'Made on A%')).toBe(0);
  }, 120_000);

  it('tells the person whose edit a teammate replaced without having seen it, and nobody else', async () => {
    const { a, b, teamA, teamB } = await twoDesktops();
    const alice = await a.signIn('Alice');
    const bob = await a.signIn('Bob');
    const part = await a.call('parts.create', { name: 'Spacer', minimumStock: '0' });
    await settled(teamA, teamB);
    const on = (desktop: TestRuntime, person: Session): Session => ({ ...person, generation: desktop.core.sessionGeneration });
    const replacedNotices = async (desktop: TestRuntime, person: Session) =>
      (await desktop.call('notifications.list', { state: 'unread', kind: 'team.overwritten' }, on(desktop, person))).rows;

    // One after the other, each having seen the last: no one is told.
    await a.call('parts.update', { id: part.id, name: 'Spacer M3', minimumStock: '0' }, alice);
    await settled(teamA, teamB);
    await b.call('parts.update', { id: part.id, name: 'Spacer M3 x 10', minimumStock: '0' }, on(b, bob));
    await settled(teamA, teamB);
    // At the same time, different fields: both kept, no one is told.
    await nats.stop();
    await a.call('parts.update', { id: part.id, name: 'Spacer M3 x 10', description: 'Nylon', minimumStock: '0' }, alice);
    await b.call('parts.update', { id: part.id, name: 'Spacer M3 x 10', minimumStock: '5' }, on(b, bob));
    await nats.start();
    await settled(teamA, teamB);
    expect((await a.call('parts.get', { id: part.id })).part).toMatchObject({ description: 'Nylon', minimumStock: '5' });
    for (const desktop of [a, b]) for (const person of [alice, bob]) expect(await replacedNotices(desktop, person)).toEqual([]);

    // At the same time, the same field: the log's later one is kept, and the other's author is told, on every desktop.
    await nats.stop();
    await a.call('parts.update', { id: part.id, name: 'Spacer (Alice)', description: 'Nylon', minimumStock: '5' }, alice);
    await b.call('parts.update', { id: part.id, name: 'Spacer (Bob)', description: 'Nylon', minimumStock: '5' }, on(b, bob));
    await nats.start();
    await settled(teamA, teamB);
    const kept = (await a.call('parts.get', { id: part.id })).part.name;
    const [winner, loser, lostName] = kept === 'Spacer (Alice)' ? [alice, bob, 'Spacer (Bob)'] : [bob, alice, 'Spacer (Alice)'];
    for (const desktop of [a, b]) {
      expect(await replacedNotices(desktop, winner)).toEqual([]);
      const notices = await replacedNotices(desktop, loser);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ title: `Your change was replaced: ${kept}`, link: `/parts/${part.id}` });
      expect(notices[0]?.message).toContain(`name "${kept}" instead of your "${lostName}"`);
    }
    expect(canonicalDump(a.core)).toEqual(canonicalDump(b.core));
  }, 120_000);

  it('tells the person whose deletion a teammate\'s unseen change kept back or undid, whichever came first', async () => {
    const { a, b, teamA, teamB } = await twoDesktops();
    const alice = await a.signIn('Alice');
    const bob = await a.signIn('Bob');
    const old = await a.call('categories.create', { name: 'Old drawers' });
    await settled(teamA, teamB);
    const on = (desktop: TestRuntime, person: Session): Session => ({ ...person, generation: desktop.core.sessionGeneration });

    await nats.stop();
    await a.call('categories.delete', { id: old.id }, alice);
    await b.call('parts.create', { name: 'Hinge', categoryId: old.id }, on(b, bob));
    await nats.start();
    await settled(teamA, teamB);

    // Whichever reached the team first, the part keeps its category, and Alice hears why once.
    for (const desktop of [a, b]) {
      expect((await desktop.call('categories.list', {})).map((category) => category.name)).toEqual(['Old drawers']);
      const notices = (await desktop.call('notifications.list', { state: 'unread', kind: 'team.overwritten' }, on(desktop, alice))).rows;
      expect(notices.map((notice) => notice.title)).toHaveLength(1);
      expect(notices[0]?.title).toMatch(/^(Not deleted|Brought back): Old drawers$/);
      expect(notices[0]?.link).toBe(`/categories/${old.id}`);
      expect((await desktop.call('notifications.list', { state: 'unread', kind: 'team.overwritten' }, on(desktop, bob))).rows).toEqual([]);
    }
    expect(canonicalDump(a.core)).toEqual(canonicalDump(b.core));
  }, 120_000);

  it('carries a bulk change too large for one message through the object store', async () => {
    const { a, b, teamA, teamB } = await twoDesktops();
    const shelf = await a.call('locations.create', { name: 'Bulk shelf' });
    const lines = Array.from({ length: 5000 }, (_, index) => `Bulk part ${index},,0`);
    await a.call('import.csv.apply', { kind: 'parts', content: ['name,category,minimum_stock', ...lines].join('\n') });
    // One event, far over a message's size.
    expect(JSON.stringify(teamA.replica.waiting().at(-1)?.event).length).toBeGreaterThan(1024 * 1024);
    await a.call('import.csv.apply', { kind: 'stock', content: ['part,location,quantity', ...lines.map((line) => `${line.split(',')[0]},Bulk shelf,5`)].join('\n') });
    const items = await a.call('stock.list', { locationId: shelf.id, limit: 500 });
    await a.call('stock.adjustMany', { changes: items.rows.map((item) => ({ itemId: item.id, kind: 'remove' as const, quantity: '1' })) });
    await settled(teamA, teamB);
    expect((await b.call('stock.list', { locationId: shelf.id, limit: 1 })).total).toBe(5000);
    expect(canonicalDump(a.core)).toEqual(canonicalDump(b.core));
  }, 60_000);

  it('is founded, joined and shown through the contract, as Settings > Team does it', async () => {
    teamNumber += 1;
    const team = `t${teamNumber}`;
    const a = await openTestRuntime();
    opened.push({ app: a, team: null });
    const b = await openTestRuntime();
    opened.push({ app: b, team: null });
    try {
      expect((await a.call('team.status', {})).membership).toBeNull();
      const founded = await a.call('team.found', { servers: nats.url, team, desktop: 'Workbench' });
      expect(founded.membership).toMatchObject({ team, desktop: 'Workbench', replica: 0 });
      const joined = await b.call('team.join', { servers: nats.url, team, desktop: 'Stores' });
      expect(joined.membership).toMatchObject({ team, desktop: 'Stores', replica: 1 });
      const refused = await b.dispatch('team.join', { servers: nats.url, team, desktop: 'Again' }, { ...b.session, generation: b.core.sessionGeneration });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const end = Date.now() + 10_000;
      let status = await a.call('team.status', {});
      while (status.desktops.length < 2 || status.sync?.kind !== 'up-to-date') {
        if (Date.now() > end) throw new Error(`status never settled: ${JSON.stringify(status)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = await a.call('team.status', {});
      }
      expect(status.desktops.map((desktop) => desktop.desktop)).toEqual(['Workbench', 'Stores']);
      expect(status.skippedEvents).toBe(0);

      // With the server away, the status answers at once (offline, the desktops it last knew), and
      // what is done meanwhile is listed as waiting, in words.
      await nats.stop();
      try {
        const offlineBy = Date.now() + 10_000;
        for (;;) {
          const asked = Date.now();
          status = await a.call('team.status', {});
          expect(Date.now() - asked).toBeLessThan(1_000);
          if (status.sync?.kind === 'offline') break;
          if (Date.now() > offlineBy) throw new Error(`never offline: ${JSON.stringify(status)}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(status.desktops.map((desktop) => desktop.desktop)).toEqual(['Workbench', 'Stores']);
        const shelf = await a.call('locations.create', { name: 'Offline shelf' });
        const part = await a.call('parts.create', { name: 'Offline part' });
        const item = await a.call('stock.create', { partId: part.id, locationId: shelf.id, quantity: '4' });
        await a.call('stock.remove', { itemId: item.id, quantity: '1.5' });
        const waiting = await a.call('team.waiting', { limit: 3 });
        expect(waiting.total).toBe(4);
        expect(waiting.rows.map((row) => row.summary)).toEqual(['Removed 1.5 of Offline part', 'Added 4 of Offline part', 'New part Offline part']);
        expect(waiting.rows[0]?.author).toBe('Test Person');
      } finally {
        await nats.start();
      }
      const bSession = { ...b.session, generation: b.core.sessionGeneration };
      expect((await b.call('team.leave', {}, bSession)).membership).toBeNull();
    } finally {
      await a.team.stop();
      await b.team.stop();
    }
  }, 60_000);

  it('lets a desktop that joins later start from a recent snapshot, not the beginning of the log', async () => {
    process.env.STOCKBELL_SNAPSHOT_EVERY = '5';
    try {
      const { a, teamA, teamB } = await twoDesktops();
      for (let index = 0; index < 12; index += 1) await a.call('locations.create', { name: `Bin ${index}` });
      await settled(teamA, teamB);
      // Desktops write snapshots in the background; wait for one past the first events.
      const c = await openTestRuntime();
      const entry: { app: TestRuntime; team: TeamHandle | null } = { app: c, team: null };
      opened.push(entry);
      const end = Date.now() + 15_000;
      let teamC: TeamHandle | null = null;
      for (;;) {
        teamC = await joinTeam(c.core, { servers: nats.url, team: `t${teamNumber}` }, 'desktop C');
        if (teamC.replica.position() >= 10 || Date.now() > end) break;
        await teamC.stop();
        c.core.write(null, (ctx) => ctx.db.$client.prepare("delete from settings where key like 'team.%'").run());
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      entry.team = teamC;
      expect(teamC.replica.position()).toBeGreaterThanOrEqual(10);
      await settled(teamA, teamC);
      expect(canonicalDump(c.core)).toEqual(canonicalDump(a.core));
    } finally {
      delete process.env.STOCKBELL_SNAPSHOT_EVERY;
    }
  }, 60_000);
});
