import { randomUUID } from 'node:crypto';
import type { Core } from '../core/core';
import type { WriteContext } from '../core/context';
import { Capture, type CapturedChange } from './capture';
import { deriveFromEvent } from './derivations';
import { FieldWrites, tellOverwritten, tellSettled } from './teamNotices';
import { OwnIds } from './ownIds';
import { changesFrom, RowApplier, type Conflict, type RowChange } from './rowChanges';
import { readShapes, type TableShape } from './rowShapes';
import { teamState } from './teamState';

/** One change as the team's log carries it (docs/team.md). */
export interface TeamEvent {
  id: string;
  /** The replica number of the desktop that made it. */
  origin: number;
  author: number | null;
  at: number;
  /** How far into the log its author's desktop was when it was made. */
  base: number;
  changes: RowChange[];
}

export interface WaitingEvent {
  position: number;
  event: TeamEvent;
  publishedSeq: number | null;
}

interface OutboxRow {
  position: number;
  body: string;
  applied: string;
  publishedSeq: number | null;
}

/**
 * A desktop as a replica of its team's inventory. Its own changes are captured as they are
 * written and queued, in the same transaction, to be published; the log's events are applied in
 * the log's order, with this desktop's waiting changes taken out first and put back after, so the
 * database always equals "the log so far, then what this desktop has not had confirmed yet".
 */
export class TeamReplica {
  private readonly shapes: Map<string, TableShape>;
  private readonly capture: Capture;
  private readonly applier: RowApplier;
  private readonly fieldWrites: FieldWrites;
  private active = true;
  private skipped = 0;
  private readonly queuedListeners = new Set<() => void>();

  constructor(
    readonly core: Core,
    readonly replica: number,
  ) {
    const client = core.db.$client;
    this.shapes = readShapes(client);
    this.capture = new Capture(client, this.shapes.values());
    this.applier = new RowApplier(client, this.shapes, () => core.clock.now());
    this.fieldWrites = new FieldWrites(client);
    core.enterTeamMode(new OwnIds(client, replica));
    core.beforeCommit((ctx) => this.queueOwnChange(ctx));
    core.afterCommit((change) => {
      if (change.teamEventQueued) for (const listener of this.queuedListeners) listener();
    });
  }

  /** Called after a change of this desktop's commits, so the publisher can send it. */
  onQueued(listener: () => void): () => void {
    this.queuedListeners.add(listener);
    return () => this.queuedListeners.delete(listener);
  }

  private queueOwnChange(ctx: WriteContext): void {
    if (!this.active) return;
    const captured = this.capture.drain();
    if (captured.length === 0) return;
    const changes = changesFrom(this.shapes, captured);
    if (changes.length === 0) return;
    const event: TeamEvent = {
      id: randomUUID(),
      origin: this.replica,
      author: ctx.actorId,
      at: ctx.clock.now(),
      base: teamState.position(ctx),
      changes,
    };
    ctx.db.$client
      .prepare('insert into team_outbox (event_id, body, applied, created_at) values (?, ?, ?, ?)')
      .run(event.id, JSON.stringify(event), JSON.stringify(captured), ctx.clock.now());
    ctx.change.teamEventQueued = true;
  }

  /** This desktop's changes the log does not have yet (or has not shown back), oldest first. */
  waiting(limit = -1, unpublishedOnly = false): WaitingEvent[] {
    const rows = this.core.db.$client
      .prepare(`select position, body, published_seq as publishedSeq from team_outbox ${unpublishedOnly ? 'where published_seq is null' : ''} order by position limit ?`)
      .all(limit) as OutboxRow[];
    return rows.map((row) => ({ position: row.position, event: JSON.parse(row.body) as TeamEvent, publishedSeq: row.publishedSeq }));
  }

  /** The newest of this desktop's waiting changes, newest first. */
  newestWaiting(limit: number): WaitingEvent[] {
    const rows = this.core.db.$client
      .prepare('select position, body, published_seq as publishedSeq from team_outbox order by position desc limit ?')
      .all(limit) as OutboxRow[];
    return rows.map((row) => ({ position: row.position, event: JSON.parse(row.body) as TeamEvent, publishedSeq: row.publishedSeq }));
  }

