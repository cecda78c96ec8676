import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm start` as a newcomer meets it, run for real (scripts/start.mjs and everything it calls) in a
// scratch copy of the project: a stand-in Electron binary where the electron package keeps its binary,
// a local mirror for better-sqlite3's prebuilt binaries, and a PATH with Node and npm but no build tools.
// Only the slow builds (renderer, desktop bundle) and the headless host are stand-ins that record
// that they ran.

const root = resolve(import.meta.dirname, '..');
const electronPackage = join(root, 'node_modules/electron');
const electronVersion = (JSON.parse(readFileSync(join(electronPackage, 'package.json'), 'utf8')) as { version: string }).version;
// The ABI Electron itself declares, so a prebuilt binary fetched for any other ABI fails the test.
const electronAbi = readFileSync(join(electronPackage, 'abi_version'), 'utf8').trim();
const sqliteVersion = (JSON.parse(readFileSync(join(root, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string }).version;
const prebuiltPath = `/better-sqlite3/v${sqliteVersion}/better-sqlite3-v${sqliteVersion}-electron-v${electronAbi}-${process.platform}-${process.arch}.tar.gz`;
const PREBUILT_BYTES = `better-sqlite3 prebuilt for Electron ABI ${electronAbi}`;

let mirror: Server;
let mirrorUrl: string;
let prebuilt: Buffer | null = null;
const requests: string[] = [];
const scratch: string[] = [];

beforeAll(async () => {
  mirror = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (prebuilt && request.url === prebuiltPath) response.end(prebuilt);
    else response.writeHead(404).end();
  });
  await new Promise<void>((listening) => mirror.listen(0, '127.0.0.1', listening));
  mirrorUrl = `http://127.0.0.1:${(mirror.address() as AddressInfo).port}`;
});
afterAll(() => {
  mirror.close();
  for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
});

function npmCli(): string {
  if (process.env.npm_execpath && /npm-cli\.js$/.test(process.env.npm_execpath)) return process.env.npm_execpath;
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (existsSync(join(folder, 'npm'))) return realpathSync(join(folder, 'npm'));
  }
  throw new Error('npm is not on PATH');
}

/** A tarball laid out as better-sqlite3's published prebuilds are. */
function prebuiltTarball(folder: string): Buffer {
  mkdirSync(join(folder, 'prebuilt/build/Release'), { recursive: true });
  writeFileSync(join(folder, 'prebuilt/build/Release/better_sqlite3.node'), PREBUILT_BYTES);
  const made = spawnSync('tar', ['-czf', join(folder, 'prebuilt.tar.gz'), '-C', join(folder, 'prebuilt'), 'build']);
  if (made.status !== 0) throw new Error(`tar failed: ${String(made.stderr)}`);
  return readFileSync(join(folder, 'prebuilt.tar.gz'));
}

interface Project {
  dir: string;
  /** What ran, in order: builds, `electron <args>`, `headless <args>`. */
  steps(): string[];
  start(args: string[]): Promise<{ code: number | null; output: string }>;
}

