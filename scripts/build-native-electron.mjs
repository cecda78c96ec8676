// Builds better-sqlite3 for Electron's ABI into build/native/electron, beside (never over) the Node
// build that tests and the headless host load from node_modules. The desktop host loads it through
// better-sqlite3's `nativeBinding` option.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
const outDir = join(root, 'build/native/electron');
const stamp = join(outDir, 'built-for.txt');
const wanted = `electron ${electronVersion} better-sqlite3 ${sqliteVersion} ${process.platform}-${process.arch}`;

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) process.exit(0);

const work = join(root, 'build/native/better-sqlite3-src');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
for (const entry of ['binding.gyp', 'src', 'deps', 'package.json']) cpSync(join(sqliteDir, entry), join(work, entry), { recursive: true });

console.log(`Building better-sqlite3 for Electron ${electronVersion} (once)...`);
// npm may point node-gyp at Node's own headers (nodedir); that would silently build for Node.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));
const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
const result = spawnSync(
  process.execPath,
  [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'],
  { cwd: work, stdio: 'inherit', env },
);
if (result.status !== 0) {
  console.error('Could not build better-sqlite3 for Electron; see the output above.');
  process.exit(result.status ?? 1);
}
mkdirSync(outDir, { recursive: true });
cpSync(join(work, 'build/Release/better_sqlite3.node'), join(outDir, 'better_sqlite3.node'));
writeFileSync(stamp, wanted);
