// `npm run e2e`: finds (or installs) Chromium, builds the renderer, runs the Playwright specs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  return result.status ?? 1;
}

async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

async function findChromium() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return playwrightChromium();
}

function isDebian() {
  try {
    return /debian/i.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

let chromium = await findChromium();
if (!chromium) {
  if (process.getuid?.() === 0 && isDebian()) {
    console.log('Chromium not found; installing Debian\'s chromium package...');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium']);
  } else {
    console.log('Chromium not found; installing Playwright\'s Chromium...');
    run(npx, ['playwright', 'install', 'chromium']);
  }
  chromium = await findChromium();
}
if (!chromium) {
  console.error('No Chromium could be found or installed; set CHROMIUM_PATH to a Chromium binary.');
  process.exit(1);
}

if (run(npm, ['run', 'build:renderer', '--silent']) !== 0) process.exit(1);
const { electronBinary } = await import('./electronBinary.mjs');
if (!electronBinary()) console.log('The electron project is skipped: Electron\'s binary is not installed on this machine.');
const status = run(npx, ['playwright', 'test', ...process.argv.slice(2)], { ...process.env, CHROMIUM_PATH: chromium });
process.exit(status);
