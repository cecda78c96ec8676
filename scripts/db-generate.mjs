// `npm run db:generate -- --name NAME`: drizzle-kit's migration generator, then one correction.
// drizzle-kit 0.31 writes an expression index as a quoted identifier when it rebuilds a table
// (CREATE INDEX `parts_name` ON `parts` (`"name" collate nocase`)), which SQLite rejects; the
// expression is written back as drizzle-kit writes it everywhere else. Nothing else is touched.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const folder = join(root, 'db/migrations');

/** The one pattern drizzle-kit gets wrong: an index column list that is a whole quoted expression. */
export function unquoteExpressionIndexes(sql) {
  return sql.replace(/(CREATE (?:UNIQUE )?INDEX `[^`]+` ON `[^`]+` \()`([^`]*["( ][^`]*)`\)/g, '$1$2)');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const run = spawnSync(npx, ['drizzle-kit', 'generate', '--config', 'db/drizzle.config.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.sql'))) {
    const path = join(folder, name);
    const before = readFileSync(path, 'utf8');
    const after = unquoteExpressionIndexes(before);
    if (after !== before) {
      writeFileSync(path, after);
      console.log(`Corrected an expression index drizzle-kit quoted as a name in ${name}.`);
    }
  }
}
