// `npm run dist`: the renderer, the desktop bundle, then electron-builder (electron-builder.yml).
// electron-builder's own rebuild (@electron/rebuild over the app folder, which is this project) turns
// node_modules' better-sqlite3 into the Electron build the package needs; the Node build that tests,
// the headless host and `npm run import` load is put back afterwards, whether packaging worked or not.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

for (const script of ['build:renderer', 'build:desktop']) {
  const built = spawnSync(npm, ['run', script, '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const nodeBuild = join(dirname(require.resolve('better-sqlite3/package.json')), 'build/Release/better_sqlite3.node');
const kept = join(root, 'build/native/node-modules/better_sqlite3.node');
mkdirSync(dirname(kept), { recursive: true });
copyFileSync(nodeBuild, kept);
let builder;
try {
  builder = spawnSync(process.execPath, [require.resolve('electron-builder/cli.js'), '--config', 'electron-builder.yml', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
} finally {
  // node-gyp starts a rebuild by deleting the package's build folder, so it may be gone altogether.
  mkdirSync(dirname(nodeBuild), { recursive: true });
  copyFileSync(kept, nodeBuild);
}
process.exit(builder.status ?? 1);