  /** How many of this desktop's changes are waiting, without reading them. */
  waitingCount(): number {
    return this.core.db.$client.prepare('select count(*) from team_outbox').pluck().get() as number;
  }

  markPublished(sent: [eventId: string, seq: number][]): void {
    const client = this.core.db.$client;
    const mark = client.prepare('update team_outbox set published_seq = ? where event_id = ?');
    client.transaction(() => {
      for (const [eventId, seq] of sent) mark.run(seq, eventId);
    })();
  }

  /** Events of the log this desktop could not apply since it started (each logged); tests expect none. */
  skippedEvents(): number {
    return this.skipped;
  }

  position(): number {
    return this.core.read((ctx) => teamState.position(ctx));
  }

  /**
   * Applies events from the log, in its order, from where this desktop stopped. Each is applied
   * once (an id seen before is skipped), with what derives from it, and this desktop's own event is
   * then no longer waiting. Returns the conflicts the order settled, per event.
   */
  applyFromLog(batch: { seq: number; event: TeamEvent }[]): { event: TeamEvent; conflicts: Conflict[] }[] {
    const settled: { event: TeamEvent; conflicts: Conflict[] }[] = [];
    if (batch.length === 0) return settled;
    this.core.write(null, (ctx) =>
      this.capture.paused(() => {
        const client = ctx.db.$client;
        const waiting = client.prepare('select position, body, applied from team_outbox order by position').all() as OutboxRow[];
        for (const row of [...waiting].reverse()) this.applier.undo(JSON.parse(row.applied) as CapturedChange[]);
        const alreadyApplied = client.prepare('select 1 from team_applied where event_id = ?').pluck();
        const recordApplied = client.prepare('insert into team_applied (event_id, seq, applied_at) values (?, ?, ?)');
        const confirmOwn = client.prepare('delete from team_outbox where event_id = ?');
        let position = teamState.position(ctx);
        for (const { seq, event } of batch) {
          if (seq <= position) continue;
          position = seq;
          if (alreadyApplied.get(event.id)) continue;
          // An event that cannot be applied here cannot be applied anywhere (every desktop has the
          // same state at this point): it is recorded as seen, logged, and does not stop the team.
          client.exec('savepoint team_event');
          try {
            const { images, conflicts } = this.applier.apply(event.changes, event.author);
            const overwrites = this.fieldWrites.record(event, seq);
            const asAuthor = { ...ctx, actorId: event.author };
            deriveFromEvent(asAuthor, images, event.origin === this.replica);
            if (overwrites.length > 0) tellOverwritten(asAuthor, event, overwrites);
            if (conflicts.length > 0) tellSettled(asAuthor, event, conflicts);
            settled.push({ event, conflicts });
            client.exec('release team_event');
          } catch (error) {
            client.exec('rollback to team_event; release team_event');
            this.skipped += 1;
            console.error(`Team event ${event.id} at ${seq} could not be applied and was skipped:`, error);
          }
          recordApplied.run(event.id, seq, ctx.clock.now());
          confirmOwn.run(event.id);
        }
        teamState.setPosition(ctx, position);
        // This desktop's changes that are still waiting go back on top, in order, by the same rules.
        const stillWaiting = client.prepare('select position, body from team_outbox order by position').all() as { position: number; body: string }[];
        const keepImages = client.prepare('update team_outbox set applied = ? where position = ?');
        for (const row of stillWaiting) {
          const event = JSON.parse(row.body) as TeamEvent;
          client.exec('savepoint team_waiting');
          try {
            keepImages.run(JSON.stringify(this.applier.apply(event.changes, event.author).images), row.position);
            client.exec('release team_waiting');
          } catch {
            // It will fail the same way when the log brings it back: shown without it meanwhile.
            client.exec('rollback to team_waiting; release team_waiting');
            keepImages.run('[]', row.position);
          }
        }
      }),
    );
    return settled;
  }

  /** Stops capturing (leaving the team or closing); the core goes back to numbering rows itself. */
  stop(): void {
    this.active = false;
    this.capture.remove(this.shapes.values());
    this.core.leaveTeamMode();
  }
}
