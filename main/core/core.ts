import type { Db } from '../../db/open';
import type { EventName, EventPayload } from '../contract/events';
import { evaluateTouchedParts } from './alerts/alertEngine';
import { evaluateRunLowWarnings } from './forecast/runLowWarnings';
import { Change } from './change';
import { systemClock, type Clock } from './clock';
import type { CoreContext, WriteContext } from './context';
import { DomainError } from './errors';
import { sqliteIds, type IdAllocator } from './ids';
import { HostLinks, type LinkBuilder } from './ports';

/** Who an event is for: every window, or only the windows where this user is signed in. */
export type Audience = { everyone: true } | { userId: number };

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>, audience: Audience) => void;

/** Hooks that run inside a write's transaction, after the services, before commit. */
export type BeforeCommit = (ctx: WriteContext) => void;

export type LongWork<T> = (ctx: WriteContext, pause: () => Promise<void>) => Promise<T>;

/** Hooks that run once a write has committed (wake the mail worker, show OS notifications). */
export type AfterCommit = (change: Change) => void;

export interface Core extends CoreContext {
  /** Runs `work` in one transaction; events go out only after it commits. */
  write<T>(actorId: number | null, work: (ctx: WriteContext) => T): T;
  read<T>(work: (ctx: CoreContext) => T): T;
  /**
   * A long write (an import, a restore): one transaction that may pause between steps so progress
   * reaches the screen and other requests are answered. Until it ends, other writes are refused with
   * a message naming `activity`; it commits whole or not at all.
   */
  writeLong<T>(actorId: number | null, work: LongWork<T>, activity?: string): Promise<T>;
  /**
   * Holds off every other write for the whole of `work`, which may take several steps (check a file,
   * back up, then one long write through the function it is given), so nothing slips in between.
   */
  exclusively<T>(activity: string, work: (writeLong: <R>(actorId: number | null, step: LongWork<R>) => Promise<R>) => Promise<T>): Promise<T>;
  /** True while a long write holds the database; background jobs wait for their next turn. */
  isBusy(): boolean;
  /** Pushes an event that is not the result of a commit (progress of a long write). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>, audience: Audience): void;
  onEvent(listener: EventListener): () => void;
  beforeCommit(hook: BeforeCommit): void;
  afterCommit(hook: AfterCommit): () => void;
  /**
   * Team mode (main/team): new rows take ids from this desktop's range, and what changes derive
   * (alerts, notices) is worked out from the team's merged order instead of inside each change.
   */
  enterTeamMode(ids: IdAllocator): void;
  /**
   * Moves on whenever the people of this inventory may have been replaced wholesale (a restored
   * backup, a team joined): a session signed in under an earlier generation is signed out.
   */
  readonly sessionGeneration: number;
  leaveTeamMode(): void;
  close(): void;
}

export function createCore(db: Db, options: { clock?: Clock; links?: LinkBuilder } = {}): Core {
  const clock = options.clock ?? systemClock;
  const listeners = new Set<EventListener>();
  const committed = new Set<AfterCommit>();
  // The alert engine sees every write before it commits, so alerts and the change are one unit.
  const hooks: BeforeCommit[] = [evaluateTouchedParts, evaluateRunLowWarnings];
  const base: CoreContext = { db, clock, links: options.links ?? new HostLinks(), ids: sqliteIds };
  // Made once: better-sqlite3 builds a new wrapper for every function it is given.
  const inTransaction = db.$client.transaction((run: () => void) => run());
  let longWriteRunning: string | null = null;
  let teamMode = false;
  let sessionGeneration = 0;
  const newChange = () => {
    const change = new Change();
    change.derivationsDeferred = teamMode;
    return change;
  };
  const busy = () => new DomainError('CONFLICT', `Stockbell is ${longWriteRunning ?? 'busy'} right now. Try again when that has finished.`);

  function finish(change: Change): void {
    if (change.sessionsEnded === 'everyone') sessionGeneration += 1;
    publish(change);
    for (const hook of committed) {
      try {
        hook(change);
      } catch (error) {
        console.error('After-commit hook failed:', error);
      }
    }
  }

  function emit<E extends EventName>(event: E, payload: EventPayload<E>, audience: Audience): void {
    for (const listener of listeners) {
      try {
        listener(event, payload, audience);
      } catch (error) {
        // A broken listener (a closed window) must not undo or hide a committed change.
        console.error('Event listener failed:', error);
      }
    }
  }

  async function exclusively<T>(activity: string, work: (writeLong: <R>(actorId: number | null, step: LongWork<R>) => Promise<R>) => Promise<T>): Promise<T> {
    if (longWriteRunning) throw busy();
    longWriteRunning = activity;
    try {
      return await work(runLong);
    } finally {
      longWriteRunning = null;
    }
  }

  /** One transaction that may pause between steps; runs only inside `exclusively`. */
  async function runLong<T>(actorId: number | null, work: LongWork<T>): Promise<T> {
    const change = newChange();
    const ctx: WriteContext = { ...base, change, actorId };
    const client = db.$client;
    let result: T;
    client.exec('begin immediate');
    try {
      result = await work(ctx, () => new Promise<void>((resolve) => setImmediate(resolve)));
      for (const hook of hooks) hook(ctx);
      client.exec('commit');
    } catch (error) {
      if (client.inTransaction) client.exec('rollback');
      throw error;
    }
    finish(change);
    return result;
  }

  function publish(change: Change): void {
    if (change.areas.size > 0) emit('inventory.changed', { areas: [...change.areas] }, { everyone: true });
    for (const [userId, created] of change.notified) emit('notifications.changed', { created }, { userId });
    for (const userId of change.subscriptionsChanged) emit('subscriptions.changed', {}, { userId });
    // Hosts check their sessions against the stored epochs; the windows signed out show sign-in.
    if (change.sessionsEnded === 'everyone') emit('session.ended', {}, { everyone: true });
    else for (const userId of change.sessionsEnded) emit('session.ended', {}, { userId });
  }

  return {
    ...base,
    write(actorId, work) {
      if (longWriteRunning) throw busy();
      const change = newChange();
      const ctx: WriteContext = { ...base, change, actorId };
      let result!: ReturnType<typeof work>;
      inTransaction.immediate(() => {
        result = work(ctx);
        for (const hook of hooks) hook(ctx);
      });
      finish(change);
      return result;
    },
    writeLong(actorId, work, activity = 'importing data') {
      return exclusively(activity, (writeLong) => writeLong(actorId, work));
    },
    exclusively,
    isBusy() {
      return longWriteRunning !== null;
    },
    emit,
    read(work) {
      return work(base);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    beforeCommit(hook) {
      hooks.push(hook);
    },
    afterCommit(hook) {
      committed.add(hook);
      return () => committed.delete(hook);
    },
    get sessionGeneration() {
      return sessionGeneration;
    },
    enterTeamMode(ids) {
      teamMode = true;
      base.ids = ids;
    },
    leaveTeamMode() {
      teamMode = false;
      base.ids = sqliteIds;
    },
    close() {
      listeners.clear();
      committed.clear();
      if (db.$client.open) db.$client.close();
    },
  };
}
