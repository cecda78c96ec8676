// The Node line inside Electron's main process, and a copy of that Node from the npm registry
// (node-<platform>-<arch>, real Node builds with their headers), kept in build/toolchains. It is
// fetched by a script rather than listed in package.json: it is per platform, and its `node` binary
// would shadow the developer's own in node_modules/.bin.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

/**
 * Electron major -> the Node its main process runs (the line from Electron's release notes; the
 * newest release of that line on the registry when it was pinned). Bump it with Electron.
 */
const NODE_INSIDE_ELECTRON = { 45: '24.22.3' };

/** The Node version to test the core on for the installed Electron; throws when nobody has pinned one. */
export function electronNodeVersion() {
  const major = Number(electronVersion.split('.')[0]);
  const version = NODE_INSIDE_ELECTRON[major];
  if (!version) {
    throw new Error(
      `No Node version is pinned for Electron ${electronVersion}: add its Node line to NODE_INSIDE_ELECTRON in scripts/electronNode.mjs.`,
    );
  }
  return { electronVersion, nodeVersion: version };
}

/**
 * Node `version` for this platform, unpacked once into root/build/toolchains. Returns { node, nodedir }
 * (the binary, and the folder whose include/node node-gyp compiles against), or { error }.
 */
export function registryNode(root, version) {
  const name = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
  const home = join(root, 'build/toolchains', `${name}-${version}`);
  const locate = () => {
    const manifest = JSON.parse(readFileSync(join(home, 'package.json'), 'utf8'));
    const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.node;
    return { node: join(home, bin), nodedir: home };
  };
  if (existsSync(join(home, 'package.json'))) return locate();

  const partial = `${home}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  console.log(`Fetching ${name}@${version} from the npm registry (once, about 50 MB)...`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = spawnSync(npm, ['pack', `${name}@${version}`, '--pack-destination', partial, '--json', '--silent'], {
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  if (packed.status !== 0) {
    rmSync(partial, { recursive: true, force: true });
    const notFound = /E404|404 Not Found/.test(packed.stderr ?? '');
    return { error: notFound ? `the npm registry has no ${name}@${version} for this platform` : `npm pack ${name}@${version} failed: ${(packed.stderr ?? '').trim().split('\n').at(-1)}` };
  }
  const [{ filename }] = JSON.parse(packed.stdout);
  const unpacked = spawnSync('tar', ['-xzf', filename, '-C', '.'], { cwd: partial, encoding: 'utf8' });
  if (unpacked.status !== 0) {
    rmSync(partial, { recursive: true, force: true });
    return { error: `could not unpack ${filename}: ${(unpacked.stderr ?? '').trim()}` };
  }
  rmSync(home, { recursive: true, force: true });
  // Whole or not at all: a cancelled unpack must not look like a Node on the next run.
  renameSync(join(partial, 'package'), home);
  rmSync(partial, { recursive: true, force: true });
  return locate();
}
