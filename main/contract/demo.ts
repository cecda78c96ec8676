import { z } from 'zod';

export const demoContract = {
  'demo.status': {
    access: 'member',
    input: z.object({}),
    output: z.object({ empty: z.boolean() }),
  },
  'demo.load': {
    access: 'member',
    input: z.object({}),
    output: z.object({ parts: z.number().int(), categories: z.number().int(), stockItems: z.number().int() }),
  },
} as const;
