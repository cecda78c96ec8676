import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TeamReplica, TeamEvent } from './replica';
import { writeSnapshot } from './snapshot';
import type { TeamLog } from './teamLog';

// Keeps a replica and its team's log in step, for as long as the desktop runs: applies the log in
// order from where the desktop stopped (in batches, so a month offline catches up quickly), and
// publishes the desktop's own waiting changes once it has caught up. Offline is not an error: the
// connection keeps trying, and everything waits in SQLite until it succeeds.

export type SyncState =
  | { kind: 'up-to-date' }
  | { kind: 'waiting'; changes: number }
  | { kind: 'offline'; since: number; changes: number }
  | { kind: 'catching-up'; done: number; total: number };

const BATCH = 500;
const WATCHDOG_MS = 5_000;
const OWN_BATCH = 20_000;
/** How long this desktop's own changes coming back may wait for more of them before being applied. */
const HOLD_OWN_MS = 1_000;
const PUBLISH_WINDOW = 256;
/** A new snapshot for joiners every this many events of the log (a test may ask for fewer). */
function snapshotEvery(): number {
  return Number(process.env.STOCKBELL_SNAPSHOT_EVERY ?? 10_000);
}
/** NATS carries at most 1 MB a message (the server's default); larger events go through the object store. */
const MAX_INLINE_BYTES = 512 * 1024;

