// Whether Electron's binary is on this machine, without triggering the electron package's download.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function electronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Asks the electron package to fetch its binary once; returns the path, or null where it cannot. */
export async function fetchElectronBinary() {
  const { spawnSync } = await import('node:child_process');
  const installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  const result = spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 300_000 });
  return result.status === 0 ? electronBinary() : null;
}
