import type { ParsedInput } from '../../contract';
import type { UserView } from '../../contract/users';
import type { CoreContext, WriteContext } from '../context';
import { conflict, notFound } from '../errors';

interface UserRecord {
  id: number;
  displayName: string;
  email: string | null;
  active: number;
  createdAt: number;
}

const userColumns = `select id, display_name as displayName, email, active, created_at as createdAt from users`;

function toView(record: UserRecord): UserView {
  return { ...record, active: record.active === 1 };
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
  create(ctx: WriteContext, input: ParsedInput<'users.create'>): UserView {
    const taken = ctx.db.$client.prepare('select 1 from users where lower(email) = lower(?)').get(input.email);
    if (taken) throw conflict('Another profile already uses this email address.', 'email');
    const result = ctx.db.$client
      .prepare('insert into users (display_name, email, active, created_at) values (?, ?, 1, ?)')
      .run(input.displayName, input.email, ctx.clock.now());
    ctx.change.touch('users');
    return users.get(ctx, Number(result.lastInsertRowid));
  },
};
