import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRuntime, type TestRuntime } from '../../testing/runtime';
import { notifySendNotifier } from './notifySend';
import { startOsAlerts } from './osAlerts';

// A real freedesktop notification daemon (dunst) on a private D-Bus session and X display, so the
// headless host's banners are checked end to end, as the desktop would receive them.
const tools = ['Xvfb', 'dbus-daemon', 'dunst', 'dunstctl', 'notify-send'];
const missing = tools.filter((tool) => spawnSync('which', [tool]).status !== 0);
if (missing.length > 0) console.warn(`Skipping the OS notification test: ${missing.join(', ')} not installed (apt-get install xvfb dbus dunst libnotify-bin).`);

const children: ChildProcess[] = [];
let env: NodeJS.ProcessEnv;
let configDir: string;

function readLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.split('\n')[0] as string);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
}

async function until<T>(probe: () => T | null, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface DunstHistory {
  data: { summary: { data: string }; body: { data: string }; message: { data: string }; appname: { data: string } }[][];
}

/** What dunst draws: its Pango markup with the tags taken out and the entities read. */
function drawnText(markup: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return markup.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|apos);/g, (_entity, name: string) => entities[name] as string);
}

function history(): DunstHistory['data'][number] {
  spawnSync('dunstctl', ['close-all'], { env });
  const result = spawnSync('dunstctl', ['history'], { env, encoding: 'utf8' });
  if (result.status !== 0) return [];
  return (JSON.parse(result.stdout) as DunstHistory).data[0] ?? [];
}

describe.skipIf(missing.length > 0)('OS notifications through notify-send and dunst', () => {
  let app: TestRuntime;

  beforeAll(async () => {
    configDir = mkdtempSync(join(tmpdir(), 'stockbell-dunst-'));
    const display = `:${90 + Math.floor(Math.random() * 400)}`;
    children.push(spawn('Xvfb', [display, '-screen', '0', '800x600x24', '-nolisten', 'tcp'], { stdio: 'ignore' }));
    const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address'], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(bus);
    const address = await readLine(bus);
    env = { ...process.env, DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: address, XDG_CONFIG_HOME: configDir };
    writeFileSync(join(configDir, 'dunstrc'), '[global]\n  history_length = 50\n');
    children.push(spawn('dunst', ['-config', join(configDir, 'dunstrc')], { stdio: 'ignore', env }));
    await until(() => (spawnSync('dunstctl', ['is-paused'], { env }).status === 0 ? true : null));
    app = await openTestRuntime();
  }, 30_000);

  afterAll(() => {
    app?.close();
    for (const child of children.reverse()) child.kill('SIGTERM');
    rmSync(configDir, { recursive: true, force: true });
  });

  it('shows a low-stock banner for the signed-in person, grouped with what came with it', async () => {
    const notifier = notifySendNotifier(env);
    if (!notifier) throw new Error('notify-send should be available on this bus');
    const alice = await app.signIn('Alice');
    const stop = startOsAlerts(app.core, { notifier, signedIn: () => new Set([alice.userId as number]), open: () => undefined, windowMs: 50 });
    const bin = await app.call('locations.create', { name: 'Bin' });
    const changes = [];
    for (const name of ['Fuse 1A', 'Fuse 2A', 'Fuse 5A']) {
      const part = await app.call('parts.create', { name, minimumStock: '10' });
      const item = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '12' });
      await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, alice);
      changes.push({ itemId: item.id, kind: 'remove' as const, quantity: '5' });
    }
    await app.call('stock.adjustMany', { changes });
    const banners = await until(() => {
      const seen = history();
      return seen.length > 0 ? seen : null;
    });
    expect(banners.map((entry) => entry.summary.data)).toEqual(['3 parts are low on stock']);
    expect(banners[0]?.body.data).toBe('Fuse 1A, Fuse 2A, Fuse 5A');
    expect(banners[0]?.appname.data).toBe('Stockbell');
    stop();
  }, 30_000);

  it('shows a part name that looks like an option or markup exactly as written', async () => {
    const notifier = notifySendNotifier(env);
    if (!notifier) throw new Error('notify-send should be available on this bus');
    const bob = await app.signIn('Bob');
    const stop = startOsAlerts(app.core, { notifier, signedIn: () => new Set([bob.userId as number]), open: () => undefined, windowMs: 50 });
    const name = '-u critical <b>bold</b> & more';
    const bin = await app.call('locations.create', { name: 'Shelf' });
    const part = await app.call('parts.create', { name, minimumStock: '10' });
    const item = await app.call('stock.create', { partId: part.id, locationId: bin.id, quantity: '12' });
    await app.call('subscriptions.subscribe', { kind: 'part', id: part.id }, bob);
    await app.call('stock.remove', { itemId: item.id, quantity: '5' });
    const banner = await until(() => history().find((entry) => entry.summary.data.includes(name)) ?? null);
    const title = `Low stock: ${name}`;
    const body = `${name} is down to 7, below its minimum of 10.`;
    expect(banner.summary.data).toBe(title);
    expect(drawnText(banner.message.data)).toBe(`${title}\n${body}`);
    stop();
  }, 30_000);

  it('is skipped silently where there is no session bus', () => {
    expect(notifySendNotifier({ ...process.env, DBUS_SESSION_BUS_ADDRESS: '' })).toBeNull();
  });
});
