// `npm run e2e`: finds (or installs) Chromium, builds the renderer, runs the Playwright specs. Where
// Electron's binary exists it also prepares the desktop app for the electron project (its bundle and
// better-sqlite3 for Electron) and, on Linux without a display, gives it one.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(command, args, env = process.env) {
  // Windows runs npm.cmd and npx.cmd only through a shell.
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
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

const args = process.argv.slice(2);
const env = { ...process.env, CHROMIUM_PATH: chromium };
// Playwright takes --project=NAME or --project NAME; without one it runs every project.
const projects = args.flatMap((arg, index) => (arg.startsWith('--project=') ? [arg.slice(10)] : arg === '--project' ? [args[index + 1]] : []));
const electronAskedFor = projects.includes('electron');
const { electronBinary } = await import('./electronBinary.mjs');
let display = null;
if (!electronBinary()) {
  console.log('The electron project is skipped: Electron\'s binary is not installed on this machine.');
} else if (projects.length === 0 || electronAskedFor) {
  if (run(npm, ['run', 'build:desktop', '--silent']) !== 0) process.exit(1);
  const { electronSqlite, noElectronSqlite } = await import('./electronSqlite.mjs');
  const sqlite = electronSqlite(root);
  if (!sqlite.binding) {
    // Asked for by name, it fails; as part of the whole run, Chromium's project still runs.
    console.log(noElectronSqlite(root, sqlite, electronAskedFor ? 'so the electron project cannot run' : 'so only the chromium project runs'));
    if (electronAskedFor) process.exit(1);
    args.push('--project=chromium');
  } else {
    const { virtualDisplay } = await import('./virtualDisplay.mjs');
    display = await virtualDisplay();
    if (display) env.DISPLAY = display.display;
  }
}
const status = run(npx, ['playwright', 'test', ...args], env);
display?.stop();
process.exit(status);
