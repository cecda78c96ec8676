import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, SafeStorage } from 'electron';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// The one fake of a dependency in the project: a minimal stand-in for the parts of Electron the
// desktop host uses, recording what the host asked of it. Electron itself cannot run here.

export interface MenuItemTemplate {
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: () => void;
}

class FakeApp extends EventEmitter {
  badgeCount = 0;
  quitCalls = 0;
  isPackaged = false;
  appPath = process.cwd();
  userData = '';
  /** False when another Stockbell already holds the single-instance lock. */
  singleInstance = true;
  protocolClients: string[] = [];
  private ready = false;
  private markReady: () => void = () => undefined;
  private readyPromise = this.nextReady();

  private nextReady(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.markReady = resolve;
    });
  }
  /** As a fresh process would find it: not ready, nothing registered, no listeners. */
  reset(): void {
    this.removeAllListeners();
    this.badgeCount = 0;
    this.quitCalls = 0;
    this.singleInstance = true;
    this.protocolClients = [];
    this.ready = false;
    this.readyPromise = this.nextReady();
  }
  /** What Electron does once it has initialised: resolves whenReady(). */
  becomeReady(): void {
    this.ready = true;
    this.markReady();
    this.emit('ready');
  }
  isReady(): boolean {
    return this.ready;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getPath(name: string): string {
    if (name !== 'userData' || !this.userData) throw new Error(`The fake app has no path "${name}".`);
    return this.userData;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  isDefaultProtocolClient(scheme: string): boolean {
    return this.protocolClients.includes(scheme);
  }
  setAsDefaultProtocolClient(scheme: string): boolean {
    this.protocolClients.push(scheme);
    return true;
  }
  setBadgeCount(count: number): boolean {
    this.badgeCount = count;
    return true;
  }
  quit(): void {
    this.quitCalls += 1;
  }
}

export class FakeTray extends EventEmitter {
  static last: FakeTray | null = null;
  tooltip = '';
  menu: MenuItemTemplate[] = [];
  destroyed = false;
  constructor() {
    super();
    FakeTray.last = this;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: MenuItemTemplate[]): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
  item(label: string): MenuItemTemplate {
    const found = this.menu.find((entry) => entry.label === label);
    if (!found) throw new Error(`No tray menu item "${label}"`);
    return found;
  }
}

export class FakeNotification extends EventEmitter {
  static shown: FakeNotification[] = [];
  static isSupported(): boolean {
    return true;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  /** Where sent messages go besides the record: a FakeRenderer's page, when a test connects one. */
  deliver: (channel: string, payload: unknown) => void = () => undefined;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
    this.deliver(channel, payload);
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

/** BrowserWindow: keeps the options it was made with and the URLs it was asked to load. */
export class FakeWindow extends EventEmitter {
  static opened: FakeWindow[] = [];
  visible = false;
  focused = false;
  overlay: unknown = undefined;
  loaded: string[] = [];
  readonly webContents = new FakeWebContents();
  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    FakeWindow.opened.push(this);
  }
  get sent(): { channel: string; payload: unknown }[] {
    return this.webContents.sent;
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused = true;
  }
  setOverlayIcon(icon: unknown): void {
    this.overlay = icon;
  }
  /** Routes the host asked the page to open. */
  navigations(): string[] {
    return this.sent.filter((entry) => entry.channel === 'stockbell:event:app.navigate').map((entry) => (entry.payload as { path: string }).path);
  }
}

/** safeStorage with a settable Linux backend; "encryption" here only needs to round-trip. */
export class FakeSafeStorage {
  backend: ReturnType<SafeStorage['getSelectedStorageBackend']> = 'gnome_libsecret';
  encryptionAvailable = true;
  isEncryptionAvailable(): boolean {
    return this.encryptionAvailable;
  }
  getSelectedStorageBackend(): ReturnType<SafeStorage['getSelectedStorageBackend']> {
    return this.backend;
  }
  encryptString(plain: string): Buffer {
    return Buffer.from(plain, 'utf8').reverse();
  }
  decryptString(sealed: Buffer): string {
    return Buffer.from(sealed).reverse().toString('utf8');
  }
}

export type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export class FakeProtocol {
  privileged: { scheme: string; privileges: Record<string, boolean> }[] = [];
  private readonly handlers = new Map<string, ProtocolHandler>();
  constructor(private readonly appIsReady: () => boolean) {}
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
    // Electron refuses this once the app is ready: the schemes must be known before any page loads.
    if (this.appIsReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  }
  /** The handler the host registered for a scheme, to send it requests as the page would. */
  handler(scheme: string): ProtocolHandler {
    const found = this.handlers.get(scheme);
    if (!found) throw new Error(`No handler for ${scheme}://`);
    return found;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    // As Electron does: one handler per channel.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Calls the handler for a channel as ipcRenderer.invoke from a page would, with that page's event. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type PermissionCheckHandler = (contents: unknown, permission: string) => boolean;

export class FakeSession {
  permissionRequests: PermissionRequestHandler | null = null;
  permissionChecks: PermissionCheckHandler | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequests = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionChecks = handler;
  }
  /** What a page asking for `permission` would be told. */
  grants(permission: string): boolean {
    let granted = false;
    this.permissionRequests?.(null, permission, (answer) => {
      granted = answer;
    });
    return granted && (this.permissionChecks?.(null, permission) ?? false);
  }
}

/** The preload's side: what it exposed to the page, and the page's calls it passed on to the main process. */
export class FakeRenderer {
  exposed = new Map<string, unknown>();
  invoked: { channel: string; args: unknown[] }[] = [];
  listeners = new EventEmitter();
  /** Where invoke() goes; by default nowhere (the call is only recorded). */
  answer: (channel: string, args: unknown[]) => Promise<unknown> = () => Promise.resolve(undefined);
  readonly contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => {
      this.exposed.set(key, api);
    },
  };
  readonly ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => {
      this.invoked.push({ channel, args });
      return this.answer(channel, args);
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => this.listeners.on(channel, listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => this.listeners.removeListener(channel, listener),
  };
}

const app = new FakeApp();

export const fakeElectron = {
  app,
  BrowserWindow: FakeWindow,
  Tray: FakeTray,
  Notification: FakeNotification,
  Menu: { buildFromTemplate: (template: MenuItemTemplate[]) => template },
  nativeImage: { createFromBitmap: () => ({ fake: 'image' }), createFromPath: () => ({ fake: 'image' }) },
  ipcMain: new FakeIpcMain(),
  dialog: { errors: [] as { title: string; content: string }[], showErrorBox(title: string, content: string) { this.errors.push({ title, content }); } },
  session: { defaultSession: new FakeSession() },
  shell: { openExternal: async () => undefined },
  protocol: new FakeProtocol(() => app.isReady()),
  safeStorage: new FakeSafeStorage(),
  // Like Electron's net.fetch for file:// URLs: the file's bytes, or a rejection when it is missing.
  net: { fetch: async (url: string) => new Response(await readFile(fileURLToPath(url))) },
};
