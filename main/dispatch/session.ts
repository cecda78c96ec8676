/**
 * Who is acting, as the host knows it (an IPC window, an HTTP cookie). Handlers read the actor from
 * here and never from a call's payload.
 */
export interface Session {
  userId: number | null;
}

export function newSession(): Session {
  return { userId: null };
}
