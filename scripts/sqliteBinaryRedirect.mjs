// Loaded with --import in every process of the Electron-Node test run: whatever loads better-sqlite3's
// native module from node_modules (the library itself, through `bindings`) gets the build for this
// Node from STOCKBELL_SQLITE_BINARY instead, so node_modules keeps the build for the developer's Node.
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const replacement = process.env.STOCKBELL_SQLITE_BINARY;
if (replacement) {
  if (typeof registerHooks !== 'function') throw new Error(`STOCKBELL_SQLITE_BINARY needs module.registerHooks (Node 22.15 or newer); this is Node ${process.version}.`);
  const target = pathToFileURL(replacement).href;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const resolved = nextResolve(specifier, context);
      return /\/better-sqlite3\/build\/Release\/better_sqlite3\.node$/.test(resolved.url) ? { ...resolved, url: target } : resolved;
    },
  });
}
