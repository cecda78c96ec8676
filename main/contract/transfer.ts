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
    suppliers: z.number().int(),
    supplierParts: z.number().int(),
    purchaseOrders: z.number().int(),
  }),
  skippedModels: z.record(z.string(), z.number().int()),
  skipped: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  problems: z.array(z.string()),
  problemCount: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummary>;

/**
 * What an InvenTree import did. An export with problems (references to records it does not hold,
 * values that cannot be kept exactly) is refused unless the person chose to import it anyway: then
 * nothing was written, and the summary says what importing anyway would do.
 */
export const importOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('imported'), summary: importSummary }),
  z.object({ outcome: z.literal('refused'), summary: importSummary }),
]);
export type ImportOutcome = z.infer<typeof importOutcome>;

/** The largest InvenTree export Stockbell takes: from the app (uploaded) and from `npm run import` alike. */
export const INVENTREE_EXPORT_MAX_BYTES = 200 * 1024 * 1024;
/**
 * The largest export carried inside the call itself (the desktop app's IPC): the whole text is
 * copied between processes at once, so it stays well below what Electron's IPC can carry.
 */
export const INVENTREE_CONTENT_MAX_BYTES = 64 * 1024 * 1024;

/** The phases an InvenTree import reports progress for, in the order it runs them; each has its own bar. */
export const INVENTREE_IMPORT_PHASES = [
  'People',
  'Categories',
  'Locations',
  'Parts',
  'Stock',
  'Bills of materials',
  'Build orders',
  'Part subscriptions',
  'Category subscriptions',
  'Suppliers',
  'Supplier parts',
  'Purchase orders',
  'Purchase order lines',
] as const;
export type InvenTreeImportPhase = (typeof INVENTREE_IMPORT_PHASES)[number];

/** A file the host received ahead of the call that uses it (the headless host's POST /api/upload). */
export const uploadId = z.string().regex(/^[0-9a-f]{48}$/, 'This is not an upload id.');

/** "12.4 MB": a file's size as a person reads it, in the app's and the command line's messages alike. */
export function sizeInMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes >= 10 ? Math.round(megabytes) : Math.round(megabytes * 10) / 10} MB`;
}

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
    input: z
      .object({
        /** The export's text, for a file small enough to travel inside the call. */
        content: z.string().max(INVENTREE_CONTENT_MAX_BYTES, `The file is larger than ${sizeInMegabytes(INVENTREE_CONTENT_MAX_BYTES)}`).optional(),
        /** Or the file uploaded ahead of the call, by this session. */
        uploadId: uploadId.optional(),
        /** The person confirmed adding to an inventory that is not empty. */
        allowNonEmpty: z.boolean().default(false),
        /** The person chose to import an export whose problems they were shown. */
        allowProblems: z.boolean().default(false),
      })
      .refine((input) => (input.content === undefined) !== (input.uploadId === undefined), {
        message: 'Choose the file to import.',
        path: ['content'],
      }),
    output: importOutcome,
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
