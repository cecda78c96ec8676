import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { newSession, type Session } from '../../dispatch/session';

const COOKIE = 'stockbell_session';

export interface SessionLimits {
  /** A session unused for this long is forgotten: its browser has to sign in again. */
  idleMs: number;
  /** Signed-out sessions kept at most (every first page load makes one); the least recent go first. */
  maxSignedOut: number;
}

export const defaultSessionLimits: SessionLimits = { idleMs: 12 * 60 * 60 * 1000, maxSignedOut: 500 };

interface Entry {
  session: Session;
  lastSeen: number;
}

/**
 * Browser sessions by cookie: each browser profile (or Playwright context) is its own person.
 * Kept in memory, so a restart signs everyone out; idle ones expire, and signed-out ones are capped,
 * so a long-running host does not grow with every page load.
 */
export class SessionStore {
  // A Map keeps insertion order; touching a session moves it to the end, so the front is least recent.
  private readonly sessions = new Map<string, Entry>();
  /** Open event streams per session. */
  private readonly streams = new Map<Session, number>();

  constructor(
    private readonly limits: SessionLimits = defaultSessionLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** The request's session, or a new one with its cookie set on the response. */
  resolve(request: IncomingMessage, response: ServerResponse): Session {
    this.expire();
    const id = readCookie(request.headers.cookie, COOKIE);
    const known = id ? this.sessions.get(id) : undefined;
    if (id && known) {
      this.sessions.delete(id);
      this.sessions.set(id, { session: known.session, lastSeen: this.now() });
      return known.session;
    }
    const fresh = randomBytes(32).toString('hex');
    const session = newSession();
    this.sessions.set(fresh, { session, lastSeen: this.now() });
    response.setHeader('Set-Cookie', `${COOKIE}=${fresh}; Path=/; HttpOnly; SameSite=Strict`);
    this.capSignedOut();
    return session;
  }

  /** A session with an open event stream is in use however long it stays quiet. */
  streamOpened(session: Session): () => void {
    this.streams.set(session, (this.streams.get(session) ?? 0) + 1);
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      const left = (this.streams.get(session) ?? 1) - 1;
      if (left > 0) this.streams.set(session, left);
      else this.streams.delete(session);
    };
  }

  get size(): number {
    return this.sessions.size;
  }

  private expire(): void {
    const cutoff = this.now() - this.limits.idleMs;
    for (const [id, entry] of this.sessions) {
      if (entry.lastSeen >= cutoff) break;
      if (this.streams.has(entry.session)) continue;
      this.sessions.delete(id);
    }
  }

  private capSignedOut(): void {
    let signedOut = 0;
    for (const entry of this.sessions.values()) if (entry.session.userId === null) signedOut += 1;
    for (const [id, entry] of this.sessions) {
      if (signedOut <= this.limits.maxSignedOut) break;
      if (entry.session.userId !== null || this.streams.has(entry.session)) continue;
      this.sessions.delete(id);
      signedOut -= 1;
    }
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
