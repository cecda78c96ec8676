import type { UserView } from '../../contract/users';
import type { Core } from '../core';
import { DomainError } from '../errors';
import { verifyAgainstDecoy, verifyPassword } from './passwords';
import { signInLimiter, type Attempt } from './signInLimits';
import { users } from './users';

export { backoffAfter } from './signInLimits';

/** Password checks running at once; each holds scrypt's 32 MB and a core's worth of time. */
const MAX_CONCURRENT_CHECKS = 4;
let checksRunning = 0;

const wrong = () => new DomainError('UNAUTHENTICATED', 'Wrong username or password.', { password: 'Wrong username or password.' });

export interface SignedIn {
  user: UserView;
  /** The account's session epoch now; a session carries it to stay valid. */
  sessionEpoch: number;
}

/**
 * Checks a username and password. The attempt is counted before the password is hashed (see
 * signInLimiter), and every refusal that does not prove the password (unknown name, no password
 * yet, wrong password) takes the same path through scrypt and says the same thing, so neither the
 * answer nor its timing tells which accounts exist. Every refusal is logged with its real reason.
 */
export async function signIn(core: Core, username: string, password: string, attempt: Attempt): Promise<SignedIn> {
  if (checksRunning >= MAX_CONCURRENT_CHECKS) {
    throw new DomainError('RATE_LIMITED', 'Stockbell is checking too many sign-ins at once. Try again in a moment.');
  }
  checksRunning += 1;
  try {
    const { account, reservation } = core.write(null, (ctx) => {
      const found = users.byUsername(ctx, username);
      return { account: found, reservation: signInLimiter.reserve(ctx, username, found?.id ?? null, attempt) };
    });
    const matches = account?.passwordHash ? await verifyPassword(password, account.passwordHash) : await verifyAgainstDecoy(password);
    if (!account || !matches) {
      const why = !account ? 'unknown username' : account.passwordHash ? 'wrong password' : 'the account has no password yet';
      console.warn(`Sign-in refused for "${username}" from ${attempt.source}: ${why}.`);
      throw wrong();
    }
    // Only someone who knows the password learns that the account is deactivated.
    if (!account.active) throw new DomainError('FORBIDDEN', 'This account is deactivated. Ask an administrator.');
    return core.write(account.id, (ctx) => {
      signInLimiter.succeeded(ctx, reservation, account.id, attempt);
      ctx.db.$client.prepare('update users set last_sign_in_at = ? where id = ?').run(ctx.clock.now(), account.id);
      return { user: users.get(ctx, account.id), sessionEpoch: account.sessionEpoch };
    });
  } finally {
    checksRunning -= 1;
  }
}
