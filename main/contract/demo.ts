import { z } from 'zod';

export const demoContract = {
  'demo.status': {
    access: 'member',
    input: z.object({}),
    output: z.object({ empty: z.boolean() }),
  },
  'demo.load': {
    // It creates accounts, so it is an administrator's to do (the first-run administrator included).
    access: 'admin',
    input: z.object({}),
    output: z.object({ parts: z.number().int(), categories: z.number().int(), stockItems: z.number().int() }),
  },
} as const;
