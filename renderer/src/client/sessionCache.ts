import type { QueryClient } from '@tanstack/react-query';
import type { MethodOutput, UserView } from '../../../main/contract';

/** The query key of `session.get`, which decides between first run, sign-in and the app. */
export const SESSION_KEY = ['session.get', {}] as const;

/**
 * Signed in or out: set the session directly, so the screen changes without another round trip. A
 * session read still on its way was asked with the old session's cookie: it is cancelled, so its
 * answer cannot land afterwards and undo the sign-in.
 */
export function setSessionUser(queryClient: QueryClient, user: UserView | null): void {
  void queryClient.cancelQueries({ queryKey: SESSION_KEY });
  queryClient.setQueryData<MethodOutput<'session.get'>>(SESSION_KEY, { user, needsSetup: false });
}

/**
 * Drop every cached read but the session: they belonged to whoever was signed in before. Called once the
 * app has unmounted (on the sign-in screen), so no mounted page refetches them as nobody.
 */
export function forgetSignedInReads(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}
