import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { newSession, type Session } from '../../dispatch/session';

const SESSION_COOKIE = 'stockbell_session';
/** A browser that signed in to an account before gets its own sign-in limit (see signInLimits). */
const DEVICE_COOKIE = 'stockbell_device';
/** How long a renewed session id is still recognised as one that was just replaced. */
const RETIRED_GRACE_MS = 60_000;

/** Browsers cap cookie lifetimes at 400 days. */
const DEVICE_MAX_AGE_S = 400 * 24 * 60 * 60;

export interface SessionLimits {
  /** A session unused for this long is forgotten: its browser has to sign in again. */
  idleMs: number;
  /** Signed-out sessions kept at most (every first page load makes one); the least recent go first. */
  maxSignedOut: number;
}

export const defaultSessionLimits: SessionLimits = { idleMs: 12 * 60 * 60 * 1000, maxSignedOut: 500 };

export interface SessionStoreOptions {
  limits?: SessionLimits;
  now?: () => number;
  /** Served over TLS: cookies are marked Secure, so a browser never sends them in the clear. */
  secure?: boolean;
}

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
  /**
   * Ids renewed away a moment ago, with when. A call the browser sent just before signing in (or
   * out) can be answered after it: that answer must not hand the browser yet another session and so
   * overwrite the one it just signed in with.
   */
  private readonly retired = new Map<string, number>();
  /** Open event streams per session. */
  private readonly streams = new Map<Session, number>();
  private readonly limits: SessionLimits;
  private readonly now: () => number;
  private readonly cookieFlags: string;

  constructor(options: SessionStoreOptions = {}) {
    this.limits = options.limits ?? defaultSessionLimits;
    this.now = options.now ?? Date.now;
    this.cookieFlags = `Path=/; HttpOnly; SameSite=Strict${options.secure ? '; Secure' : ''}`;
  }

  /** The request's session, or a new one with its cookie set on the response. */
  resolve(request: IncomingMessage, response: ServerResponse): Session {
    this.expire();
    const id = readCookie(request.headers.cookie, SESSION_COOKIE);
    const known = id ? this.sessions.get(id) : undefined;
    const device = this.deviceOf(request, response);
    if (id && known) {
      this.sessions.delete(id);
      this.sessions.set(id, { session: known.session, lastSeen: this.now() });
      known.session.device = device;
      return known.session;
    }
    // Answered as nobody, and the browser keeps the cookie it has since been given.
    if (id && this.retired.has(id)) return newSession({ source: sourceOf(request), device });
    return this.start(response, newSession({ source: sourceOf(request), device }));
  }

  /**
   * Signing in or out ends the session the browser had and starts another under a new cookie, so a
   * session id planted before sign-in (any local page can set cookies for 127.0.0.1) is worth nothing
   * after it. The old session is left signed out; returns the new one.
   */
  renew(old: Session, response: ServerResponse): Session {
    for (const [id, entry] of this.sessions) {
      if (entry.session !== old) continue;
      this.sessions.delete(id);
      this.retired.set(id, this.now());
    }
    const next = this.start(response, { ...old });
    old.userId = null;
    return next;
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

  private start(response: ServerResponse, session: Session): Session {
    const id = randomBytes(32).toString('hex');
    this.sessions.set(id, { session, lastSeen: this.now() });
    setCookie(response, `${SESSION_COOKIE}=${id}; ${this.cookieFlags}`);
    this.capSignedOut();
    return session;
  }

  private deviceOf(request: IncomingMessage, response: ServerResponse): string {
    const known = readCookie(request.headers.cookie, DEVICE_COOKIE);
    if (known && /^[0-9a-f]{64}$/.test(known)) return known;
    const device = randomBytes(32).toString('hex');
    setCookie(response, `${DEVICE_COOKIE}=${device}; ${this.cookieFlags}; Max-Age=${DEVICE_MAX_AGE_S}`);
    return device;
  }

  private expire(): void {
    for (const [id, at] of this.retired) {
      if (at >= this.now() - RETIRED_GRACE_MS) break;
      this.retired.delete(id);
    }
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

/** Sign-in limits count per network source; every browser on this machine is one source. */
function sourceOf(request: IncomingMessage): string {
  return `ip:${request.socket?.remoteAddress ?? 'unknown'}`;
}

function setCookie(response: ServerResponse, cookie: string): void {
  const existing = response.getHeader('Set-Cookie');
  const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  // One Set-Cookie per name: a renewed session replaces the one set earlier in this response.
  const name = cookie.slice(0, cookie.indexOf('='));
  response.setHeader('Set-Cookie', [...list.filter((entry) => !entry.startsWith(`${name}=`)), cookie]);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
