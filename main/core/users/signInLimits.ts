import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { signInLimits, trustedDevices } from '../../../db/schema';
import type { CoreContext, WriteContext } from '../context';
import { DomainError } from '../errors';

/** Where a sign-in attempt comes from, as the host knows it. */
export interface Attempt {
  /** The network source ('ip:192.0.2.7') or the desktop window ('desktop'). */
  source: string;
  /** The browser's long-lived device cookie, when the host has one. */
  device: string | null;
}

/** Free failures before a scope slows down; then 1 s, 2 s, 4 s ... up to 5 minutes. */
const FREE_FAILURES = { account: 3, source: 20 } as const;
const MAX_DELAY_MS = 5 * 60_000;
/** A scope with no failure for this long starts afresh. */
const FORGET_AFTER_MS = 60 * 60_000;
/** Devices remembered per account; the least recently used go first. */
const DEVICES_PER_ACCOUNT = 20;

export function backoffAfter(failures: number, free: number = FREE_FAILURES.account): number {
  if (failures < free) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - free));
}

export function deviceHash(device: string): string {
  return createHash('sha256').update(device).digest('hex');
}

type Scope = { key: string; free: number; kind: 'account' | 'source' };

function nameScope(username: string): string {
  return `name:${username.toLowerCase()}`;
}

function deviceScope(userId: number, hash: string): string {
  return `device:${userId}:${hash}`;
}

function isTrusted(ctx: CoreContext, userId: number | null, hash: string | null): boolean {
  if (userId === null || hash === null) return false;
  return ctx.db.$client.prepare('select 1 from trusted_devices where user_id = ? and device_hash = ?').get(userId, hash) !== undefined;
}

/**
 * The scopes an attempt counts against. A browser that signed in to this account before has a
 * scope of its own, which nobody else's wrong guesses can fill; anyone else shares the scope of the
 * username as typed (whether or not it exists, so a block reveals nothing) and of their source.
 */
function scopesOf(ctx: CoreContext, username: string, userId: number | null, attempt: Attempt): Scope[] {
  const hash = attempt.device ? deviceHash(attempt.device) : null;
  if (hash !== null && userId !== null && isTrusted(ctx, userId, hash)) {
    return [{ key: deviceScope(userId, hash), free: FREE_FAILURES.account, kind: 'account' }];
  }
  return [
    { key: nameScope(username), free: FREE_FAILURES.account, kind: 'account' },
    { key: `source:${attempt.source}`, free: FREE_FAILURES.source, kind: 'source' },
  ];
}

function rateLimited(waitMs: number): DomainError {
  const seconds = Math.ceil(waitMs / 1000);
  return new DomainError('RATE_LIMITED', `Too many wrong passwords. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`);
}

type LimitRow = typeof signInLimits.$inferSelect;

function current(ctx: CoreContext, scope: string, now: number): LimitRow {
  const row = ctx.db.select().from(signInLimits).where(eq(signInLimits.scope, scope)).get();
  if (!row || now - row.lastFailureAt > FORGET_AFTER_MS) return { scope, failures: 0, blockedUntil: 0, lastFailureAt: 0 };
  return row;
}

function store(ctx: WriteContext, row: LimitRow): void {
  ctx.db
    .insert(signInLimits)
    .values(row)
    .onConflictDoUpdate({ target: signInLimits.scope, set: { failures: row.failures, blockedUntil: row.blockedUntil, lastFailureAt: row.lastFailureAt } })
    .run();
}

/** A reserved attempt: counted as a failure until the password proves right. */
export interface Reservation {
  scopes: Scope[];
}

export const signInLimiter = {
  /**
   * Counts the attempt as a failure before the password is checked, in the same transaction that
   * checks the block, so attempts sent at once cannot all pass on a stale count. Throws
   * RATE_LIMITED while any of the attempt's scopes is blocked.
   */
  reserve(ctx: WriteContext, username: string, userId: number | null, attempt: Attempt): Reservation {
    const now = ctx.clock.now();
    const scopes = scopesOf(ctx, username, userId, attempt);
    const rows = scopes.map((scope) => current(ctx, scope.key, now));
    const wait = Math.max(0, ...rows.map((row) => row.blockedUntil - now));
    if (wait > 0) throw rateLimited(wait);
    rows.forEach((row, index) => {
      const failures = row.failures + 1;
      store(ctx, { scope: row.scope, failures, blockedUntil: now + backoffAfter(failures, scopes[index]?.free), lastFailureAt: now });
    });
    return { scopes };
  },

  /**
   * The password was right: the account's count starts afresh and the source gets its attempt
   * back; the browser is remembered as one that signed in to this account.
   */
  succeeded(ctx: WriteContext, reservation: Reservation, userId: number, attempt: Attempt): void {
    const now = ctx.clock.now();
    for (const scope of reservation.scopes) {
      if (scope.kind === 'account') {
        ctx.db.delete(signInLimits).where(eq(signInLimits.scope, scope.key)).run();
        continue;
      }
      const row = current(ctx, scope.key, now);
      const failures = Math.max(0, row.failures - 1);
      store(ctx, { ...row, failures, blockedUntil: row.lastFailureAt + backoffAfter(failures, scope.free) });
    }
    if (attempt.device) rememberDevice(ctx, userId, deviceHash(attempt.device), now);
  },

  /** When the account may next be tried by someone without a remembered browser, if it is blocked now. */
  blockedUntil(ctx: CoreContext, username: string): number | null {
    const now = ctx.clock.now();
    const row = current(ctx, nameScope(username), now);
    return row.blockedUntil > now ? row.blockedUntil : null;
  },

  /** An administrator lets an account (and the sources that were slowed down) try again now. */
  clear(ctx: WriteContext, userId: number, username: string): void {
    ctx.db
      .delete(signInLimits)
      .where(sql`${signInLimits.scope} = ${nameScope(username)} or ${signInLimits.scope} like ${`device:${userId}:%`} or ${signInLimits.scope} like 'source:%'`)
      .run();
  },
};

function rememberDevice(ctx: WriteContext, userId: number, hash: string, now: number): void {
  ctx.db
    .insert(trustedDevices)
    .values({ userId, deviceHash: hash, createdAt: now, lastUsedAt: now })
    .onConflictDoUpdate({ target: [trustedDevices.userId, trustedDevices.deviceHash], set: { lastUsedAt: now } })
    .run();
  ctx.db.$client
    .prepare(
      `delete from trusted_devices where user_id = ? and id not in
        (select id from trusted_devices where user_id = ? order by last_used_at desc, id desc limit ?)`,
    )
    .run(userId, userId, DEVICES_PER_ACCOUNT);
}
