import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSession } from '../../dispatch/session';
import { failure, openTestRuntime, TEST_PASSWORD, type TestRuntime } from '../../testing/runtime';
import { DEMO_PASSWORD } from '../../../db/demo/catalogue';
import { backoffAfter } from './signIn';

let app: TestRuntime;
beforeEach(async () => {
  app = await openTestRuntime();
});
afterEach(() => app.close());

const signInAs = (username: string, password: string, session = newSession()) =>
  app.call('session.signIn', { username, password }, session).then((user) => ({ user, session }));

describe('first run', () => {
  it('stays open while no active administrator has a password, as after importing into a new folder', async () => {
    const fresh = await openTestRuntime();
    const client = fresh.core.db.$client;
    client.exec('delete from users');
    // What an InvenTree import leaves: people without passwords, an administrator among them.
    client.prepare("insert into users (username, display_name, role, created_at) values ('inv.admin', 'Imported Admin', 'admin', 0), ('inv.member', 'Imported', 'member', 0)").run();
    const session = newSession();
    expect((await fresh.call('session.get', {}, session)).needsSetup).toBe(true);
    const admin = await fresh.call('session.setup', { username: 'owner', displayName: 'Owner', email: '', password: 'a long password' }, session);
    expect(admin.role).toBe('admin');
    expect((await fresh.call('session.get', {}, session)).user?.id).toBe(admin.id);
    expect((await fresh.call('session.get', {}, newSession())).needsSetup).toBe(false);
    expect((await failure(fresh.call('session.setup', { username: 'second', displayName: 'S', email: '', password: 'a long password' }, newSession()))).code).toBe(
      'CONFLICT',
    );
    fresh.close();
  });

  it('creates the first administrator once, and only on an empty database', async () => {
    const fresh = await openTestRuntime();
    fresh.core.db.$client.exec('delete from users');
    const session = newSession();
    expect((await fresh.call('session.get', {}, session)).needsSetup).toBe(true);
    const admin = await fresh.call(
      'session.setup',
      { username: 'owner', displayName: 'Owner', email: 'owner@example.test', password: 'a long password' },
      session,
    );
    expect(admin.role).toBe('admin');
    expect(session.userId).toBe(admin.id);
    const again = await failure(
      fresh.call('session.setup', { username: 'intruder', displayName: 'I', email: '', password: 'another long one' }, newSession()),
    );
    expect(again.code).toBe('CONFLICT');
    fresh.close();
  });

  it('enforces a minimum password length', async () => {
    const short = await failure(app.call('users.create', { username: 'x1', displayName: 'X', email: '', password: 'short' }));
    expect(short.fields?.password).toBe('Use at least 10 characters');
  });
});

describe('signing in', () => {
  it('signs in with the right password, case-insensitively on the username', async () => {
    await app.signIn('Maria Lopez');
    const { user, session } = await signInAs('MARIA.LOPEZ', TEST_PASSWORD);
    expect(user.displayName).toBe('Maria Lopez');
    expect((await app.call('session.get', {}, session)).user?.id).toBe(user.id);
    await app.call('session.signOut', {}, session);
    expect((await app.dispatch('parts.list', {}, session)).ok).toBe(false);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    await app.signIn('Known User');
    const unknown = await failure(signInAs('nobody', TEST_PASSWORD));
    const wrong = await failure(signInAs('known.user', 'not the password'));
    expect(unknown.message).toBe(wrong.message);
    expect(unknown.code).toBe('UNAUTHENTICATED');
  });

  it('slows an account down after repeated wrong passwords, and lets it in again later', async () => {
    await app.signIn('Guessed');
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await failure(signInAs('guessed', 'wrong password'))).code).toBe('UNAUTHENTICATED');
    const blocked = await failure(signInAs('guessed', TEST_PASSWORD));
    expect(blocked.code).toBe('RATE_LIMITED');
    expect(blocked.message).toMatch(/Try again in 1 second/);
    app.clock.advance(1000);
    expect((await signInAs('guessed', TEST_PASSWORD)).user.username).toBe('guessed');
    expect([0, 1, 2, 3, 4, 20].map((failures) => backoffAfter(failures))).toEqual([0, 0, 0, 1000, 2000, 300000]);
  });

  it('refuses a deactivated account (to someone who knows its password) and an account with no password yet', async () => {
    const member = await app.signIn('Leaver');
    const id = member.userId as number;
    const view = await app.call('users.list', {}).then((list) => list.find((user) => user.id === id));
    await app.call('users.update', { id, displayName: 'Leaver', email: view?.email ?? '', role: 'member', active: false });
    expect((await failure(signInAs('leaver', TEST_PASSWORD))).message).toMatch(/deactivated/);
    expect((await app.dispatch('parts.list', {}, member)).ok).toBe(false);

    app.core.db.$client.prepare("insert into users (username, display_name, role, created_at) values ('imported', 'Imported', 'member', 0)").run();
    expect((await failure(signInAs('imported', 'anything at all'))).message).toBe('UNAUTHENTICATED: Wrong username or password.');
  });
});

