import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSession, type Session } from '../../dispatch/session';
import { failure, openTestRuntime, TEST_PASSWORD, type TestRuntime } from '../../testing/runtime';

// Wrong passwords and whom they slow down: attempts sent at once, an attacker trying to keep the
// owner out, one source trying many accounts, and what a refusal gives away.

let app: TestRuntime;
beforeEach(async () => {
  app = await openTestRuntime();
});
afterEach(() => app.close());

const attacker = (): Session => newSession({ source: 'ip:198.51.100.9', device: 'f'.repeat(64) });
const ownersLaptop = (): Session => newSession({ source: 'ip:127.0.0.1', device: 'a'.repeat(64) });

async function attempt(username: string, password: string, session: Session): Promise<string> {
  const result = await app.dispatch('session.signIn', { username, password }, session);
  return result.ok ? 'ok' : result.error.code;
}

describe('sign-in limits', () => {
  it('counts attempts sent at once before checking any password, and caps how many are checked together', async () => {
    await app.signIn('Target');
    const attempts = Array.from({ length: 60 }, (_, index) => attempt('target', index === 59 ? TEST_PASSWORD : `wrong guess ${index}`, attacker()));
    const outcomes = await Promise.all(attempts);
    const count = (code: string) => outcomes.filter((outcome) => outcome === code).length;
    // Three free failures, then the account's scope is blocked: the rest never reach scrypt.
    expect(count('UNAUTHENTICATED')).toBeLessThanOrEqual(3);
    expect(count('RATE_LIMITED')).toBeGreaterThanOrEqual(56);
  });

  it('never lets an attacker keep the owner out of their own browser, and an administrator can clear the block', async () => {
    const target = await app.signIn('Owner Person');
    const laptop = ownersLaptop();
    expect(await attempt('owner.person', TEST_PASSWORD, laptop)).toBe('ok');
    for (let guess = 0; guess < 5; guess += 1) await attempt('owner.person', `guess ${guess}`, attacker());
    expect(await attempt('owner.person', TEST_PASSWORD, attacker())).toBe('RATE_LIMITED');
    // The browser that signed in before has a scope of its own.
    expect(await attempt('owner.person', TEST_PASSWORD, ownersLaptop())).toBe('ok');
    // A browser never used before shares the attacker's block, until an administrator clears it.
    const newPhone = newSession({ source: 'ip:127.0.0.1', device: 'b'.repeat(64) });
    expect(await attempt('owner.person', TEST_PASSWORD, newPhone)).toBe('RATE_LIMITED');
    const listed = (await app.call('users.list', {})).find((user) => user.id === target.userId);
    expect(listed?.signInBlockedUntil).toBeGreaterThan(app.clock.now());
    expect(await app.dispatch('users.allowSignIn', { id: target.userId as number }, target)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await app.call('users.allowSignIn', { id: target.userId as number });
    expect((await app.call('users.list', {})).find((user) => user.id === target.userId)?.signInBlockedUntil).toBeNull();
    expect(await attempt('owner.person', TEST_PASSWORD, newPhone)).toBe('ok');
  });

  it('slows down one source trying many accounts, each within its own free attempts', async () => {
    const from = () => newSession({ source: 'ip:203.0.113.5', device: null });
    const outcomes: string[] = [];
    for (let account = 0; account < 12; account += 1) {
      outcomes.push(await attempt(`someone${account}`, 'guess one', from()), await attempt(`someone${account}`, 'guess two', from()));
    }
    expect(outcomes.slice(0, 20).every((outcome) => outcome === 'UNAUTHENTICATED')).toBe(true);
    expect(outcomes.slice(21)).toContain('RATE_LIMITED');
    // Another source is not affected.
    await app.signIn('Elsewhere');
    expect(await attempt('elsewhere', TEST_PASSWORD, newSession({ source: 'ip:192.0.2.1', device: null }))).toBe('ok');
  });

  it('answers unknown names, accounts without a password and wrong passwords alike, in the same time', async () => {
    await app.signIn('Known User');
    app.core.db.$client.prepare("insert into users (username, display_name, role, created_at) values ('imported', 'Imported', 'member', 0)").run();
    const timed = async (username: string) => {
      const started = performance.now();
      const result = await app.dispatch('session.signIn', { username, password: 'not the password' }, newSession());
      const ms = performance.now() - started;
      if (result.ok) throw new Error('Expected a refusal');
      return { message: result.error.message, code: result.error.code, ms };
    };
    await timed('warm.up');
    const cases = [await timed('nobody'), await timed('imported'), await timed('known.user')];
    expect(new Set(cases.map((entry) => `${entry.code} ${entry.message}`))).toEqual(new Set(['UNAUTHENTICATED Wrong username or password.']));
    // Each refusal goes through scrypt: none answers in a fraction of the others' time.
    const slowest = Math.max(...cases.map((entry) => entry.ms));
    for (const entry of cases) expect(entry.ms).toBeGreaterThan(slowest / 3);
  });

  it('blocks a name nobody has exactly as it blocks a real account, so a block reveals nothing', async () => {
    await app.signIn('Real Person');
    for (const username of ['real.person', 'not.a.person']) {
      for (let guess = 0; guess < 3; guess += 1) await attempt(username, `guess ${guess}`, newSession({ source: `ip:${username}`, device: null }));
    }
    const real = await failure(app.call('session.signIn', { username: 'real.person', password: 'x' }, newSession({ source: 'ip:a', device: null })));
    const fake = await failure(app.call('session.signIn', { username: 'not.a.person', password: 'x' }, newSession({ source: 'ip:b', device: null })));
    expect([real.code, real.message]).toEqual([fake.code, fake.message]);
    expect(real.code).toBe('RATE_LIMITED');
  });
});
