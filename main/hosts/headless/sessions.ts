import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { newSession, type Session } from '../../dispatch/session';

const COOKIE = 'stockbell_session';

/** Browser sessions by cookie: each browser profile (or Playwright context) is its own person. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  /** The request's session, or a new one with its cookie set on the response. */
  resolve(request: IncomingMessage, response: ServerResponse): Session {
    const id = readCookie(request.headers.cookie, COOKIE);
    const known = id ? this.sessions.get(id) : undefined;
    if (known) return known;
    const fresh = randomBytes(32).toString('hex');
    const session = newSession();
    this.sessions.set(fresh, session);
    response.setHeader('Set-Cookie', `${COOKIE}=${fresh}; Path=/; HttpOnly; SameSite=Strict`);
    return session;
  }

  /** Every session, for pushing events to the ones a change concerns. */
  find(request: IncomingMessage): Session | undefined {
    const id = readCookie(request.headers.cookie, COOKIE);
    return id ? this.sessions.get(id) : undefined;
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
