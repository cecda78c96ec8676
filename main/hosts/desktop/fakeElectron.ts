import { EventEmitter } from 'node:events';
import type { SafeStorage } from 'electron';
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

export class FakeWindow extends EventEmitter {
  visible = false;
  focused = false;
  sent: { channel: string; payload: unknown }[] = [];
  overlay: unknown = undefined;
  readonly webContents = { send: (channel: string, payload: unknown) => this.sent.push({ channel, payload }) };
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
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
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

export const fakeElectron = {
  app: new FakeApp(),
  Tray: FakeTray,
  Notification: FakeNotification,
  Menu: { buildFromTemplate: (template: MenuItemTemplate[]) => template },
  nativeImage: { createFromBitmap: () => ({ fake: 'image' }), createFromPath: () => ({ fake: 'image' }) },
  ipcMain: { handle: () => undefined, removeHandler: () => undefined },
  shell: { openExternal: async () => undefined },
  protocol: new FakeProtocol(),
  safeStorage: new FakeSafeStorage(),
  // Like Electron's net.fetch for file:// URLs: the file's bytes, or a rejection when it is missing.
  net: { fetch: async (url: string) => new Response(await readFile(fileURLToPath(url))) },
};
