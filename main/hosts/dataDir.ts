import { homedir } from 'node:os';
import { join } from 'node:path';

/** The operating system's per-user application-data folder for Stockbell (Electron's userData). */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (env.STOCKBELL_DATA_DIR) return env.STOCKBELL_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Stockbell');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Stockbell');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Stockbell');
}

export function databaseFile(dataDir: string): string {
  return join(dataDir, 'stockbell.db');
}
