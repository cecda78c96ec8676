import { z } from 'zod';
import { timestamp } from './shared';

export const importSummary = z.object({
  imported: z.object({
    users: z.number().int(),
    categories: z.number().int(),
    locations: z.number().int(),
    parts: z.number().int(),
    stockItems: z.number().int(),
    bomLines: z.number().int(),
    buildOrders: z.number().int(),
    partSubscriptions: z.number().int(),
    categorySubscriptions: z.number().int(),
  }),
  skippedModels: z.record(z.string(), z.number().int()),
  skipped: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  problems: z.array(z.string()),
  problemCount: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const csvKind = z.enum(['parts', 'stock']);
export type CsvKind = z.infer<typeof csvKind>;

export const csvRowPreview = z.object({
  line: z.number().int(),
  /** What will happen: "create", "update", or nothing when the row has errors. */
  action: z.enum(['create', 'update', 'error']),
  summary: z.string(),
  errors: z.array(z.string()),
});

const csvText = z.string().max(20 * 1024 * 1024, 'The file is larger than 20 MB');

const backupFile = z.object({ name: z.string(), size: z.number().int(), createdAt: timestamp });

export const transferContract = {
  'backup.list': { access: 'admin', input: z.object({}), output: z.array(backupFile) },
  'backup.create': { access: 'admin', input: z.object({}), output: backupFile },
  'backup.inspect': {
    access: 'admin',
    input: z.object({ name: z.string().min(1).max(200) }),
    output: z.object({
      summary: z.object({
        parts: z.number().int(),
        stockItems: z.number().int(),
        people: z.number().int(),
        /** Who can sign in as an administrator once it is restored. */
        administrators: z.array(z.string()),
      }),
      /** Why it cannot be restored; empty when it can. */
      problems: z.array(z.string()),
    }),
  },
  'backup.restore': {
    access: 'admin',
    input: z.object({ name: z.string().min(1).max(200) }),
    /** The backup of what was there just before, so a restore can itself be undone. */
    output: z.object({ backupOfCurrent: z.string() }),
  },
  'import.inventree': {
    access: 'admin',
    input: z.object({
      content: z.string().max(200 * 1024 * 1024, 'The file is larger than 200 MB'),
      /** The person confirmed adding to an inventory that is not empty. */
      allowNonEmpty: z.boolean().default(false),
    }),
    output: importSummary,
  },
  'import.csv.preview': {
    access: 'member',
    input: z.object({ kind: csvKind, content: csvText }),
    output: z.object({
      rows: z.array(csvRowPreview),
      creates: z.number().int(),
      updates: z.number().int(),
      errors: z.number().int(),
      /** Categories or locations the import would create, as paths. */
      newPlaces: z.array(z.string()),
    }),
  },
  'import.csv.apply': {
    access: 'member',
    input: z.object({ kind: csvKind, content: csvText }),
    output: z.object({ created: z.number().int(), updated: z.number().int() }),
  },
  'export.csv': {
    access: 'member',
    input: z.object({ kind: z.enum(['parts', 'stock', 'lowStock']) }),
    output: z.object({ filename: z.string(), content: z.string() }),
  },
} as const;
