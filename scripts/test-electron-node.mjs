// `npm run test:electron-node`: the unit and integration suite again on the Node line Electron's main
// process runs (the core runs there in the desktop app), with better-sqlite3 built for that Node in
// build/native/node-v<version>. Arguments go to vitest. STOCKBELL_SKIP_ELECTRON_NODE=1 skips it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { electronNodeVersion, registryNode } from './electronNode.mjs';
import { buildToolsAdvice, sqliteBinding } from './nativeSqlite.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { electronVersion, nodeVersion } = electronNodeVersion();
const line = `Node ${nodeVersion.split('.')[0]} (Electron ${electronVersion.split('.')[0]}'s Node line)`;

if (process.env.STOCKBELL_SKIP_ELECTRON_NODE === '1') {
  console.log(`Skipped: the unit and integration tests on ${line} (STOCKBELL_SKIP_ELECTRON_NODE=1).`);
  process.exit(0);
}
if (process.versions.node.split('.')[0] === nodeVersion.split('.')[0]) {
  console.log(`The unit and integration tests already ran on ${line}: this is Node ${process.versions.node}.`);
  process.exit(0);
}

const node = registryNode(root, nodeVersion);
if ('error' in node) {
  console.error(`Cannot run the tests on ${line}: ${node.error}. STOCKBELL_SKIP_ELECTRON_NODE=1 skips this run.`);
  process.exit(1);
}
const sqlite = sqliteBinding({ runtime: 'node', target: nodeVersion, outDir: join(root, `build/native/node-v${nodeVersion}`), nodedir: node.nodedir });
if (!sqlite.binding) {
  const fix = sqlite.compile.kind === 'toolchain' ? buildToolsAdvice() : `see ${sqlite.log}`;
  console.error(
    `Cannot run the tests on ${line}: better-sqlite3 could be neither downloaded for Node ${nodeVersion} (${sqlite.prebuild}) nor compiled for it (${sqlite.compile.reason}); ${fix}.`,
  );
  process.exit(1);
}

console.log(`Unit and integration tests on ${line}: Node ${nodeVersion}`);
const vitest = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const redirect = join(root, 'scripts/sqliteBinaryRedirect.mjs');
const result = spawnSync(node.node, [vitest, 'run', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    // Tests start hosts with process.execPath and tools by name: both must be this Node.
    PATH: `${dirname(node.node)}${delimiter}${process.env.PATH ?? ''}`,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import "${pathToFileURL(redirect).href}"`.trim(),
    STOCKBELL_SQLITE_BINARY: sqlite.binding,
  },
});
process.exit(result.status ?? 1);

