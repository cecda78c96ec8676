// `npm start`: the desktop app where Electron's binary exists, otherwise the headless host.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary, fetchElectronBinary } from './electronBinary.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(args) {
  const result = spawnSync(npm, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = electronBinary() ?? (await fetchElectronBinary());
if (binary) {
  run(['run', 'build:renderer', '--silent']);
  run(['run', 'build:desktop', '--silent']);
  run(['run', 'build:native-electron', '--silent']);
  forward(spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }));
} else {
  console.log('Electron is not available on this machine, so Stockbell starts in your browser instead (headless host).');
  run(['run', 'build:renderer', '--silent']);
  const cli = resolve(root, 'main/hosts/headless/cli.ts');
  forward(spawn(process.execPath, ['--import', 'tsx', cli, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }));
}
