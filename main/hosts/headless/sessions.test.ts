import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../dispatch/session';
import { SessionStore } from './sessions';

/** A browser: it keeps the cookies the store sets, as a real one would. */
function browser() {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  const request = () => ({ headers: jar.size ? { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') } : {}, socket: { remoteAddress: '127.0.0.1' } }) as unknown as IncomingMessage;
  const response = () => {
    const headers = new Map<string, unknown>();
    return {
      getHeader: (name: string) => headers.get(name.toLowerCase()),
      setHeader: (name: string, value: string[]) => {
        headers.set(name.toLowerCase(), value);
        for (const cookie of value) {
          setCookies.push(cookie);
          const [pair] = cookie.split(';');
          const [key, ...rest] = (pair as string).split('=');
          jar.set(key as string, rest.join('='));
        }
      },
    } as unknown as ServerResponse;
  };
  return {
    visit: (store: SessionStore) => store.resolve(request(), response()),
    renew: (store: SessionStore, session: Session) => store.renew(session, response()),
    cookie: (name: string) => jar.get(name),
    setCookies,
    /** Plants a cookie, as another page on 127.0.0.1 could. */
    plant: (name: string, value: string) => jar.set(name, value),
  };
}

describe('headless sessions', () => {
  it('keeps one session per browser cookie', () => {
    const store = new SessionStore();
    const [alice, bob] = [browser(), browser()];
    const first = alice.visit(store);
    first.userId = 7;
    expect(alice.visit(store)).toBe(first);
    expect(bob.visit(store)).not.toBe(first);
    expect(store.size).toBe(2);
  });

  it('forgets a session left idle past the limit, so that browser signs in again', () => {
    let now = 0;
    const store = new SessionStore({ limits: { idleMs: 1_000, maxSignedOut: 100 }, now: () => now });
    const alice = browser();
    const session = alice.visit(store);
    session.userId = 7;
    now = 900;
    expect(alice.visit(store)).toBe(session);
    now = 1_800;
    expect(alice.visit(store)).toBe(session);
    now = 2_801;
    const next = alice.visit(store);
    expect(next).not.toBe(session);
    expect(next.userId).toBeNull();
  });

  it('keeps a quiet session whose event stream is open, until the stream closes', () => {
    let now = 0;
    const store = new SessionStore({ limits: { idleMs: 1_000, maxSignedOut: 100 }, now: () => now });
    const alice = browser();
    const session = alice.visit(store);
    const closeFirst = store.streamOpened(session);
    const closeSecond = store.streamOpened(session);
    now = 5_000;
    browser().visit(store);
    expect(alice.visit(store)).toBe(session);
    closeFirst();
    closeFirst();
    now = 10_000;
    browser().visit(store);
    expect(alice.visit(store)).toBe(session);
    closeSecond();
    now = 20_000;
    browser().visit(store);
    expect(alice.visit(store)).not.toBe(session);
  });

  it('caps signed-out sessions, dropping the least recent, and never a signed-in one', () => {
    const store = new SessionStore({ limits: { idleMs: 60_000, maxSignedOut: 5 } });
    const signedIn = browser();
    const mine = signedIn.visit(store);
    mine.userId = 3;
    const first = browser();
    const firstSession = first.visit(store);
    for (let index = 0; index < 20; index += 1) browser().visit(store);
    expect(store.size).toBe(6);
    expect(signedIn.visit(store)).toBe(mine);
    expect(first.visit(store)).not.toBe(firstSession);
  });

  it('gives a browser a new session id when it signs in or out, so a planted id is worth nothing', () => {
    const store = new SessionStore();
    const victim = browser();
    const attacker = browser();
    attacker.visit(store);
    const planted = attacker.cookie('stockbell_session') as string;
    victim.plant('stockbell_session', planted);
    const before = victim.visit(store);
    before.userId = 9;
    const after = victim.renew(store, before);
    expect(victim.cookie('stockbell_session')).not.toBe(planted);
    expect(after.userId).toBe(9);
    expect(before.userId).toBeNull();
    expect(victim.visit(store)).toBe(after);
    expect(attacker.visit(store).userId).toBeNull();
  });

  it('answers a call sent before sign-in but answered after it without replacing the new session\'s cookie', () => {
    let now = 1_000_000;
    const store = new SessionStore({ now: () => now });
    const alice = browser();
    const before = alice.visit(store);
    const oldId = alice.cookie('stockbell_session') as string;
    before.userId = 9;
    const signedIn = alice.renew(store, before);
    const newId = alice.cookie('stockbell_session');
    // The late answer: sent with the old cookie, it is nobody's, and sets no session cookie.
    const late = browser();
    late.plant('stockbell_session', oldId);
    late.plant('stockbell_device', 'a'.repeat(64));
    expect(late.visit(store).userId).toBeNull();
    expect(late.setCookies.filter((cookie) => cookie.startsWith('stockbell_session='))).toEqual([]);
    expect(alice.visit(store)).toBe(signedIn);
    expect(alice.cookie('stockbell_session')).toBe(newId);
    // Long after, the old id is only an unknown one: a fresh session as for any stranger.
    now += 61_000;
    late.visit(store);
    expect(late.setCookies.filter((cookie) => cookie.startsWith('stockbell_session='))).toHaveLength(1);
  });

  it('keeps a long-lived device cookie per browser, and the source of its requests', () => {
    const store = new SessionStore({ secure: true });
    const alice = browser();
    const first = alice.visit(store);
    expect(first.device).toMatch(/^[0-9a-f]{64}$/);
    expect(first.source).toBe('ip:127.0.0.1');
    expect(alice.setCookies.find((cookie) => cookie.startsWith('stockbell_device='))).toMatch(/HttpOnly; SameSite=Strict; Secure; Max-Age=34560000$/);
    const renewed = alice.renew(store, first);
    expect(renewed.device).toBe(first.device);
    expect(browser().visit(store).device).not.toBe(first.device);
  });
});
