import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSession } from './session';
import { openTestRuntime, type TestRuntime } from '../testing/runtime';

let app: TestRuntime;
beforeEach(async () => {
  app = await openTestRuntime();
});
afterEach(() => app.close());

describe('dispatch', () => {
  it('names an unknown method', async () => {
    const result = await app.dispatch('parts.explode', {}, app.session);
    expect(result).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Unknown method "parts.explode".' } });
  });

  it('does not mistake inherited object keys for methods', async () => {
    const result = await app.dispatch('constructor', {}, app.session);
    expect(result.ok).toBe(false);
  });

  it('returns field messages for invalid input and writes nothing', async () => {
    const result = await app.dispatch('parts.create', { name: '  ', minimumStock: 'lots' }, app.session);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.fields).toEqual({ name: 'Enter a name', minimumStock: 'Enter a number, for example 12 or 2.5' });
    expect(app.core.db.$client.prepare('select count(*) from parts').pluck().get()).toBe(0);
  });

  it('requires a chosen user for inventory methods', async () => {
    const result = await app.dispatch('parts.list', {}, newSession());
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('takes the acting user from the session, never from the payload', async () => {
    const other = await app.signIn('Someone Else');
    const location = await app.call('locations.create', { name: 'Bin' });
    const part = await app.call('parts.create', { name: 'Fuse' });
    const payload = { partId: part.id, locationId: location.id, quantity: '1', userId: other.userId, actorId: other.userId };
    await app.dispatch('stock.create', payload, app.session);
    const history = await app.call('movements.list', { partId: part.id });
    expect(history.rows[0]?.userName).toBe('Test Person');
  });

  it('treats a deactivated user as signed out', async () => {
    app.core.db.$client.prepare('update users set active = 0 where id = ?').run(app.session.userId);
    const result = await app.dispatch('parts.list', {}, app.session);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(app.session.userId).toBeNull();
  });

  it('refuses an invalid or duplicate email', async () => {
    const base = { username: 'newbie', displayName: 'New', password: 'long enough password' };
    const invalid = await app.dispatch('users.create', { ...base, email: 'not-an-email' }, app.session);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { email: expect.any(String) } } });
    const duplicate = await app.dispatch('users.create', { ...base, email: 'TEST.PERSON@example.test' }, app.session);
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { email: expect.any(String) } } });
  });
});
