import { readFile, stat } from 'node:fs/promises';
import { INVENTREE_EXPORT_MAX_BYTES, sizeInMegabytes } from '../../contract/transfer';
import { invalid } from '../errors';

/**
 * The text of an InvenTree export on disk (a file named on the command line, or one the headless
 * host received), refused before reading when it is larger than Stockbell imports.
 */
export async function readExportFile(path: string): Promise<string> {
  let bytes: number;
  try {
    bytes = (await stat(path)).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw invalid('content', code === 'ENOENT' ? `There is no file at ${path}.` : `The file could not be read (${code ?? String(error)}).`);
  }
  if (bytes > INVENTREE_EXPORT_MAX_BYTES) {
    throw invalid('content', `This file (${sizeInMegabytes(bytes)}) is larger than ${sizeInMegabytes(INVENTREE_EXPORT_MAX_BYTES)}, the largest InvenTree export Stockbell imports.`);
  }
  return readFile(path, 'utf8');
}
