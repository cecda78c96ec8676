// Whether Electron's binary is on this machine, found the way the electron package finds it, without
// triggering its download.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

export function electronBinary() {
  const packageDir = electronPackageDir();
  if (!packageDir) return null;
  const pathFile = join(packageDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  // As the electron package's index.js does: a custom Electron build may live outside the package.
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, name ?? 'electron') : name ? join(packageDir, 'dist', name) : null;
  return binary && existsSync(binary) ? binary : null;
}

/** Asks the electron package to fetch its binary once; returns the path, or null where it cannot. */
export function fetchElectronBinary() {
  const packageDir = electronPackageDir();
  if (!packageDir || process.env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const result = spawnSync(process.execPath, [join(packageDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  return result.status === 0 ? electronBinary() : null;
}
