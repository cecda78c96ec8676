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
  /** Why the server does not take this desktop now (its credentials were refused), or null. */
  refusal(): string | null;
  stop(): Promise<void>;
}

const HEARTBEAT_MS = 30_000;

function scratchFile(): { file: string; done: () => void } {
  const folder = mkdtempSync(join(tmpdir(), 'stockbell-snapshot-'));
  return { file: join(folder, 'inventory.db'), done: () => rmSync(folder, { recursive: true, force: true }) };
}

/** The server's words when it will not take these credentials (a desktop removed from the team). */
function isRefusal(message: string): boolean {
  return /authori[sz]ation|authentication|permissions? violation|user.*(revoked|expired)/i.test(message);
}

/**
 * The replica captures this desktop's changes from now on, whether or not the server answers; the
 * log is reached when it can be. A connection reconnects by itself through outages; one the server
 * closes for good (it no longer takes this desktop's credentials) is given up, and the desktop keeps
 * asking now and then, so an administrator who lets it back in does not have to touch it.
 */
function run(core: Core, membership: TeamMembership, open: () => Promise<TeamLog>, first: TeamLog | null = null): TeamHandle {
  const replica = new TeamReplica(core, membership.replica);
  let sync: TeamSync | null = null;
  let log: TeamLog | null = null;
  let stopped = false;
  let refusal: string | null = null;
  let stop: () => void = () => undefined;
  const stopping = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
  const reach = async () => {
    let next = first;
    first = null;
    for (let wait = 500; !stopped; wait = Math.min(wait * 2, 15_000)) {
      try {
        const reached = next ?? (await open());
        next = null;
        if (stopped) return void (await reached.close());
        refusal = null;
        wait = 500;
        log = reached;
        sync = new TeamSync(replica, reached);
        sync.start();
        heartbeat();
        const ended = await Promise.race([reached.connection.closed(), stopping]);
        if (stopped) return;
        const reason = ended instanceof Error ? ended.message : (sync.lastError() ?? 'the server closed the connection');
        if (isRefusal(reason)) refusal = reason;
        console.warn(`The team server closed this desktop's connection (${reason}); it keeps working and asks again.`);
        const ending = sync;
        sync = null;
        log = null;
        await ending.stop();
      } catch (error) {
        const message = (error as Error).message;
        if (isRefusal(message)) refusal = message;
        console.warn(`The team server is not reachable yet (${message}); this desktop keeps working and tries again.`);
      }
      await Promise.race([pause(wait), stopping]);
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
    refusal: () => refusal,
    async stop() {
      stopped = true;
      stop();
      clearInterval(beat);
      await reaching;
      await sync?.stop();
      replica.stop();
    },
  };
}

/** What membership keeps of the address besides the password (which the Secrets port seals). */
function credentialsOf(address: TeamAddress): Pick<TeamMembership, 'user' | 'ca'> {
  return { ...(address.user ? { user: address.user } : {}), ...(address.ca ? { ca: address.ca } : {}) };
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
    const membership: TeamMembership = { servers: address.servers, team: address.team, replica: 0, desktop, ...credentialsOf(address) };
    core.write(null, (ctx) => {
      teamState.setMembership(ctx, membership);
      teamState.setPosition(ctx, 0);
    });
    return run(core, membership, () => TeamLog.open(address), log);
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
      const membership: TeamMembership = { servers: address.servers, team: address.team, replica, desktop, ...credentialsOf(address) };
      core.write(null, (ctx) => teamState.setMembership(ctx, membership));
      return run(core, membership, () => TeamLog.open(address), log);
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
    TeamLog.open({
      servers: membership.servers,
      team: membership.team,
      ...(membership.user ? { user: membership.user, pass: pass ?? '' } : {}),
      ...(membership.ca ? { ca: membership.ca } : {}),
    }),
  );
}
