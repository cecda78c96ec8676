import type { ParsedInput } from '../../contract';
import type { Role, UserListEntry, UserView } from '../../contract/users';
import type { CoreContext, WriteContext } from '../context';
import { eq, sql } from 'drizzle-orm';
import { users as userTable } from '../../../db/schema';
import { conflict, DomainError, notFound } from '../errors';
import { signInLimiter } from './signInLimits';

type UserRow = typeof userTable.$inferSelect;

export interface UserWithSecrets extends UserView {
  passwordHash: string | null;
  sessionEpoch: number;
}

function toView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    role: row.role,
    active: row.active,
    hasPassword: row.passwordHash !== null,
    createdAt: row.createdAt,
    lastSignInAt: row.lastSignInAt,
  };
}

function row(ctx: CoreContext, id: number): UserRow | undefined {
  return ctx.db.select().from(userTable).where(eq(userTable.id, id)).get();
}

// Every call checks its session against the account, and building a drizzle select costs several
// times more than running it: the query is built once per database.
const sessionQueries = new WeakMap<CoreContext['db'], ReturnType<typeof sessionQuery>>();

function sessionQuery(db: CoreContext['db']) {
  return db.select().from(userTable).where(eq(userTable.id, sql.placeholder('id'))).prepare();
}

function sessionRow(ctx: CoreContext, id: number): UserRow | undefined {
  let query = sessionQueries.get(ctx.db);
  if (!query) sessionQueries.set(ctx.db, (query = sessionQuery(ctx.db)));
  return query.get({ id });
}

/** A session signed in under an older epoch is signed out at its next call (see dispatch/session). */
function endSessions(ctx: WriteContext, userId: number): void {
  ctx.db
    .update(userTable)
    .set({ sessionEpoch: sql`${userTable.sessionEpoch} + 1` })
    .where(eq(userTable.id, userId))
    .run();
  ctx.change.endSessionsOf(userId);
}

export interface NewUser {
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  passwordHash: string | null;
}

function assertUnique(ctx: CoreContext, fields: { username?: string; email: string | null }, exceptId: number | null): void {
  const client = ctx.db.$client;
  if (fields.username !== undefined && client.prepare('select 1 from users where lower(username) = lower(?) and id is not ?').get(fields.username, exceptId)) {
    throw conflict('This username is taken.', 'username');
  }
  if (fields.email && client.prepare('select 1 from users where lower(email) = lower(?) and id is not ?').get(fields.email, exceptId)) {
    throw conflict('Another account already uses this email address.', 'email');
  }
}

function activeAdmins(ctx: CoreContext): number {
  return ctx.db.$client.prepare(`select count(*) from users where role = 'admin' and active`).pluck().get() as number;
}

export const users = {
  count(ctx: CoreContext): number {
    return ctx.db.$client.prepare('select count(*) from users').pluck().get() as number;
  },
  list(ctx: CoreContext): UserListEntry[] {
    return ctx.db
      .select()
      .from(userTable)
      .orderBy(sql`${userTable.displayName} collate nocase`)
      .all()
      .map((user) => ({ ...toView(user), signInBlockedUntil: signInLimiter.blockedUntil(ctx, user.username) }));
  },
  find(ctx: CoreContext, id: number): UserView | null {
    const found = row(ctx, id);
    return found ? toView(found) : null;
  },
  /** The account behind a session, with the epoch the session must match; null if it is gone. */
  forSession(ctx: CoreContext, id: number): { user: UserView; sessionEpoch: number } | null {
    const found = sessionRow(ctx, id);
    return found ? { user: toView(found), sessionEpoch: found.sessionEpoch } : null;
  },
  get(ctx: CoreContext, id: number): UserView {
    const user = users.find(ctx, id);
    if (!user) throw notFound('User');
    return user;
  },
  /** The account with its password hash and sign-in state, for the sign-in check only. */
  byUsername(ctx: CoreContext, username: string): UserWithSecrets | null {
    const found = ctx.db
      .select()
      .from(userTable)
      .where(sql`lower(${userTable.username}) = lower(${username})`)
      .get();
    return found ? { ...toView(found), passwordHash: found.passwordHash, sessionEpoch: found.sessionEpoch } : null;
  },

  create(ctx: WriteContext, input: NewUser): UserView {
    assertUnique(ctx, input, null);
    const result = ctx.db.$client
      .prepare(
        `insert into users (id, username, display_name, email, role, password_hash, active, created_at) values (?, ?, ?, ?, ?, ?, 1, ?)`,
      )
      .run(ctx.ids.next('users'), input.username, input.displayName, input.email, input.role, input.passwordHash, ctx.clock.now());
    ctx.change.touch('users');
    return users.get(ctx, Number(result.lastInsertRowid));
  },

  update(ctx: WriteContext, input: ParsedInput<'users.update'>): UserView {
    const before = users.get(ctx, input.id);
    assertUnique(ctx, { email: input.email }, input.id);
    const losesAdmin = before.role === 'admin' && before.active && (input.role !== 'admin' || !input.active);
    if (losesAdmin && activeAdmins(ctx) <= 1) {
      throw new DomainError('CONFLICT', 'Stockbell needs at least one active administrator. Make someone else an administrator first.');
    }
    ctx.db.$client
      .prepare('update users set display_name = ?, email = ?, role = ?, active = ? where id = ?')
      .run(input.displayName, input.email, input.role, input.active ? 1 : 0, input.id);
    if (before.active && !input.active) endSessions(ctx, input.id);
    ctx.change.touch('users');
    return users.get(ctx, input.id);
  },

  updateProfile(ctx: WriteContext, userId: number, input: ParsedInput<'profile.update'>): UserView {
    assertUnique(ctx, { email: input.email }, userId);
    ctx.db.$client
      .prepare('update users set display_name = ?, email = ?, digest_hour = ? where id = ?')
      .run(input.displayName, input.email, input.digestHour, userId);
    ctx.change.touch('users');
    return users.get(ctx, userId);
  },

  digestHour(ctx: CoreContext, userId: number): number {
    return ctx.db.$client.prepare('select digest_hour from users where id = ?').pluck().get(userId) as number;
  },

  /** A new password ends every session the account had; returns the epoch a session needs now. */
  setPasswordHash(ctx: WriteContext, userId: number, passwordHash: string): { user: UserView; sessionEpoch: number } {
    const before = users.get(ctx, userId);
    ctx.db.update(userTable).set({ passwordHash }).where(eq(userTable.id, userId)).run();
    endSessions(ctx, userId);
    signInLimiter.clear(ctx, userId, before.username);
    ctx.change.touch('users');
    return users.forSession(ctx, userId) as { user: UserView; sessionEpoch: number };
  },

  /** An administrator lets a slowed-down account try again now. */
  clearSignInBlock(ctx: WriteContext, userId: number): UserListEntry {
    const user = users.get(ctx, userId);
    signInLimiter.clear(ctx, userId, user.username);
    ctx.change.touch('users');
    return { ...user, signInBlockedUntil: null };
  },

  /** Set-up is open while no active administrator can sign in (a new data folder, or one filled by an import). */
  needsSetup(ctx: CoreContext): boolean {
    return ctx.db.$client.prepare(`select 1 from users where role = 'admin' and active and password_hash is not null limit 1`).get() === undefined;
  },
};
