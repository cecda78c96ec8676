import { INVENTREE_CONTENT_MAX_BYTES, INVENTREE_EXPORT_MAX_BYTES, sizeInMegabytes } from '../../../../main/contract/transfer';

/** How far into a file the shape check reads: enough for the opening of the first record, however indented. */
const HEAD_BYTES = 4096;

/** The most a file may hold on one way into the host, and what to do with a larger one. */
export interface ExportLimit {
  maxBytes: number;
  describe: (bytes: number) => string;
}

/** Uploaded to the headless host: the same limit as `npm run import`. */
export const uploadLimit: ExportLimit = {
  maxBytes: INVENTREE_EXPORT_MAX_BYTES,
  describe: (bytes) => `This file (${sizeInMegabytes(bytes)}) is larger than ${sizeInMegabytes(INVENTREE_EXPORT_MAX_BYTES)}, the largest InvenTree export Stockbell imports.`,
};

/** Read into the desktop window and passed in the call, which copies the whole text at once. */
export const inCallLimit: ExportLimit = {
  maxBytes: INVENTREE_CONTENT_MAX_BYTES,
  describe: (bytes) =>
    `This file (${sizeInMegabytes(bytes)}) is larger than ${sizeInMegabytes(INVENTREE_CONTENT_MAX_BYTES)}, the largest export the desktop app reads. ` +
    `Import it from a terminal instead: npm run import -- FILE (up to ${sizeInMegabytes(INVENTREE_EXPORT_MAX_BYTES)}).`,
};

/**
 * Whether a file's first characters open a JSON list of InvenTree records: `[` and then either `]`
 * or an object whose first key is one a record has (Django writes "model" first).
 */
export function opensLikeRecordList(head: string): boolean {
  return /^\uFEFF?\s*\[\s*(\]|\{\s*"(model|pk|fields)"\s*:)/.test(head);
}

/**
 * Why a chosen file cannot be an InvenTree export Stockbell takes, or null when it may be one.
 * Reads only the file's size and first bytes, so a large wrong file is refused at once.
 */
export async function whyNotAnExport(file: Blob, limit: ExportLimit): Promise<string | null> {
  if (file.size === 0) return 'This file is empty. Choose the .json file InvenTree exported.';
  if (file.size > limit.maxBytes) return limit.describe(file.size);
  const head = await file.slice(0, HEAD_BYTES).text();
  if (!opensLikeRecordList(head)) {
    return 'This file is not an InvenTree export: it does not start like a JSON list of records. Choose the .json file InvenTree exported (invoke export-records).';
  }
  return null;
}
