// Bundles the Electron main process and preload into CommonJS files Electron loads directly, in
// build/desktop (or the folder after --outdir, where the start-up test loads them).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = resolve(values.outdir ?? resolve(root, 'build/desktop'));
const shared = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
  // db/open.ts finds its migrations through import.meta.url under Node; the desktop host passes the
  // folder inside the app instead, so that path is never taken in this bundle.
  logOverride: { 'empty-import-meta': 'silent' },
};

await build({ ...shared, entryPoints: [resolve(root, 'main/hosts/desktop/main.ts')], outfile: resolve(outdir, 'main.cjs') });
// A sandboxed preload may only require 'electron', so everything else is bundled in.
await build({ ...shared, entryPoints: [resolve(root, 'main/hosts/desktop/preload.ts')], outfile: resolve(outdir, 'preload.cjs') });
