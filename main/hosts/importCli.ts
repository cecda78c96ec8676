import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { demoStatus } from '../../db/demo/load';
import { DomainError } from '../core/errors';
import { runInvenTreeImport } from '../core/import/runImport';
import { users } from '../core/users/users';
import { defaultDataDir } from './dataDir';
import { keyFileSecrets } from './headless/keyFileSecrets';
import { startCore } from './startCore';

// `npm run import -- --data-dir DIR FILE`: imports an InvenTree record export from the command line.

const { values, positionals } = parseArgs({
  options: { 'data-dir': { type: 'string' }, yes: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const file = positionals[0];
if (!file) {
  console.error('Usage: npm run import -- [--data-dir DIR] [--yes] INVENTREE_EXPORT.json');
  process.exit(2);
}
const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
const runtime = await startCore(dataDir, { secrets: keyFileSecrets(dataDir) });

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

try {
  if (!(await confirmed())) process.exit(1);
  let shown = '';
  const summary = await runInvenTreeImport(runtime.core, null, readFileSync(resolve(file), 'utf8'), true, (progress) => {
    const line = `${progress.phase}: ${progress.done}/${progress.total}`;
    if (line !== shown && (progress.done === progress.total || process.stdout.isTTY)) console.log(line);
    shown = line;
  });
  console.log('Imported:', Object.entries(summary.imported).map(([what, count]) => `${count} ${what}`).join(', '));
  for (const entry of summary.skipped) console.log(`Skipped ${entry.count}: ${entry.reason}`);
  const others = Object.entries(summary.skippedModels);
  if (others.length) console.log(`Not kept by Stockbell: ${others.map(([model, count]) => `${model} (${count})`).join(', ')}`);
  if (summary.problemCount) console.log(`${summary.problemCount} problem(s):\n  ${summary.problems.join('\n  ')}`);
  if (runtime.core.read((ctx) => users.needsSetup(ctx))) {
    // Exported people come without passwords; somebody has to be able to sign in and give them one.
    console.log(
      `No administrator can sign in to this inventory yet. Start Stockbell on it (npm start -- --data-dir ${JSON.stringify(dataDir)}) and create the first administrator; then set passwords for the imported people on the Users page.`,
    );
  }
} catch (error) {
  console.error(`Import failed, nothing was changed: ${error instanceof DomainError ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  runtime.core.close();
}
