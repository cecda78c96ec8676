// `npm start`: the desktop app where Electron's binary exists and better-sqlite3 can be had for it
// (prebuilt, else compiled); otherwise the headless host, after one sentence saying why.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, fetchElectronBinary } from './electronBinary.mjs';
import { electronSqlite, electronVersion, noElectronSqlite } from './electronSqlite.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const args = process.argv.slice(2);

function run(script) {
  const result = spawnSync(npm, ['run', script, '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

function startHeadless(why) {
  console.log(why);
  run('build:renderer');
  const cli = resolve(root, 'main/hosts/headless/cli.ts');
  forward(spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, stdio: 'inherit' }));
}

let binary = electronBinary();
if (!binary) {
  console.log(`Fetching Electron ${electronVersion} (once, about 100 MB)...`);
  binary = fetchElectronBinary();
}
if (!binary) {
  startHeadless('Electron is not available on this machine, so Stockbell starts in your browser instead (headless host).');
} else {
  const sqlite = electronSqlite(root);
  if (!sqlite.binding) {
    startHeadless(noElectronSqlite(root, sqlite, 'so Stockbell starts in your browser instead (headless host)'));
  } else {
    run('build:renderer');
    run('build:desktop');
    forward(spawn(binary, [root, ...args], { cwd: root, stdio: 'inherit' }));
  }
}
