import type { ParsedInput } from '../../contract';
import type { Role, UserView } from '../../contract/users';
import type { CoreContext, WriteContext } from '../context';
import { conflict, DomainError, notFound } from '../errors';

interface UserRecord {
  id: number;
  failedSignIns: number;
  signInBlockedUntil: number;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  active: number;
  passwordHash: string | null;
  createdAt: number;
  lastSignInAt: number | null;
}

export interface UserWithSecrets extends UserView {
  passwordHash: string | null;
  failedSignIns: number;
  signInBlockedUntil: number;
}

const userColumns = `select id, username, display_name as displayName, email, role, active, password_hash as passwordHash,
  created_at as createdAt, last_sign_in_at as lastSignInAt, failed_sign_ins as failedSignIns,
  sign_in_blocked_until as signInBlockedUntil from users`;

function toView(record: UserRecord): UserView {
  return {
    id: record.id,
    username: record.username,
    displayName: record.displayName,
    email: record.email,
    role: record.role,
    active: record.active === 1,
    hasPassword: record.passwordHash !== null,
    createdAt: record.createdAt,
    lastSignInAt: record.lastSignInAt,
  };
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
  list(ctx: CoreContext): UserView[] {
    return (ctx.db.$client.prepare(`${userColumns} order by display_name collate nocase`).all() as UserRecord[]).map(toView);
  },
  find(ctx: CoreContext, id: number): UserView | null {
    const record = ctx.db.$client.prepare(`${userColumns} where id = ?`).get(id) as UserRecord | undefined;
    return record ? toView(record) : null;
  },
  get(ctx: CoreContext, id: number): UserView {
    const user = users.find(ctx, id);
    if (!user) throw notFound('User');
    return user;
  },
  /** The account with its password hash and sign-in state, for the sign-in check only. */
  byUsername(ctx: CoreContext, username: string): UserWithSecrets | null {
    const record = ctx.db.$client.prepare(`${userColumns} where lower(username) = lower(?)`).get(username) as UserRecord | undefined;
    if (!record) return null;
    return { ...toView(record), passwordHash: record.passwordHash, failedSignIns: record.failedSignIns, signInBlockedUntil: record.signInBlockedUntil };
  },

  create(ctx: WriteContext, input: NewUser): UserView {
    assertUnique(ctx, input, null);
    const result = ctx.db.$client
      .prepare(
        `insert into users (username, display_name, email, role, password_hash, active, created_at) values (?, ?, ?, ?, ?, 1, ?)`,
      )
      .run(input.username, input.displayName, input.email, input.role, input.passwordHash, ctx.clock.now());
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

  setPasswordHash(ctx: WriteContext, userId: number, passwordHash: string): UserView {
    users.get(ctx, userId);
    ctx.db.$client
      .prepare('update users set password_hash = ?, failed_sign_ins = 0, sign_in_blocked_until = 0 where id = ?')
      .run(passwordHash, userId);
    ctx.change.touch('users');
    return users.get(ctx, userId);
  },
};
