import type { TeamReplica, TeamEvent } from './replica';
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
  }

  onState(listener: (state: SyncState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(): SyncState {
    const waiting = this.replica.waiting().length;
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
        let batch: { seq: number; event: TeamEvent }[] = [];
        for await (const message of messages) {
          if (this.stopped) break;
          const logged = JSON.parse(decoder.decode(message.data)) as LoggedMessage;
          const event = 'stored' in logged ? (JSON.parse(decoder.decode(await this.log.getEventBody(logged.id))) as TeamEvent) : logged;
          batch.push({ seq: message.seq, event });
          if (batch.length >= BATCH || message.info.pending === 0) {
            this.applyBatch(batch);
            if (this.catchUp) this.catchUp.done += batch.length;
            batch = [];
            if (message.info.pending === 0) this.markCaughtUp();
            this.announce();
          }
        }
      } catch (error) {
        if (this.stopped) return;
        console.warn('Reading the team log failed; trying again:', (error as Error).message);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
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

  private markCaughtUp(): void {
    this.catchUp = null;
    if (this.caughtUp) return;
    this.caughtUp = true;
    this.publishSoon();
  }

  private publishSoon(): void {
    // Not before catching up: an event already in the log is seen there first, never sent again.
    if (!this.caughtUp || this.stopped || this.publishing) return;
    this.publishing = this.publishWaiting().finally(() => {
      this.publishing = null;
      if (this.replica.waiting().some((waiting) => waiting.publishedSeq === null)) setTimeout(() => this.publishSoon(), 200);
    });
  }

  private async publishWaiting(): Promise<void> {
    for (const waiting of this.replica.waiting()) {
      if (this.stopped) return;
      if (waiting.publishedSeq !== null) continue;
      try {
        const body = encoder.encode(JSON.stringify(waiting.event));
        let message = body;
        if (body.length > MAX_INLINE_BYTES) {
          await this.log.putEventBody(waiting.event.id, body);
          message = encoder.encode(JSON.stringify({ id: waiting.event.id, stored: true } satisfies LoggedMessage));
        }
        const seq = await this.log.publish(this.replica.replica, waiting.event.id, message);
        this.replica.markPublished(waiting.event.id, seq);
      } catch {
        // Offline: it stays waiting, in order, until the connection is back.
        return;
      }
    }
    this.announce();
  }

  /** Waits until this desktop's waiting changes are all in the log and it has applied the log up to them. */
  async settled(timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (this.replica.waiting().length > 0 || !this.caughtUp) {
      if (Date.now() > end) throw new Error('The team log did not settle in time.');
      this.publishSoon();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.watchdog) clearInterval(this.watchdog);
    this.current?.stop();
    this.stopQueued();
    await this.log.close();
    await this.reading?.catch(() => undefined);
  }
}
