import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../contract';
import { contentSecurityPolicy } from '../../contract/contentSecurityPolicy';
import { fakeElectron, FakeRenderer, FakeTray, FakeWindow } from './fakeElectron';
import { buildDesktopBundle, FIXTURE_PAGE, runWithElectron, type DesktopBundle } from './fakeElectronBundle';

// The built main process (build/desktop/main.cjs as `npm run build:desktop` makes it) started the way
// Electron starts it, against the fake Electron module: what a person launching the app depends on.

interface CallResult {
  ok: boolean;
  value?: unknown;
  error?: { code: string };
}
interface PageApi {
  invoke(method: string, input: unknown): Promise<CallResult>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

let bundle: DesktopBundle;
const scratch: string[] = [];
const savedDataDir = process.env.STOCKBELL_DATA_DIR;

beforeAll(() => {
  // The fake app's userData is the data folder under test; the variable would override it.
  delete process.env.STOCKBELL_DATA_DIR;
  bundle = buildDesktopBundle();
}, 120_000);
afterEach(() => {
  // Closes what a launch opened (database, timers), as quitting the app does.
  fakeElectron.app.emit('will-quit');
});
afterAll(() => {
  if (savedDataDir !== undefined) process.env.STOCKBELL_DATA_DIR = savedDataDir;
  bundle.remove();
  for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
});

function newDataDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'stockbell-desktop-data-'));
  scratch.push(folder);
  return folder;
}

/** Electron launching main.cjs: a fresh module in a process whose app is not ready yet. */
function launch(options: { singleInstance?: boolean; dataDir?: string } = {}): string {
  const dataDir = options.dataDir ?? newDataDir();
  fakeElectron.app.reset();
  fakeElectron.app.singleInstance = options.singleInstance ?? true;
  fakeElectron.app.appPath = bundle.appRoot;
  fakeElectron.app.userData = dataDir;
  fakeElectron.ipcMain.handlers.clear();
  fakeElectron.protocol.privileged = [];
  fakeElectron.dialog.errors = [];
  FakeWindow.opened = [];
  FakeTray.last = null;
  runWithElectron(bundle.main, fakeElectron);
  return dataDir;
}

async function readyWindow(): Promise<FakeWindow> {
  fakeElectron.app.becomeReady();
  await vi.waitFor(() => expect(FakeWindow.opened[0]?.loaded).toEqual(['app://stockbell/']), { timeout: 15_000 });
  return FakeWindow.opened[0] as FakeWindow;
}

/** The app's page in that window, with the built preload between it and the main process. */
function pageIn(window: FakeWindow): PageApi {
  const renderer = new FakeRenderer();
  const frame = { sender: window.webContents, senderFrame: { parent: null, url: 'app://stockbell/#/parts' } };
  renderer.answer = (channel, args) => fakeElectron.ipcMain.invoke(channel, frame, ...args);
  window.webContents.deliver = (channel, payload) => renderer.listeners.emit(channel, {}, payload);
  runWithElectron(bundle.preload, renderer);
  return renderer.exposed.get('stockbell') as PageApi;
}

describe('the desktop main process, started from its bundle', () => {
  it('hands a second launch to the Stockbell already running and opens nothing itself', async () => {
    launch({ singleInstance: false });
    fakeElectron.app.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fakeElectron.app.quitCalls).toBe(1);
    expect(FakeWindow.opened).toEqual([]);
    expect(fakeElectron.app.protocolClients).toEqual([]);
    expect(fakeElectron.ipcMain.handlers.size).toBe(0);
  });

  it('registers its schemes before ready, then opens a locked-down window on app:// with the tray', async () => {
    const dataDir = launch();
    expect(fakeElectron.protocol.privileged).toContainEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) });
    expect(fakeElectron.app.protocolClients).toEqual(['stockbell']);
    expect(FakeWindow.opened).toEqual([]);

    const window = await readyWindow();
    const preferences = window.options.webPreferences ?? {};
    expect(preferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(preferences.preload).toBe(join(dirname(bundle.main), 'preload.cjs'));
    expect(existsSync(preferences.preload ?? '')).toBe(true);
    expect(existsSync(join(dataDir, 'stockbell.db'))).toBe(true);

    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
    expect(FakeTray.last?.tooltip).toBe('Stockbell: No unread notifications');

    const away = { prevented: false, preventDefault() { this.prevented = true; } };
    window.webContents.emit('will-navigate', away, 'https://example.com/');
    expect(away.prevented).toBe(true);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(fakeElectron.session.defaultSession.grants('notifications')).toBe(true);
    expect(fakeElectron.session.defaultSession.grants('media')).toBe(false);

    const page = await fakeElectron.protocol.handler('app')(new Request('app://stockbell/'));
    expect(page.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
    expect(await page.text()).toBe(FIXTURE_PAGE);
  });

  it('serves every contract method over IPC to its own page, with events back, and nothing to a foreign frame', async () => {
    launch();
    const window = await readyWindow();
    const page = pageIn(window);

    for (const method of methodNames) {
      const result = await page.invoke(method, undefined);
      expect(result.error?.code, `${method} must reach dispatch`).not.toBe('UNKNOWN_METHOD');
    }

    const admin = await page.invoke('session.setup', { username: 'ada', displayName: 'Ada', email: 'ada@example.test', password: 'correct horse battery' });
    expect(admin.ok).toBe(true);
    const heard: unknown[] = [];
    page.on('inventory.changed', (payload) => heard.push(payload));
    expect((await page.invoke('locations.create', { name: 'Shelf A' })).ok).toBe(true);
    expect(heard).toContainEqual({ areas: ['locations'] });

    const foreign = { sender: window.webContents, senderFrame: { parent: null, url: 'https://evil.example/' } };
    const [channel] = [...fakeElectron.ipcMain.handlers.keys()];
    const refused = (await fakeElectron.ipcMain.invoke(channel ?? '', foreign, 'session.get', {})) as CallResult;
    expect(refused.error?.code).toBe('FORBIDDEN');
  });

  it('says in one dialog that it cannot open a damaged inventory, and quits', async () => {
    const dataDir = newDataDir();
    writeFileSync(join(dataDir, 'stockbell.db'), 'this is not a database, just text that happens to be here');
    launch({ dataDir });
    fakeElectron.app.becomeReady();
    await vi.waitFor(() => expect(fakeElectron.app.quitCalls).toBe(1), { timeout: 15_000 });
    expect(fakeElectron.dialog.errors.map((error) => error.title)).toEqual(['Stockbell cannot open your inventory']);
    expect(FakeWindow.opened).toEqual([]);
  });
});
