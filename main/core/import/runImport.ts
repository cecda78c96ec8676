import { demoStatus } from '../../../db/demo/load';
import type { Core } from '../core';
import { DomainError } from '../errors';
import { FixtureError, parseFixture } from './fixture';
import { importInvenTree, type ImportProgress, type ImportSummary } from './inventree';

/**
 * Reads an InvenTree export and imports it in one transaction: all of it, or (on any failure)
 * nothing. Adding to an inventory that is not empty needs the person's confirmation.
 */
export async function runInvenTreeImport(
  core: Core,
  actorId: number | null,
  content: string,
  allowNonEmpty: boolean,
  progress: (progress: ImportProgress) => void,
): Promise<ImportSummary> {
  let records;
  try {
    records = parseFixture(content);
  } catch (error) {
    if (error instanceof FixtureError) throw new DomainError('INVALID_INPUT', error.message, { content: error.message });
    throw error;
  }
  if (!allowNonEmpty && !core.read((ctx) => demoStatus(ctx)).empty) {
    const message = 'Your inventory is not empty. The import adds everything in the file to it; confirm to go ahead.';
    // The field tells the app this refusal asks for a confirmation (unlike "an import is running").
    throw new DomainError('CONFLICT', message, { allowNonEmpty: message });
  }
  return core.writeLong(actorId, (ctx, pause) => importInvenTree(ctx, records, { pause, progress }));
}
