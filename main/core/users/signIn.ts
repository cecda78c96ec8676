import type { UserView } from '../../contract/users';
import type { Core } from '../core';
import { DomainError } from '../errors';
import { verifyAgainstDecoy, verifyPassword } from './passwords';
import { users } from './users';

/** Free attempts before an account starts to slow down; then 1 s, 2 s, 4 s ... up to 5 minutes. */
const FREE_ATTEMPTS = 3;
const MAX_DELAY_MS = 5 * 60_000;

export function backoffAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS));
}

const wrong = () => new DomainError('UNAUTHENTICATED', 'Wrong username or password.', { password: 'Wrong username or password.' });

/**
 * Checks a username and password. Wrong passwords are counted per account and each one past the
 * free attempts pushes the next allowed attempt further out; every failure is logged.
 */
export async function signIn(core: Core, username: string, password: string): Promise<UserView> {
  const account = core.read((ctx) => users.byUsername(ctx, username));
  if (!account) {
    await verifyAgainstDecoy(password);
    console.warn(`Sign-in refused: unknown username "${username}".`);
    throw wrong();
  }
  const now = core.clock.now();
  if (account.signInBlockedUntil > now) {
    const seconds = Math.ceil((account.signInBlockedUntil - now) / 1000);
    throw new DomainError('RATE_LIMITED', `Too many wrong passwords. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`);
  }
  if (!account.passwordHash) {
    throw new DomainError('FORBIDDEN', 'This account has no password yet. Ask an administrator to set one.');
  }
  const matches = await verifyPassword(password, account.passwordHash);
  if (!matches) {
    const failures = account.failedSignIns + 1;
    core.write(null, (ctx) =>
      ctx.db.$client
        .prepare('update users set failed_sign_ins = ?, sign_in_blocked_until = ? where id = ?')
        .run(failures, ctx.clock.now() + backoffAfter(failures), account.id),
    );
    console.warn(`Sign-in refused: wrong password for "${account.username}" (${failures} in a row).`);
    throw wrong();
  }
  if (!account.active) throw new DomainError('FORBIDDEN', 'This account is deactivated. Ask an administrator.');
  core.write(account.id, (ctx) =>
    ctx.db.$client
      .prepare('update users set failed_sign_ins = 0, sign_in_blocked_until = 0, last_sign_in_at = ? where id = ?')
      .run(ctx.clock.now(), account.id),
  );
  return core.read((ctx) => users.get(ctx, account.id));
}
