// `npm run build:native-electron`: better-sqlite3 for Electron's ABI into build/native/electron,
// beside (never over) the Node build that tests and the headless host load from node_modules. The
// desktop host loads it through better-sqlite3's `nativeBinding` option.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronSqlite, noElectronSqlite } from './electronSqlite.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const result = electronSqlite(root);
if (!result.binding) {
  console.error(noElectronSqlite(root, result, 'so the desktop app cannot start yet'));
  process.exit(1);
}
