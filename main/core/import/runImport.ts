import { demoStatus } from '../../../db/demo/load';
import type { ImportOutcome } from '../../contract/transfer';
import type { Core } from '../core';
import { DomainError, invalid } from '../errors';
import { readExportFile } from './exportFile';
import { FixtureError, parseFixture, type FixtureRecord } from './fixture';
import { importInvenTree, keptModels, type ImportProgress, type ImportSummary } from './inventree';

/** The export's text as it came in a call, or a file on disk (the command line's, or an upload). */
export type ExportSource = { content: string } | { file: string };

export interface ImportChoices {
  /** The person confirmed adding to an inventory that is not empty. */
  allowNonEmpty: boolean;
  /** The person saw the export's problems and chose to import it anyway. */
  allowProblems: boolean;
}

/** Thrown inside the import's transaction so it rolls back; carries what importing anyway would do. */
class RefusedForProblems extends Error {
  constructor(readonly summary: ImportSummary) {
    super('The export has problems.');
  }
}

async function readRecords(source: ExportSource): Promise<FixtureRecord[]> {
  const text = 'file' in source ? await readExportFile(source.file) : source.content;
  let records: FixtureRecord[];
  try {
    records = parseFixture(text);
  } catch (error) {
    if (error instanceof FixtureError) throw invalid('content', error.message);
    throw error;
  }
  if (records.length === 0) throw invalid('content', 'This export is empty: there is nothing to import.');
  if (!records.some((record) => keptModels.has(record.model))) {
    throw invalid('content', 'This export holds nothing Stockbell keeps (no people, categories, locations, parts, stock, BOMs, build orders or stars), so there is nothing to import.');
  }
  return records;
}

/**
 * Reads an InvenTree export and imports it in one transaction: all of it, or (on any failure, or
 * problems the person has not chosen to accept) nothing. Adding to an inventory that is not empty
 * needs the person's confirmation.
 */
export async function runInvenTreeImport(
  core: Core,
  actorId: number | null,
  source: ExportSource,
  choices: ImportChoices,
  progress: (progress: ImportProgress) => void,
): Promise<ImportOutcome> {
  const records = await readRecords(source);
  if (!choices.allowNonEmpty && !core.read((ctx) => demoStatus(ctx)).empty) {
    const message = 'Your inventory is not empty. The import adds everything in the file to it; confirm to go ahead.';
    // The field tells the app this refusal asks for a confirmation (unlike "an import is running").
    throw new DomainError('CONFLICT', message, { allowNonEmpty: message });
  }
  try {
    const summary = await core.writeLong(actorId, async (ctx, pause) => {
      const done = await importInvenTree(ctx, records, { pause, progress });
      if (done.problemCount > 0 && !choices.allowProblems) throw new RefusedForProblems(done);
      return done;
    });
    return { outcome: 'imported', summary };
  } catch (error) {
    if (error instanceof RefusedForProblems) return { outcome: 'refused', summary: error.summary };
    throw error;
  }
}
