import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../../../db/demo/catalogue';
import { loadDemo, demoStatus } from '../../../db/demo/load';
import { DatabaseRefused } from '../../../db/open';
import { hashPassword } from '../../core/users/passwords';
import { keyFileSecrets } from './keyFileSecrets';
import { OFFSET_CLOCK_VARIABLE, offsetClockFromEnvironment } from './offsetClock';
import { ChannelWorker } from '../../core/channels/channelWorker';
import { MailWorker } from '../../core/mail/mailWorker';
import { startMaintenance } from '../../core/maintenance';
import { HostLinks } from '../../core/ports';
import { notifySendNotifier } from '../osNotifications/notifySend';
import { startOsAlerts } from '../osNotifications/osAlerts';
import { defaultDataDir } from '../dataDir';
import { startCore, type Runtime } from '../startCore';
import { accessTokenFor } from './accessToken';
import { isLoopback } from './addresses';
import { startHeadless, type TlsFiles } from './server';

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
    // Serve the contract only, without the app's pages: for scripts, and for tests that need no UI.
    'api-only': { type: 'boolean', default: false },
    'allow-remote': { type: 'boolean', default: false },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    // Replaces the stored access token: every address printed before stops working.
    'new-token': { type: 'boolean', default: false },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not "${values.port}".`);
const loopback = isLoopback(values.host);
if (!loopback && !values['allow-remote']) {
  fail(`--host ${values.host} would expose Stockbell to the network; add --allow-remote if that is what you want.`);
}
if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) fail('--tls-cert and --tls-key go together: give both files.');
function readTls(): TlsFiles | undefined {
  if (!values['tls-cert'] || !values['tls-key']) return undefined;
  try {
    return { cert: readFileSync(values['tls-cert']), key: readFileSync(values['tls-key']) };
  } catch (error) {
    return fail(`the TLS certificate or key could not be read: ${(error as Error).message}`);
  }
}
const tls = readTls();
if (!loopback) {
  console.warn(
    tls
      ? 'Warning: Stockbell is reachable from other machines; anyone with the address and its token can reach the sign-in page.'
      : 'Warning: Stockbell is reachable from other machines over plain HTTP: the access token, passwords and session cookies cross the network unencrypted. Give it a certificate with --tls-cert FILE --tls-key FILE.',
  );
}
const rendererDir = values['api-only'] ? null : resolve(projectRoot, 'build/renderer');
if (rendererDir && !existsSync(resolve(rendererDir, 'index.html'))) fail('the renderer is not built; run "npm run build:renderer".');
const dataDir = resolve(values['data-dir'] ?? defaultDataDir());

const links = new HostLinks();
const clock = offsetClockFromEnvironment();
if (clock) console.warn(`Warning: the time is read with an offset from ${process.env[OFFSET_CLOCK_VARIABLE] ?? ''} (for tests); unset ${OFFSET_CLOCK_VARIABLE} to use this computer's time.`);
async function openRuntime(): Promise<Runtime> {
  try {
    return await startCore(dataDir, { secrets: keyFileSecrets(dataDir), links, ...(clock ? { clock } : {}) });
  } catch (error) {
    return fail(error instanceof DatabaseRefused ? error.message : `the database in ${dataDir} could not be opened: ${(error as Error).message}`);
  }
}
const runtime = await openRuntime();
if (values.demo && runtime.core.read(demoStatus).empty) {
  const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
  const loaded = runtime.core.write(null, (ctx) => loadDemo(ctx, demoPasswordHash));
  console.log(`Loaded demo data: ${loaded.parts} parts in ${loaded.categories} categories, ${loaded.stockItems} stock items.`);
  console.log(`Demo accounts: alex (administrator), sam, jordan; password "${DEMO_PASSWORD}".`);
}

const mailWorker = new MailWorker(runtime.core, runtime.secrets, { claims: () => runtime.team.claims() });
const channelWorker = new ChannelWorker(runtime.core, runtime.secrets);
const stopMaintenance = startMaintenance(runtime.core, {
  onClockJump: () => {
    mailWorker.wake();
    channelWorker.wake();
  },
});
async function listen() {
  try {
    const token = accessTokenFor(dataDir, { renew: values['new-token'] });
    return await startHeadless({ runtime, rendererDir, host: values.host, port, token, ...(tls ? { tls } : {}) });
  } catch (error) {
    return fail(`it could not listen on ${values.host}:${port}: ${(error as Error).message}`);
  }
}
const host = await listen();
links.webBase = host.url.replace(/\/#token=.*$/, '');
mailWorker.start();
channelWorker.start();
const notifier = notifySendNotifier();
const stopOsAlerts = notifier ? startOsAlerts(runtime.core, { notifier, signedIn: () => host.signedInUsers(), open: () => undefined }) : () => undefined;
console.log(`Stockbell is serving at ${host.url}`);
if (host.urls.length > 1) console.log(`It also answers at:\n${host.urls.slice(1).map((url) => `  ${url}`).join('\n')}`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  stopMaintenance();
  stopOsAlerts();
  await mailWorker.stop();
  await channelWorker.stop();
  await host.close();
  await runtime.team.stop();
  runtime.core.close();
  console.log(`Stockbell stopped (${signal}); the database was closed cleanly.`);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
