import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName } from '../contract';
import { openTestRuntime, type TestRuntime } from '../testing/runtime';
import type { Session } from './session';

// Every method, as a signed-in member, with random and malformed input: each call answers with a
// value or a typed error (never an internal one), the database stays sound, and another person's
// data is neither returned nor changed.

let app: TestRuntime;
let member: Session;
let other: Session;
let otherSecrets: string[];

const typedCodes = ['UNKNOWN_METHOD', 'INVALID_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED'];

function othersFingerprint(): string {
  const client = app.core.db.$client;
  const id = other.userId;
  const rows = [
    client.prepare('select * from users where id = ?').all(id),
    client.prepare('select * from notifications where user_id = ?').all(id),
    client.prepare('select * from part_subscriptions where user_id = ?').all(id),
    client.prepare('select * from category_subscriptions where user_id = ?').all(id),
    client.prepare('select * from notification_preferences where user_id = ?').all(id),
  ];
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

const hostile = fc.oneof(
  fc.constantFrom<unknown>(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    0,
    1,
    1.5,
    2 ** 53,
    -(2 ** 31),
    1e308,
    '',
    ' ',
    '-5',
    '0.000001',
    '1e3',
    'NaN',
    '<img src=x onerror=alert(1)>',
    "'; drop table parts; --",
    '\u0000\u202e',
    '🙂'.repeat(40),
    'a'.repeat(20_000),
    null,
    true,
    [],
    {},
    [1, 2, 3],
  ),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.integer({ min: -5, max: 100_000 }), { maxLength: 4 }),
);

function inputFor(method: MethodName): fc.Arbitrary<unknown> {
  const schema = contract[method].input as unknown as { shape?: Record<string, unknown> };
  const keys = schema.shape ? Object.keys(schema.shape) : [];
  const shaped = fc.record(Object.fromEntries(keys.map((key) => [key, hostile])), { requiredKeys: [] });
  return fc.oneof(shaped, fc.anything({ maxDepth: 2 }), hostile);
}

beforeAll(async () => {
  app = await openTestRuntime();
  await app.call('demo.load', {});
  member = await app.signIn('Fuzzy Member');
  other = await app.signIn('Other Person');
  const part = app.core.db.$client.prepare('select id from parts limit 1').pluck().get() as number;
  await app.call('subscriptions.subscribe', { kind: 'part', id: part }, other);
  const row = app.core.db.$client.prepare('select username, email from users where id = ?').get(other.userId) as { username: string; email: string };
  otherSecrets = [row.username, row.email];
});
afterAll(() => app.close());

describe('bad input on every method', () => {
  it('answers each call with a value or a typed error, and keeps everyone else\'s data whole', async () => {
    const before = othersFingerprint();
    for (const method of methodNames) {
      await fc.assert(
        fc.asyncProperty(inputFor(method), async (input) => {
          // A fresh session each time, so a random sign-out cannot hide the rest of the run.
          const session = { ...member };
          const result = await app.dispatch(method, input, session);
          if (!result.ok) {
            expect(typedCodes, `${method} ${JSON.stringify(input)?.slice(0, 200)} -> ${result.error.message}`).toContain(result.error.code);
          } else {
            const text = JSON.stringify(result.value);
            for (const secret of otherSecrets) expect(text.includes(secret), `${method} returned another person's data`).toBe(false);
          }
        }),
        { numRuns: 60, seed: 20261126 },
      );
    }
    expect(app.core.db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(app.core.db.$client.pragma('foreign_key_check')).toEqual([]);
    expect(othersFingerprint()).toBe(before);
  }, 120_000);
});
