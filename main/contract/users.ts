import { z } from 'zod';
import { id, timestamp } from './shared';

const email = z
  .string()
  .trim()
  .max(254, 'Use at most 254 characters')
  .pipe(z.email({ message: 'Enter a valid email address, such as name@example.com' }));

export const userView = z.object({
  id,
  displayName: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  createdAt: timestamp,
});
export type UserView = z.infer<typeof userView>;

export const usersContract = {
  'session.get': {
    access: 'public',
    input: z.object({}),
    output: z.object({ user: userView.nullable(), needsSetup: z.boolean() }),
  },
  'session.switchUser': {
    access: 'public',
    input: z.object({ userId: id }),
    output: userView,
  },
  'users.list': {
    access: 'public',
    input: z.object({}),
    output: z.array(userView),
  },
  'users.create': {
    access: 'public',
    input: z.object({
      displayName: z.string().trim().min(1, 'Enter your name').max(100, 'Use at most 100 characters'),
      email,
    }),
    output: userView,
  },
} as const;
