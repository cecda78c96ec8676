import { z } from 'zod';
import { id, timestamp, typedText } from './shared';

export const MIN_PASSWORD_LENGTH = 10;

const email = z
  .string()
  .trim()
  .max(254, 'Use at most 254 characters')
  .pipe(z.union([z.literal(''), z.email({ message: 'Enter a valid email address, such as name@example.com' })]))
  .transform((value) => (value === '' ? null : value));

const username = z
  .string()
  .trim()
  .min(2, 'Use at least 2 characters')
  .max(64, 'Use at most 64 characters')
  .regex(/^[A-Za-z0-9._@-]+$/, 'Use letters, digits, dots, dashes, underscores or @');

const displayName = typedText().trim().min(1, 'Enter a name').max(100, 'Use at most 100 characters');

export const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, 'Use at most 200 characters');

export const role = z.enum(['admin', 'member']);
export type Role = z.infer<typeof role>;

export const userView = z.object({
  id,
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role,
  active: z.boolean(),
  /** False for imported accounts until an administrator sets a password. */
  hasPassword: z.boolean(),
  createdAt: timestamp,
  lastSignInAt: timestamp.nullable(),
});
export type UserView = z.infer<typeof userView>;

/** A row of the Users page: the account and, while wrong passwords have slowed it down, until when. */
export const userListEntry = userView.extend({ signInBlockedUntil: timestamp.nullable() });
export type UserListEntry = z.infer<typeof userListEntry>;

export const usersContract = {
  'session.get': {
    access: 'public',
    input: z.object({}),
    output: z.object({ user: userView.nullable(), needsSetup: z.boolean() }),
  },
  'session.setup': {
    access: 'public',
    input: z.object({ username, displayName, email, password }),
    output: userView,
  },
  'session.signIn': {
    access: 'public',
    input: z.object({ username: z.string().trim().min(1, 'Enter your username').max(64), password: z.string().min(1, 'Enter your password').max(200) }),
    output: userView,
  },
  'session.signOut': { access: 'public', input: z.object({}), output: z.object({ ok: z.literal(true) }) },

  'users.list': { access: 'admin', input: z.object({}), output: z.array(userListEntry) },
  'users.create': {
    access: 'admin',
    input: z.object({ username, displayName, email, role: role.default('member'), password }),
    output: userView,
  },
  'users.update': {
    access: 'admin',
    input: z.object({ id, displayName, email, role, active: z.boolean() }),
    output: userView,
  },
  'users.resetPassword': { access: 'admin', input: z.object({ id, password }), output: userView },
  'users.allowSignIn': { access: 'admin', input: z.object({ id }), output: userListEntry },

  'profile.update': {
    access: 'member',
    input: z.object({ displayName, email, digestHour: z.number().int().min(0).max(23) }),
    output: userView,
  },
  'profile.changePassword': {
    access: 'member',
    input: z.object({ currentPassword: z.string().min(1, 'Enter your current password').max(200), newPassword: password }),
    output: z.object({ ok: z.literal(true) }),
  },
} as const;