describe('administration', () => {
  it('lets only administrators manage users and email settings', async () => {
    const member = await app.signIn('Plain Member');
    for (const method of ['users.list', 'settings.email.get', 'outbox.summary'] as const) {
      expect(await app.dispatch(method, {}, member)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const created = await app.call('users.create', { username: 'fresh', displayName: 'Fresh', email: 'fresh@example.test', password: 'a good long password' });
    expect(created).toMatchObject({ role: 'member', hasPassword: true, active: true });
    await app.call('users.resetPassword', { id: created.id, password: 'the new password' });
    expect((await signInAs('fresh', 'the new password')).user.id).toBe(created.id);
  });

  it('keeps at least one active administrator', async () => {
    const me = await app.call('session.get', {});
    const error = await failure(
      app.call('users.update', { id: me.user?.id as number, displayName: 'Test Person', email: '', role: 'member', active: true }),
    );
    expect(error.code).toBe('CONFLICT');
  });

  it('changes one\'s own password only with the current one', async () => {
    const member = await app.signIn('Changer');
    const wrong = await failure(app.call('profile.changePassword', { currentPassword: 'nope', newPassword: 'brand new password' }, member));
    expect(wrong.fields?.currentPassword).toBeDefined();
    await app.call('profile.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'brand new password' }, member);
    expect((await signInAs('changer', 'brand new password')).user.username).toBe('changer');
  });
});

describe('demo data', () => {
  it('cannot be loaded by a member, so nobody becomes an administrator through it', async () => {
    const fresh = await openTestRuntime();
    const member = await fresh.signIn('Mem');
    expect(await fresh.dispatch('demo.load', {}, member)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await failure(fresh.call('session.signIn', { username: 'alex', password: DEMO_PASSWORD }, newSession()))).code).toBe('UNAUTHENTICATED');
    fresh.close();
  });

  it('loaded by an administrator from the app, gives the demo people no password', async () => {
    const fresh = await openTestRuntime();
    await fresh.call('demo.load', {});
    const alex = (await fresh.call('users.list', {})).find((user) => user.username === 'alex');
    expect(alex).toMatchObject({ role: 'admin', hasPassword: false });
    expect((await failure(fresh.call('session.signIn', { username: 'alex', password: DEMO_PASSWORD }, newSession()))).code).toBe('UNAUTHENTICATED');
    fresh.close();
  });
});

describe('ending sessions', () => {
  const sessionOf = async (username: string) => (await signInAs(username, TEST_PASSWORD)).session;

  it('ends every session of a person whose password an administrator resets', async () => {
    const bob = await app.signIn('Bob');
    const laptop = await sessionOf('bob');
    await app.call('users.resetPassword', { id: bob.userId as number, password: 'reset by admin' });
    for (const session of [bob, laptop]) expect(await app.dispatch('parts.list', {}, session)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await app.call('session.get', {}, laptop)).user).toBeNull();
    expect((await signInAs('bob', 'reset by admin')).user.username).toBe('bob');
  });

  it('keeps the window that changed its own password and ends the others', async () => {
    const here = await app.signIn('Carol');
    const elsewhere = await sessionOf('carol');
    await app.call('profile.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'carol changed it' }, here);
    expect((await app.dispatch('parts.list', {}, here)).ok).toBe(true);
    expect((await app.dispatch('parts.list', {}, elsewhere)).ok).toBe(false);
  });

  it('does not bring a deactivated person\'s old sessions back when they are activated again', async () => {
    const dave = await app.signIn('Dave');
    const id = dave.userId as number;
    await app.call('users.update', { id, displayName: 'Dave', email: 'dave@example.test', role: 'member', active: false });
    await app.call('users.update', { id, displayName: 'Dave', email: 'dave@example.test', role: 'member', active: true });
    expect(await app.dispatch('parts.list', {}, dave)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
