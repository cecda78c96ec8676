import { DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages, type JetStreamClient } from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { createWriteStream, openAsBlob } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { connect, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';
import { checkServerIdentity as checkIdentity, type PeerCertificate } from 'node:tls';

// The team's one ordered log, and the two shared records beside it, on NATS JetStream: the stream
// holds every event in the team's order (de-duplicated by event id), and a key-value bucket holds
// the few facts that need a compare-and-set (which desktop has which replica number, who sends an
// email). Nothing here knows about the inventory; the sync engine gives it bytes.

/** What a desktop needs to reach its team. */
export interface TeamAddress {
  /** nats://host:port (or several, comma-separated, for a cluster). */
  servers: string;
  /** The team's name: letters, digits, dash and underscore. */
  team: string;
  user?: string;
  pass?: string;
  /** PEM of the authority that signed the server's certificate, for TLS to a private server. */
  ca?: string;
}

export interface LoggedEvent {
  /** The stream's sequence number: the event's place in the team's order. */
  seq: number;
  data: Uint8Array;
}

/**
 * TLS for a team server: its certificate must name the server as the desktop addresses it. The
 * client upgrades the connection after the server's greeting and then checks the certificate
 * against "localhost" for a server given by IP address (nats://192.168.1.20), so the check is made
 * here against the addresses the team was given.
 */
function tlsOptions(address: TeamAddress): { tls?: ConnectionOptions['tls'] } {
  const servers = address.servers.split(',').map((server) => server.trim());
  if (!address.ca && !servers.some((server) => server.startsWith('tls://'))) return {};
  const hosts = servers.map((server) => new URL(server.replace(/^(nats|tls):/, 'http:')).hostname.replace(/^\[|\]$/g, ''));
  const checkServerIdentity = (_given: string, certificate: PeerCertificate): Error | undefined => {
    let problem: Error | undefined;
    for (const host of hosts) {
      problem = checkIdentity(host, certificate);
      if (!problem) return undefined;
    }
    return problem;
  };
  return { tls: { ...(address.ca ? { ca: address.ca } : {}), checkServerIdentity } as ConnectionOptions['tls'] };
}

/** The server keeps event ids this long to drop re-sent events (desktops also remember the ids they applied). */
const DUPLICATE_WINDOW_NS = 2 * 24 * 60 * 60 * 1_000_000_000;

export function streamName(team: string): string {
  return `STOCKBELL_${team}`;
}

function subjectOf(team: string, replica: number): string {
  return `stockbell.${team}.events.${replica}`;
}

export class TeamLog {
  private constructor(
    readonly connection: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly claims: KV,
    private readonly snapshots: ObjectStore,
    readonly address: TeamAddress,
  ) {}

  /** Connects and makes sure the team's stream and key-value bucket exist (the first desktop creates them). */
  static async open(address: TeamAddress, options: { replicas?: number } = {}): Promise<TeamLog> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(address.team)) throw new Error('A team name uses letters, digits, dashes and underscores only.');
    const connection = await connect({
      servers: address.servers.split(',').map((server) => server.trim()),
      name: `stockbell-${address.team}`,
      // Reconnect forever: a desktop is offline for as long as it is, and catches up when it can.
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      ...(address.user ? { user: address.user, pass: address.pass ?? '' } : {}),
      ...tlsOptions(address),
    });
    try {
      const manager = await jetstreamManager(connection);
      const name = streamName(address.team);
      const wanted = { name, subjects: [`stockbell.${address.team}.events.>`], duplicate_window: DUPLICATE_WINDOW_NS, num_replicas: options.replicas ?? 1 };
      await manager.streams.info(name).catch(async () => manager.streams.add(wanted));
      const claims = await new Kvm(connection).create(`stockbell_${address.team}`, { history: 1, replicas: options.replicas ?? 1 });
      const snapshots = await new Objm(connection).create(`stockbell_${address.team}_snapshots`, { replicas: options.replicas ?? 1 });
      return new TeamLog(connection, jetstream(connection), claims, snapshots, address);
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  /** Appends an event; a re-send of the same id is dropped by the server. Returns its place in the order. */
  async publish(replica: number, eventId: string, data: Uint8Array): Promise<number> {
    const ack = await this.js.publish(subjectOf(this.address.team, replica), data, { msgID: eventId, timeout: 10_000 });
    return ack.seq;
  }

  /** The last sequence number the stream holds (0 when empty). */
  async head(): Promise<number> {
    const manager = await jetstreamManager(this.connection);
    const info = await manager.streams.info(streamName(this.address.team));
    return info.state.last_seq;
  }

  /**
   * Reads the log in order from `fromSeq`, for as long as the connection lives (an ordered consumer
   * recreates itself after a reconnect, resuming after the last message it delivered).
   */
  async read(fromSeq: number): Promise<ConsumerMessages> {
    const consumer = await this.js.consumers.get(streamName(this.address.team), {
      deliver_policy: fromSeq <= 1 ? DeliverPolicy.All : DeliverPolicy.StartSequence,
      ...(fromSeq > 1 ? { opt_start_seq: fromSeq } : {}),
    });
    return consumer.consume({ max_messages: 256 });
  }

  /** Takes the lowest free replica number above those taken; the key-value create is the claim. */
  async claimReplica(desktop: string, from = 1): Promise<number> {
    for (let replica = from; replica < 2 ** 20; replica += 1) {
      try {
        await this.claims.create(`replica.${replica}`, JSON.stringify({ desktop, at: Date.now() }));
        return replica;
      } catch {
        // Taken by another desktop: try the next.
      }
    }
    throw new Error('No replica number is free.');
  }

  /** Records the founding desktop as replica 0; fails if the team already has one. */
  async claimFounder(desktop: string): Promise<void> {
    await this.claims.create('replica.0', JSON.stringify({ desktop, at: Date.now() }));
  }

  /** Keeps an event too large for one message (a bulk change, an import); the message then only names it. */
  async putEventBody(eventId: string, data: Uint8Array): Promise<void> {
    await this.snapshots.putBlob({ name: `event-${eventId}` }, data);
  }

  async getEventBody(eventId: string): Promise<Uint8Array> {
    const data = await this.snapshots.getBlob(`event-${eventId}`);
    if (!data) throw new Error(`The team's store has no body for event ${eventId}.`);
    return data;
  }

  /** Stores a copy of the inventory as it is at log position `seq`; the newest is what joiners start from. */
  async putSnapshot(file: string, seq: number): Promise<void> {
    const blob = await openAsBlob(file);
    await this.snapshots.put({ name: 'inventory', metadata: { seq: String(seq) } }, blob.stream() as unknown as ReadableStream<Uint8Array>);
  }

  /** Writes the newest snapshot to `file`; returns its log position, or null when the team has none. */
  async getSnapshot(file: string): Promise<number | null> {
    const info = await this.snapshots.info('inventory');
    if (!info || info.deleted) return null;
    const result = await this.snapshots.get('inventory');
    if (!result) return null;
    await pipeline(Readable.fromWeb(result.data as unknown as WebReadableStream<Uint8Array>), createWriteStream(file));
    const failure = await result.error;
    if (failure) throw new Error(`The team snapshot could not be read whole: ${failure.message}`);
    return Number(info.metadata?.seq ?? 0);
  }

  get kv(): KV {
    return this.claims;
  }

  async close(): Promise<void> {
    await this.connection.drain().catch(() => this.connection.close());
  }
}