function project(options: { electron: boolean }): Project {
  const dir = mkdtempSync(join(tmpdir(), 'stockbell-start-'));
  scratch.push(dir);
  const log = join(dir, 'steps.log');
  writeFileSync(log, '');
  cpSync(join(root, 'scripts'), join(dir, 'scripts'), { recursive: true, filter: (path) => !path.endsWith('.test.ts') });
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry !== 'electron') symlinkSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  // The electron package itself, with its binary present or not, as `npm install` leaves it.
  const electronDir = join(dir, 'node_modules/electron');
  cpSync(electronPackage, electronDir, { recursive: true, filter: (path) => !/[\\/]electron[\\/](dist|node_modules|path\.txt)/.test(path.slice(root.length)) });
  if (options.electron) {
    mkdirSync(join(electronDir, 'dist'));
    const name = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    writeFileSync(join(electronDir, 'path.txt'), name);
    writeFileSync(join(electronDir, 'dist/version'), electronVersion);
    const binary = join(electronDir, 'dist', name);
    mkdirSync(resolve(binary, '..'), { recursive: true });
    writeFileSync(binary, `#!/bin/sh\necho "electron $*" >> "${log}"\n`);
    chmodSync(binary, 0o755);
  }
  const record = (step: string) => `node -e "require('fs').appendFileSync(process.argv[1], '${step}\\n')" "${log}"`;
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'stockbell-start-fixture',
      private: true,
      type: 'module',
      scripts: {
        'build:renderer': record('build:renderer'),
        'build:desktop': record('build:desktop'),
        'build:native-electron': 'node scripts/build-native-electron.mjs',
      },
    }),
  );
  mkdirSync(join(dir, 'main/hosts/headless'), { recursive: true });
  writeFileSync(
    join(dir, 'main/hosts/headless/cli.ts'),
    `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, ['headless', ...process.argv.slice(2)].join(' ') + '\\n');\nconsole.log('Stockbell is serving at http://127.0.0.1:1/#token=fixture');\n`,
  );
  // Node, npm and the shell npm runs scripts with, and nothing else: no Python, make or C++ compiler.
  mkdirSync(join(dir, 'bin'));
  symlinkSync(process.execPath, join(dir, 'bin/node'));
  symlinkSync(npmCli(), join(dir, 'bin/npm'));
  symlinkSync('/bin/sh', join(dir, 'bin/sh'));

  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/proxy|^PYTHON$|^NODE_GYP_|^npm_config_(python|build_from_source|disturl|dist_url|better_sqlite3)|^ELECTRON_|^STOCKBELL_/i.test(key)) env[key] = value;
  }
  Object.assign(env, {
    PATH: join(dir, 'bin'),
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_better_sqlite3_binary_host: `${mirrorUrl}/better-sqlite3`,
    ELECTRON_MIRROR: `${mirrorUrl}/electron/`,
    electron_config_cache: join(dir, 'electron-cache'),
  });

  return {
    dir,
    steps: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
    start: (args) =>
      new Promise((done) => {
        const child = spawn(process.execPath, [join(dir, 'scripts/start.mjs'), ...args], { cwd: dir, env });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', (code) => done({ code, output }));
      }),
  };
}

describe.skipIf(process.platform === 'win32')('npm start', () => {
  it('opens the desktop app with the prebuilt better-sqlite3 for Electron on a machine without build tools, and reuses it next time', async () => {
    const app = project({ electron: true });
    prebuilt = prebuiltTarball(app.dir);
    requests.length = 0;

    const first = await app.start(['--demo']);
    expect(first.output).not.toMatch(/browser/);
    expect(first.code).toBe(0);
    expect(app.steps()).toEqual(['build:renderer', 'build:desktop', `electron ${app.dir} --demo`]);
    expect(requests).toEqual([prebuiltPath]);
    expect(readFileSync(join(app.dir, 'build/native/electron/better_sqlite3.node'), 'utf8')).toBe(PREBUILT_BYTES);

    const second = await app.start([]);
    expect(second.code).toBe(0);
    expect(app.steps().at(-1)).toBe(`electron ${app.dir}`);
    expect(requests).toEqual([prebuiltPath]);
  }, 90_000);

  it('starts the headless host, after one sentence saying why, when there is neither a prebuilt binary nor a compiler', async () => {
    const app = project({ electron: true });
    prebuilt = null;
    requests.length = 0;

    const { code, output } = await app.start(['--demo']);
    expect(code).toBe(0);
    expect(app.steps()).toEqual(['build:renderer', 'headless --demo']);
    expect(requests).toEqual([prebuiltPath]);
    const why = output.split('\n').filter((line) => line.includes('starts in your browser instead'));
    expect(why).toHaveLength(1);
    expect(why[0]).toContain(`downloaded for Electron ${electronVersion} (no prebuilt binaries found)`);
    expect(why[0]).toContain('compiled for it (Python was not found)');
    expect(why[0]).toMatch(process.platform === 'darwin' ? /xcode-select --install/ : /install a C\+\+ compiler, make and Python 3/);
    expect(why[0]).toMatch(/then run npm start again/);
    expect(existsSync(join(app.dir, 'build/native/electron/better_sqlite3.node'))).toBe(false);
  }, 90_000);

  it('says in one line that Electron is not available, and starts the headless host', async () => {
    const app = project({ electron: false });
    const { code, output } = await app.start([]);
    expect(code).toBe(0);
    expect(output).toContain('Electron is not available on this machine, so Stockbell starts in your browser instead (headless host).');
    expect(app.steps()).toEqual(['build:renderer', 'headless']);
  }, 90_000);
});
