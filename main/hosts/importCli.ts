import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { demoStatus } from '../../db/demo/load';
import { DomainError } from '../core/errors';
import type { ImportSummary } from '../contract/transfer';
import { runInvenTreeImport } from '../core/import/runImport';
import { users } from '../core/users/users';
import { defaultDataDir } from './dataDir';
import { keyFileSecrets } from './headless/keyFileSecrets';
import { DatabaseRefused } from '../../db/open';
import { startCore } from './startCore';

// `npm run import -- --data-dir DIR FILE`: imports an InvenTree record export from the command line.

const { values, positionals } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    yes: { type: 'boolean', default: false },
    // Imports an export even though it refers to records it does not hold (as the app's "Import anyway").
    'allow-problems': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const file = positionals[0];
if (!file) {
  console.error('Usage: npm run import -- [--data-dir DIR] [--yes] [--allow-problems] INVENTREE_EXPORT.json');
  process.exit(2);
}
const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
async function openRuntime() {
  try {
    return await startCore(dataDir, { secrets: keyFileSecrets(dataDir) });
  } catch (error) {
    // Another Stockbell has the folder, or the file is damaged or newer: say so, without a stack trace.
    console.error(`Import failed, nothing was changed: ${error instanceof DatabaseRefused ? error.message : String(error)}`);
    process.exit(1);
  }
}
const runtime = await openRuntime();

async function confirmed(): Promise<boolean> {
  if (values.yes || runtime.core.read((ctx) => demoStatus(ctx)).empty) return true;
  if (!process.stdin.isTTY) {
    console.error('The inventory in this folder is not empty. Add --yes to import into it anyway.');
    return false;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question('The inventory is not empty; the import adds to it. Go ahead? [y/N] ');
  prompt.close();
  return /^y(es)?$/i.test(answer.trim());
}

function listProblems(summary: ImportSummary): void {
  console.log(`${summary.problemCount} problem(s):\n  ${summary.problems.join('\n  ')}`);
  const unlisted = summary.problemCount - summary.problems.length;
  if (unlisted > 0) console.log(`  and ${unlisted} more not listed.`);
}

try {
  if (!(await confirmed())) process.exit(1);
  let shown = '';
  const { outcome, summary } = await runInvenTreeImport(runtime.core, null, { file: resolve(file) }, { allowNonEmpty: true, allowProblems: values['allow-problems'] }, (progress) => {
    const line = `${progress.phase}: ${progress.done}/${progress.total}`;
    if (line !== shown && (progress.done === progress.total || process.stdout.isTTY)) console.log(line);
    shown = line;
  });
  if (outcome === 'refused') {
    listProblems(summary);
    console.error('Nothing was imported: the export refers to records it does not hold, or has values Stockbell cannot keep exactly.');
    console.error('Fix them in InvenTree and export again, or add --allow-problems to import it anyway (each problem above says what the import does instead).');
    process.exitCode = 1;
  } else {
    console.log('Imported:', Object.entries(summary.imported).map(([what, count]) => `${count} ${what}`).join(', '));
    for (const entry of summary.skipped) console.log(`Skipped ${entry.count}: ${entry.reason}`);
    const others = Object.entries(summary.skippedModels);
    if (others.length) console.log(`Not kept by Stockbell: ${others.map(([model, count]) => `${model} (${count})`).join(', ')}`);
    if (summary.problemCount) listProblems(summary);
    if (runtime.core.read((ctx) => users.needsSetup(ctx))) {
      // Exported people come without passwords; somebody has to be able to sign in and give them one.
      console.log(
        `No administrator can sign in to this inventory yet. Start Stockbell on it (npm start -- --data-dir ${JSON.stringify(dataDir)}) and create the first administrator; then set passwords for the imported people on the Users page.`,
      );
    }
  }
} catch (error) {
  console.error(`Import failed, nothing was changed: ${error instanceof DomainError ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  runtime.core.close();
}
