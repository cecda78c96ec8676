import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadDemo, demoStatus } from '../../../db/demo/load';
import { startMaintenance } from '../../core/maintenance';
import { defaultDataDir } from '../dataDir';
import { startCore, type Runtime } from '../startCore';
import { startHeadless } from './server';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function fail(message: string): never {
  console.error(`Stockbell could not start: ${message}`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    demo: { type: 'boolean', default: false },
    'allow-remote': { type: 'boolean', default: false },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}".`);
const loopback = ['127.0.0.1', '::1', 'localhost'].includes(values.host);
if (!loopback && !values['allow-remote']) {
  fail(`--host ${values.host} would expose Stockbell to the network; add --allow-remote if that is what you want.`);
}
if (!loopback) console.warn(`Warning: Stockbell is reachable from other machines at ${values.host}; anyone with the URL's token can use it.`);
const rendererDir = resolve(projectRoot, 'build/renderer');
if (!existsSync(resolve(rendererDir, 'index.html'))) fail('the renderer is not built; run "npm run build:renderer".');
const dataDir = resolve(values['data-dir'] ?? defaultDataDir());

function openRuntime(): Runtime {
  try {
    return startCore(dataDir);
  } catch (error) {
    return fail(`the database in ${dataDir} could not be opened: ${(error as Error).message}`);
  }
}
const runtime = openRuntime();
if (values.demo && runtime.core.read(demoStatus).empty) {
  const loaded = runtime.core.write(null, loadDemo);
  console.log(`Loaded demo data: ${loaded.parts} parts in ${loaded.categories} categories, ${loaded.stockItems} stock items.`);
}

const stopMaintenance = startMaintenance(runtime.core);
const host = await startHeadless({ runtime, rendererDir, host: values.host, port, token: randomBytes(24).toString('hex') });
console.log(`Stockbell is serving at ${host.url}`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  stopMaintenance();
  await host.close();
  runtime.core.close();
  console.log(`Stockbell stopped (${signal}); the database was closed cleanly.`);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
