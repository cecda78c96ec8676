import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { natsServerMissing, startNatsCluster, type LoopbackCluster } from '../testing/natsServer';
import { openTestRuntime, type TestRuntime } from '../testing/runtime';
import { canonicalDump } from './canonicalDump';
import { foundTeam, joinTeam, type TeamHandle } from './teamMode';

// The team's log on a three-node JetStream cluster, kept on all three: one node stops, and the
// desktops go on sharing their changes through the other two.

const missing = natsServerMissing();
let cluster: LoopbackCluster;
const desktops: { app: TestRuntime; team: TeamHandle }[] = [];

beforeAll(async () => {
  if (!missing) cluster = await startNatsCluster(3);
}, 60_000);
afterAll(async () => {
  for (const desktop of desktops) {
    await desktop.team.stop();
    desktop.app.close();
  }
  await cluster?.close();
});

async function retrying<T>(work: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      // A cluster that has just started elects its JetStream leader first.
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function agree(a: TeamHandle, b: TeamHandle): Promise<void> {
  const end = Date.now() + 30_000;
  for (;;) {
    const settled = a.replica.waitingCount() === 0 && b.replica.waitingCount() === 0 && a.replica.position() === b.replica.position() && a.replica.position() > 0;
    if (settled) return;
    if (Date.now() > end) throw new Error('The desktops did not agree in time.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(missing !== null)('a team on a three-node JetStream cluster', () => {
  it('keeps working with one node stopped', async () => {
    const address = { servers: cluster.servers, team: 'clustered' };
    const a = await openTestRuntime();
    const teamA = await retrying(() => foundTeam(a.core, address, 'A'));
    desktops.push({ app: a, team: teamA });
    const b = await openTestRuntime();
    const teamB = await retrying(() => joinTeam(b.core, address, 'B'));
    desktops.push({ app: b, team: teamB });
    b.session = { ...b.session, generation: b.core.sessionGeneration };

    const shelf = await a.call('locations.create', { name: 'Shelf' });
    await agree(teamA, teamB);
    await cluster.nodes[0]?.stop();
    const part = await b.call('parts.create', { name: 'Made while a node is down' });
    await agree(teamA, teamB);
    await a.call('stock.create', { partId: part.id, locationId: shelf.id, quantity: '4' });
    await agree(teamA, teamB);
    expect((await b.call('parts.get', { id: part.id })).part.stockTotal).toBe('4');
    expect(canonicalDump(a.core)).toEqual(canonicalDump(b.core));
  }, 120_000);
});
