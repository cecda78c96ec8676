import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INVENTREE_EXPORT_MAX_BYTES } from '../contract/transfer';

// `npm run import` refuses what the app refuses: an export with problems, unless asked to import
// it anyway, an export with nothing in it, and one over the size limit.

const run = promisify(execFile);
const cli = resolve(import.meta.dirname, 'importCli.ts');
let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'stockbell-import-cli-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function importFile(content: string | { bytes: number }, ...flags: string[]): Promise<{ code: number; output: string }> {
  const file = join(folder, 'export.json');
  if (typeof content === 'string') writeFileSync(file, content);
  else {
    writeFileSync(file, '');
    truncateSync(file, content.bytes);
  }
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', cli, '--data-dir', join(folder, 'data'), ...flags, file], { cwd: resolve(import.meta.dirname, '../..') });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

function partCount(): number {
  const db = new Database(join(folder, 'data', 'stockbell.db'), { readonly: true });
  try {
    return db.prepare('select count(*) from parts').pluck().get() as number;
  } finally {
    db.close();
  }
}

const broken = JSON.stringify([
  { model: 'part.partcategory', pk: 1, fields: { name: 'Passives', parent: null } },
  { model: 'part.part', pk: 1, fields: { name: 'Resistor', category: 1, active: true } },
  { model: 'part.part', pk: 2, fields: { name: 'Stray capacitor', category: 999999, active: true } },
]);

describe('npm run import', () => {
  it('refuses an export with broken references, listing them, and imports it with --allow-problems', async () => {
    const refused = await importFile(broken);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Part "Stray capacitor" refers to a missing category #999999.');
    expect(refused.output).toMatch(/Nothing was imported/);
    expect(refused.output).toContain('--allow-problems');
    expect(partCount()).toBe(0);

    const allowed = await importFile(broken, '--allow-problems');
    expect(allowed.code).toBe(0);
    expect(allowed.output).toMatch(/Imported: .*2 parts/);
    expect(partCount()).toBe(2);
    // A new folder has nobody who can sign in yet: the CLI says how to get in.
    expect(allowed.output).toMatch(/No administrator can sign in to this inventory yet\. Start Stockbell on it .* and create the first administrator/);
  }, 60_000);

  it('refuses an empty export as nothing to import', async () => {
    const empty = await importFile('[]');
    expect(empty.code).toBe(1);
    expect(empty.output).toMatch(/nothing to import/);
  }, 60_000);

  it('refuses a file over the size limit the app has too, without reading it', async () => {
    const huge = await importFile({ bytes: INVENTREE_EXPORT_MAX_BYTES + 1 });
    expect(huge.code).toBe(1);
    expect(huge.output).toMatch(/larger than 200 MB/);
  }, 60_000);

  it('refuses a data folder another Stockbell has open, in one sentence and without changing it', async () => {
    const { openDatabase } = await import('../../db/open');
    const held = await openDatabase(join(folder, 'data', 'stockbell.db'));
    try {
      const { code, output } = await importFile(broken, '--allow-problems');
      expect(code).toBe(1);
      expect(output).toMatch(/^Import failed, nothing was changed: The data folder .* is already in use by /m);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      held.$client.close();
    }
    expect(partCount()).toBe(0);
  });
});