/** What the log's message holds: the event, or for a large one just its id (its body is stored beside). */
type LoggedMessage = TeamEvent | { id: string; stored: true };
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class TeamSync {
  private stopped = false;
  private caughtUp = false;
  private publishing: Promise<void> | null = null;
  private offlineSince: number | null = null;
  private catchUp: { done: number; total: number } | null = null;
  private readonly listeners = new Set<(state: SyncState) => void>();
  private stopQueued: () => void = () => undefined;
  private reading: Promise<void> | null = null;
  /** The consumer being read now; stopped to start reading afresh (after a reconnect, or a stall). */
  private current: { stop(): void } | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private snapshotting = false;
  private queue: { seq: number; event: TeamEvent }[] = [];
  private oldestQueuedAt = 0;
  /** The last message read was the newest in the log. */
  private atHead = false;
  private flusher: NodeJS.Timeout | null = null;
  private lastSnapshotDue = 0;
  private lastServerError: string | null = null;

  constructor(
    private readonly replica: TeamReplica,
    private readonly log: TeamLog,
  ) {}

  start(): void {
    this.stopQueued = this.replica.onQueued(() => this.publishSoon());
    this.reading = this.readLog();
    void this.watchConnection();
    // A consumer can outlive the server it was made on (restarted, failed over) without another
    // message ever coming: if the log has moved on and this desktop has not, read afresh.
    let lastPosition = -1;
    this.watchdog = setInterval(() => {
      void this.log
        .head()
        .then((head) => {
          const position = this.replica.position();
          if (head > position && position === lastPosition) this.current?.stop();
          lastPosition = position;
        })
        .catch(() => undefined);
    }, WATCHDOG_MS);
    this.watchdog.unref();
    this.flusher = setInterval(() => this.flush(false), 250);
    this.flusher.unref();
  }

  /** The last error the server reported on this connection (an authorisation violation, say). */
  lastError(): string | null {
    return this.lastServerError;
  }

  onState(listener: (state: SyncState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(): SyncState {
    const waiting = this.replica.waitingCount();
    if (this.offlineSince !== null) return { kind: 'offline', since: this.offlineSince, changes: waiting };
    if (this.catchUp) return { kind: 'catching-up', ...this.catchUp };
    return waiting > 0 ? { kind: 'waiting', changes: waiting } : { kind: 'up-to-date' };
  }

  private announce(): void {
    const state = this.state();
    for (const listener of this.listeners) listener(state);
  }

  private async watchConnection(): Promise<void> {
    for await (const status of this.log.connection.status()) {
      if (this.stopped) return;
      if (status.type === 'disconnect') this.offlineSince ??= Date.now();
      if (status.type === 'error') this.lastServerError = status.error.message;
      if (status.type === 'reconnect') {
        this.offlineSince = null;
        // The server may have lost the consumer (a restart): read afresh from this desktop's position.
        this.current?.stop();
        this.publishSoon();
      }
      this.announce();
    }
  }

  private async readLog(): Promise<void> {
    while (!this.stopped) {
      try {
        const from = this.replica.position() + 1;
        const head = await this.log.head();
        this.catchUp = head >= from + BATCH ? { done: 0, total: head - from + 1 } : null;
        if (head < from) this.markCaughtUp();
        const messages = await this.log.read(from);
        this.current = messages;
        // Read afresh from this desktop's position: what was read but not applied comes again.
        this.queue = [];
        for await (const message of messages) {
          if (this.stopped) break;
          const logged = JSON.parse(decoder.decode(message.data)) as LoggedMessage;
          const event = 'stored' in logged ? (JSON.parse(decoder.decode(await this.log.getEventBody(logged.id))) as TeamEvent) : logged;
          if (this.queue.length === 0) this.oldestQueuedAt = Date.now();
          this.queue.push({ seq: message.seq, event });
          this.atHead = message.info.pending === 0;
          this.flush(false);
        }
      } catch (error) {
        if (this.stopped) return;
        console.warn('Reading the team log failed; trying again:', (error as Error).message);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }

  /**
   * Applies what has been read. Each application takes this desktop's waiting changes out and puts
   * them back once, so its own changes coming back while it is still sending more (after being
   * offline) are held briefly and applied together rather than a few at a time.
   */
  private flush(force: boolean): void {
    if (this.queue.length === 0 || this.stopped) return;
    const ownOnly = this.queue.every(({ event }) => event.origin === this.replica.replica);
    if (!force) {
      if (!ownOnly && this.queue.length < BATCH && !this.atHead) return;
      if (ownOnly) {
        const stillSending = this.replica.waiting(1, true).length > 0;
        const waitedLongEnough = Date.now() - this.oldestQueuedAt >= HOLD_OWN_MS;
        if (this.queue.length < OWN_BATCH && !waitedLongEnough && (stillSending || !this.atHead)) return;
      }
    }
    while (this.queue.length > 0) {
      const chunk = this.queue.splice(0, ownOnly ? OWN_BATCH : BATCH);
      this.applyBatch(chunk);
      if (this.catchUp) this.catchUp.done += chunk.length;
    }
    if (this.atHead) {
      this.markCaughtUp();
      void this.maybeSnapshot();
    }
    this.announce();
  }

  private applyBatch(batch: { seq: number; event: TeamEvent }[]): void {
    for (;;) {
      try {
        this.replica.applyFromLog(batch);
        return;
      } catch (error) {
        // Another long write (an import) holds the database: the log waits its turn.
        if ((error as { code?: string }).code !== 'CONFLICT') throw error;
      }
    }
  }

  /**
   * Now and then (every snapshotEvery() events of the log), one desktop that is up to date and has
   * nothing waiting writes the inventory as it is at its position, so a desktop joining later starts
   * there instead of replaying the log from the beginning. The key-value create is the claim: one
   * desktop per snapshot.
   */
  private async maybeSnapshot(): Promise<void> {
    if (this.snapshotting || this.stopped) return;
    const position = this.replica.position();
    const due = Math.floor(position / snapshotEvery());
    if (due === 0 || due <= this.lastSnapshotDue || this.replica.waitingCount() > 0) return;
    this.snapshotting = true;
    try {
      this.lastSnapshotDue = due;
      await this.log.kv.create(`snapshot.${due}`, JSON.stringify({ replica: this.replica.replica, at: Date.now() }));
      const folder = mkdtempSync(join(tmpdir(), 'stockbell-snapshot-'));
      try {
        // Written in this same turn as the position was read: the file is the log up to `position`.
        const at = this.replica.position();
        if (this.replica.waitingCount() > 0) return;
        writeSnapshot(this.replica.core, join(folder, 'inventory.db'));
        await this.log.putSnapshot(join(folder, 'inventory.db'), at);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    } catch {
      // Another desktop has this one (or the server went away): nothing to do.
    } finally {
      this.snapshotting = false;
    }
  }

  private markCaughtUp(): void {
    this.catchUp = null;
    if (this.caughtUp) return;
    this.caughtUp = true;
    this.publishSoon();
  }

  private publishSoon(): void {
    // Not before catching up: an event already in the log is seen there first, never sent again. Not
    // while disconnected either: a publish then only waits out its time-out; the reconnect calls again.
    if (!this.caughtUp || this.stopped || this.publishing || this.offlineSince !== null) return;
    this.publishing = this.publishWaiting().finally(() => {
      this.publishing = null;
      if (this.replica.waiting(1, true).length > 0) setTimeout(() => this.publishSoon(), 200);
    });
  }

  private async message(event: TeamEvent): Promise<Uint8Array> {
    const body = encoder.encode(JSON.stringify(event));
    if (body.length <= MAX_INLINE_BYTES) return body;
    await this.log.putEventBody(event.id, body);
    return encoder.encode(JSON.stringify({ id: event.id, stored: true } satisfies LoggedMessage));
  }

  /**
   * Sends waiting changes in order, a window at a time: one connection keeps them in order on the
   * wire, so the window goes out without waiting for each acknowledgement, and is marked sent in one
   * write.
   */
  private async publishWaiting(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const window = this.replica.waiting(PUBLISH_WINDOW, true);
      if (window.length === 0) break;
      try {
        const messages: Uint8Array[] = [];
        for (const waiting of window) messages.push(await this.message(waiting.event));
        const seqs = await Promise.all(window.map((waiting, index) => this.log.publish(this.replica.replica, waiting.event.id, messages[index] as Uint8Array)));
        this.replica.markPublished(window.map((waiting, index) => [waiting.event.id, seqs[index] as number]));
      } catch {
        // Offline: they stay waiting, in order, until the connection is back (a re-send is dropped by its id).
        return;
      }
    }
    this.announce();
  }

  /** Waits until this desktop's waiting changes are all in the log and it has applied the log up to them. */
  async settled(timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (this.replica.waitingCount() > 0 || !this.caughtUp) {
      if (Date.now() > end) {
        const why = `${this.replica.waitingCount()} waiting, ${this.caughtUp ? 'caught up' : 'not caught up'}, ${this.offlineSince === null ? 'online' : 'offline'}, ${this.publishing ? 'sending' : 'not sending'}`;
        throw new Error(`The team log did not settle in time (${why}).`);
      }
      this.publishSoon();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.watchdog) clearInterval(this.watchdog);
    if (this.flusher) clearInterval(this.flusher);
    this.current?.stop();
    this.stopQueued();
    await this.log.close();
    await this.reading?.catch(() => undefined);
  }
}
