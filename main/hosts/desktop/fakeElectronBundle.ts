import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The desktop bundle exactly as `npm run build:desktop` makes it, run under Node with a fake standing
// in for the `electron` module, which is the closest to Electron's main process this machine gets.

const root = resolve(import.meta.dirname, '../../..');

export interface DesktopBundle {
  main: string;
  preload: string;
  /** What app.getAppPath() answers: the migrations and a built page, as in the project folder. */
  appRoot: string;
  remove(): void;
}

export const FIXTURE_PAGE = '<!doctype html><title>Stockbell under test</title>';

/** Builds main.cjs and preload.cjs with the project's own script into a scratch folder. */
export function buildDesktopBundle(): DesktopBundle {
  const scratch = mkdtempSync(join(tmpdir(), 'stockbell-desktop-'));
  // The bundle leaves better-sqlite3 and electron to require(), which must find the project's packages.
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'junction');
  const out = join(scratch, 'desktop');
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-desktop.mjs'), '--outdir', out], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build:desktop failed:\n${built.stdout}${built.stderr}`);
  const appRoot = join(scratch, 'app');
  mkdirSync(join(appRoot, 'db'), { recursive: true });
  symlinkSync(join(root, 'db/migrations'), join(appRoot, 'db/migrations'), 'junction');
  mkdirSync(join(appRoot, 'build/renderer'), { recursive: true });
  writeFileSync(join(appRoot, 'build/renderer/index.html'), FIXTURE_PAGE);
  return {
    main: join(out, 'main.cjs'),
    preload: join(out, 'preload.cjs'),
    appRoot,
    remove: () => rmSync(scratch, { recursive: true, force: true }),
  };
}

/**
 * Runs a bundle file as a fresh process would (its own module state), with `require('electron')`
 * answering `electron`. The fake stays in place afterwards: the bundle keeps what it required.
 */
export function runWithElectron(file: string, electron: object): void {
  const requireFromBundle = createRequire(file);
  const electronPath = requireFromBundle.resolve('electron');
  const fake = new Module(electronPath);
  fake.filename = electronPath;
  fake.loaded = true;
  fake.exports = electron;
  requireFromBundle.cache[electronPath] = fake;
  Reflect.deleteProperty(requireFromBundle.cache, file);
  requireFromBundle(file);
}
