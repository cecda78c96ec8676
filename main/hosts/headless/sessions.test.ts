import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SessionStore } from './sessions';

/** A browser: it keeps the cookie the store sets, as a real one would. */
function browser() {
  let cookie: string | undefined;
  const request = () => ({ headers: cookie ? { cookie } : {} }) as IncomingMessage;
  const response = () =>
    ({
      setHeader: (_name: string, value: string) => {
        cookie = value.split(';')[0];
      },
    }) as unknown as ServerResponse;
  return { visit: (store: SessionStore) => store.resolve(request(), response()) };
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
    const store = new SessionStore({ idleMs: 1_000, maxSignedOut: 100 }, () => now);
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
    const store = new SessionStore({ idleMs: 1_000, maxSignedOut: 100 }, () => now);
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
    const store = new SessionStore({ idleMs: 60_000, maxSignedOut: 5 });
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
});
