// better-sqlite3's native module for one runtime (Electron, or a Node other than the one that ran
// `npm install`), in a folder of its own beside the Node build in node_modules, never over it. The
// ecosystem's path first: the prebuilt binary better-sqlite3 publishes for each ABI (prebuild-install),
// then compiling it (node-gyp), which needs a C++ toolchain.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
export const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
const BINARY = 'better_sqlite3.node';

/**
 * npm exports its own settings to scripts; `nodedir` (set on some machines) or `target` would make
 * node-gyp silently build for the Node running npm, whatever runtime we ask for.
 */
function cleanEnv() {
  const overridden = new Set(['npm_config_nodedir', 'npm_config_target', 'npm_config_runtime', 'npm_config_arch']);
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !overridden.has(key.toLowerCase())));
}

function lastLine(text, pattern) {
  const lines = text.split(/\r?\n/).filter((line) => pattern.test(line));
  return lines.at(-1);
}

/** prebuild-install's own reason, e.g. "getaddrinfo ENOTFOUND github.com" or "No prebuilt binaries found (...)". */
function prebuildReason(output) {
  if (/--build-from-source specified/.test(output)) return 'npm_config_build_from_source asks for a compiled one';
  const line = lastLine(output, /prebuild-install (warn|ERR!)/);
  if (!line) return 'prebuild-install failed';
  // "No prebuilt binaries found (target=45.5.0 runtime=electron ...)": the sentence already says for what.
  const reason = line.replace(/^.*prebuild-install (warn|ERR!)\s+(install\s+)?/, '').replace(/\s*\(target=[^)]*\)$/, '').trim();
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

/**
 * What stopped node-gyp, as a kind a person can act on: the build tools are missing, something could
 * not be downloaded, or anything else (the log says what).
 */
export function compileFailure(output) {
  if (/gyp ERR! find Python|Could not find any Python/i.test(output)) return { kind: 'toolchain', reason: 'Python was not found' };
  if (/gyp ERR! find VS|could not find any Visual Studio/i.test(output)) return { kind: 'toolchain', reason: 'no Visual Studio C++ build tools were found' };
  if (/xcrun: error|xcode-select: error/i.test(output)) return { kind: 'toolchain', reason: "Xcode's command line tools are missing" };
  if (/not found: make/i.test(output)) return { kind: 'toolchain', reason: 'make was not found' };
  if (/\b(c\+\+|g\+\+|clang\+\+|cc|gcc): (command not found|not found|No such file or directory)/i.test(output)) {
    return { kind: 'toolchain', reason: 'no C++ compiler was found' };
  }
  if (/network connectivity|status code downloading|getaddrinfo|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN/i.test(output)) {
    const url = /gyp http GET (\S+)/.exec(output)?.[1];
    return { kind: 'download', reason: url ? `${url} could not be downloaded` : 'a download failed' };
  }
  const stack = lastLine(output, /gyp ERR! stack Error:/);
  return { kind: 'other', reason: stack ? stack.replace(/^.*gyp ERR! stack Error:\s*/, '').trim() : 'node-gyp failed' };
}

/**
 * Makes sure `outDir/better_sqlite3.node` is better-sqlite3 built for `runtime` ('electron' or
 * 'node') at `target` (its version), on this platform. `nodedir` points node-gyp at a Node's headers
 * (for runtime 'node'); Electron's come from `npm_config_disturl` or electronjs.org.
 *
 * Returns { binding, how } with how 'ready' (built earlier), 'prebuilt' or 'compiled'; or
 * { binding: null, prebuild, compile, log } saying why neither way worked.
 */
export function sqliteBinding({ runtime, target, outDir, nodedir, say = (line) => console.log(line) }) {
  const binding = join(outDir, BINARY);
  const stamp = join(outDir, 'built-for.txt');
  const wanted = `${runtime} ${target} better-sqlite3 ${sqliteVersion} ${process.platform}-${process.arch}`;
  if (existsSync(stamp) && existsSync(binding) && readFileSync(stamp, 'utf8') === wanted) return { binding, how: 'ready' };

  const work = join(dirname(outDir), `${basename(outDir)}-work`);
  const log = join(dirname(outDir), `${basename(outDir)}-build.log`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const entry of ['binding.gyp', 'src', 'deps', 'package.json']) cpSync(join(sqliteDir, entry), join(work, entry), { recursive: true });
  const env = cleanEnv();
  const built = join(work, 'build/Release', BINARY);
  const label = `better-sqlite3 ${sqliteVersion} for ${runtime === 'electron' ? 'Electron' : 'Node'} ${target}`;

  const finish = (how) => {
    mkdirSync(outDir, { recursive: true });
    cpSync(built, binding);
    writeFileSync(stamp, wanted);
    rmSync(work, { recursive: true, force: true });
    return { binding, how };
  };

  say(`Getting ${label} (once): downloading its prebuilt binary...`);
  const prebuildInstall = require.resolve('prebuild-install/bin.js');
  const fetched = spawnSync(process.execPath, [prebuildInstall, '--runtime', runtime, '--target', target, '--arch', process.arch, '--verbose'], {
    cwd: work,
    env,
    encoding: 'utf8',
  });
  const prebuildOutput = `${fetched.stdout ?? ''}${fetched.stderr ?? ''}`;
  if (fetched.status === 0 && existsSync(built)) return finish('prebuilt');
  const prebuild = prebuildReason(prebuildOutput);

  say(`Could not download it (${prebuild}); compiling it instead, which takes a minute or two...`);
  const headers =
    runtime === 'electron'
      ? ['--runtime=electron', `--dist-url=${process.env.npm_config_disturl || process.env.npm_config_dist_url || 'https://electronjs.org/headers'}`]
      : nodedir
        ? [`--nodedir=${resolve(nodedir)}`]
        : [];
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  const compiled = spawnSync(process.execPath, [nodeGyp, 'rebuild', '--release', '--jobs=max', `--target=${target}`, `--arch=${process.arch}`, ...headers], {
    cwd: work,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const compileOutput = `${compiled.stdout ?? ''}${compiled.stderr ?? ''}${compiled.error ? String(compiled.error) : ''}`;
  mkdirSync(dirname(log), { recursive: true });
  writeFileSync(log, `$ prebuild-install --runtime ${runtime} --target ${target}\n${prebuildOutput}\n$ node-gyp rebuild (${runtime} ${target})\n${compileOutput}`);
  if (compiled.status === 0 && existsSync(built)) return finish('compiled');
  rmSync(work, { recursive: true, force: true });
  return { binding: null, prebuild, compile: compileFailure(compileOutput), log };
}

/** What a person on this operating system installs so that compiling native modules works. */
export function buildToolsAdvice(platform = process.platform) {
  if (platform === 'darwin') return "install Xcode's command line tools (xcode-select --install)";
  if (platform === 'win32') return 'install Visual Studio Build Tools with the "Desktop development with C++" workload, and Python 3';
  return 'install a C++ compiler, make and Python 3 (on Debian or Ubuntu: sudo apt install build-essential python3)';
}
