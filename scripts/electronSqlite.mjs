// better-sqlite3 for the Electron this project depends on, in build/native/electron, where the
// desktop host looks for it (main/hosts/desktop/main.ts), and the sentence to show when it cannot be had.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { buildToolsAdvice, sqliteBinding } from './nativeSqlite.mjs';

const require = createRequire(import.meta.url);
export const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

/** The Electron-ABI build for the project at `root`; see sqliteBinding for what it returns. */
export function electronSqlite(root, say) {
  return sqliteBinding({ runtime: 'electron', target: electronVersion, outDir: join(root, 'build/native/electron'), ...(say ? { say } : {}) });
}

/**
 * One sentence: why better-sqlite3 could not be had for Electron, what follows from that
 * (`consequence`, e.g. "so Stockbell starts in your browser instead"), and what would fix it.
 */
export function noElectronSqlite(root, failure, consequence) {
  const log = relative(root, failure.log);
  const fix =
    failure.compile.kind === 'toolchain'
      ? buildToolsAdvice()
      : failure.compile.kind === 'download'
        ? 'let this machine reach github.com (the prebuilt binary) or electronjs.org (the headers to compile against)'
        : `see ${log} for what went wrong`;
  return (
    `better-sqlite3 could be neither downloaded for Electron ${electronVersion} (${failure.prebuild}) nor compiled for it (${failure.compile.reason}), ` +
    `${consequence}; for the desktop app, ${fix}, then run npm start again (details: ${log}).`
  );
}
