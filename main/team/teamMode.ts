import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../core/core';
import type { KV } from '@nats-io/kv';
import type { MailClaims } from '../core/mail/mailClaims';
import { kvMailClaims } from './kvMailClaims';
import { TeamReplica } from './replica';
import { loadSnapshot, writeSnapshot } from './snapshot';
import { TeamLog, type TeamAddress } from './teamLog';
import { teamState, type TeamMembership } from './teamState';
import { TeamSync } from './teamSync';

// Founding a team, joining one, and resuming after a restart: a desktop's way into team mode.

export interface TeamHandle {
  replica: TeamReplica;
  /** Null while the server has not been reached since this desktop started. */
  sync(): TeamSync | null;
  membership: TeamMembership;
  /** For the mail worker: which desktop sends each email (only while the server is reachable). */
  claims: MailClaims;
  /** The team's key-value bucket, while the server is reachable. */
  kv(): KV | null;
  stop(): Promise<void>;
}

const HEARTBEAT_MS = 30_000;

function scratchFile(): { file: string; done: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'stockbell-snapshot-'));
  return { file: join(folder, 'inventory.db'), done: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * The replica captures this desktop's changes from now on, whether or not the server answers; the
 * log is reached when it can be (`connect` resolves once, then the connection reconnects by itself).
 */
function run(core: Core, membership: TeamMembership, connect: () => Promise<TeamLog>): TeamHandle {
  const replica = new TeamReplica(core, membership.replica);
  let sync: TeamSync | null = null;
  let log: TeamLog | null = null;
  let stopped = false;
  const reach = async () => {
    for (let wait = 500; !stopped; wait = Math.min(wait * 2, 15_000)) {
      try {
        const reached = await connect();
        if (stopped) return void (await reached.close());
        log = reached;
        sync = new TeamSync(replica, reached);
        sync.start();
        heartbeat();
        return;
      } catch (error) {
        console.warn(`The team server is not reachable yet (${(error as Error).message}); this desktop keeps working and tries again.`);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  };
  // Each desktop says it is there now and then; Settings > Team lists them with when each was last seen.
  const heartbeat = () => {
    if (log && !log.connection.isClosed()) void log.kv.put(`desktop.${membership.replica}`, JSON.stringify({ desktop: membership.desktop, at: Date.now() })).catch(() => undefined);
  };
  const beat = setInterval(heartbeat, HEARTBEAT_MS);
  beat.unref();
  const reaching = reach();
  return {
    replica,
    sync: () => sync,
    membership,
    claims: kvMailClaims(() => (log && !log.connection.isClosed() ? log.kv : null), membership.replica),
    kv: () => (log && !log.connection.isClosed() ? log.kv : null),
    async stop() {
      stopped = true;
      clearInterval(beat);
      await reaching;
      await sync?.stop();
      replica.stop();
    },
  };
}

/** This desktop's inventory becomes the team's first snapshot, and the desktop its replica 0. */
export async function foundTeam(core: Core, address: TeamAddress, desktop: string): Promise<TeamHandle> {
  // Given several servers (a cluster), the log is kept on three of them, so one can fail.
  const log = await TeamLog.open(address, { replicas: Math.min(3, address.servers.split(',').length) });
  try {
    const head = await log.head();
    if (head > 0) throw new Error(`The team "${address.team}" already has a log on this server: join it instead.`);
    await log.claimFounder(desktop);
    const snapshot = scratchFile();
    try {
      writeSnapshot(core, snapshot.file);
      await log.putSnapshot(snapshot.file, 0);
    } finally {
      snapshot.done();
    }
    const membership: TeamMembership = { servers: address.servers, team: address.team, replica: 0, desktop, ...(address.user ? { user: address.user } : {}) };
    core.write(null, (ctx) => {
      teamState.setMembership(ctx, membership);
      teamState.setPosition(ctx, 0);
    });
    return run(core, membership, () => Promise.resolve(log));
  } catch (error) {
    await log.close();
    throw error;
  }
}

/** This desktop takes a replica number and the team's newest snapshot in place of its own inventory. */
export async function joinTeam(core: Core, address: TeamAddress, desktop: string): Promise<TeamHandle> {
  const log = await TeamLog.open(address);
  try {
    const snapshot = scratchFile();
    try {
      const seq = await log.getSnapshot(snapshot.file);
      if (seq === null) throw new Error(`The team "${address.team}" has no inventory yet: found it from the desktop that has one.`);
      const replica = await log.claimReplica(desktop);
      loadSnapshot(core, snapshot.file, seq);
      const membership: TeamMembership = { servers: address.servers, team: address.team, replica, desktop, ...(address.user ? { user: address.user } : {}) };
      core.write(null, (ctx) => teamState.setMembership(ctx, membership));
      return run(core, membership, () => Promise.resolve(log));
    } finally {
      snapshot.done();
    }
  } catch (error) {
    await log.close();
    throw error;
  }
}

/** After a restart: back into the team this desktop belongs to, if any, from where it stopped. */
export function resumeTeam(core: Core, pass?: string): TeamHandle | null {
  const membership = core.read((ctx) => teamState.membership(ctx));
  if (!membership) return null;
  return run(core, membership, () =>
    TeamLog.open({ servers: membership.servers, team: membership.team, ...(membership.user ? { user: membership.user, pass: pass ?? '' } : {}) }),
  );
}
