import type { UserView } from '../contract/users';
import type { Core } from '../core/core';
import type { Attempt } from '../core/users/signInLimits';
import { users } from '../core/users/users';

/**
 * Who is acting, as the host knows it (an IPC window, an HTTP cookie). Handlers read the actor from
 * here and never from a call's payload.
 */
export interface Session extends Attempt {
  userId: number | null;
  /** The account's session epoch at sign-in; when the stored one moves on, this session has ended. */
  epoch: number;
  /** The core's session generation at sign-in (see Core.sessionGeneration). */
  generation: number;
}

export function newSession(attempt: Attempt = { source: 'local', device: null }): Session {
  return { userId: null, epoch: 0, generation: 0, ...attempt };
}

export function signInto(session: Session, user: UserView, epoch: number, generation: number): void {
  session.userId = user.id;
  session.epoch = epoch;
  session.generation = generation;
}

/**
 * The person a session acts for, or null. A session whose account was deactivated, removed, given a
 * new password or replaced by a restore is signed out here, so the next call sees no one.
 */
export function signedInUser(core: Core, session: Session): UserView | null {
  if (session.userId === null) return null;
  const userId = session.userId;
  const found = core.read((ctx) => users.forSession(ctx, userId));
  if (!found?.user.active || found.sessionEpoch !== session.epoch || session.generation !== core.sessionGeneration) {
    session.userId = null;
    return null;
  }
  return found.user;
}
