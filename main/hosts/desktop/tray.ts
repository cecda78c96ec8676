import { app, Menu, nativeImage, Tray, type BrowserWindow, type NativeImage } from 'electron';

export interface TrayActions {
  openInbox(): void;
  markAllRead(): void;
  quit(): void;
}

/** A small red dot drawn in memory, for the Windows taskbar overlay (no image file needed). */
function overlayDot(): NativeImage {
  const size = 16;
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const inside = (x - 7.5) ** 2 + (y - 7.5) ** 2 <= 56;
      pixels.set(inside ? [0x33, 0x33, 0xe0, 0xff] : [0, 0, 0, 0], (y * size + x) * 4); // BGRA
    }
  }
  return nativeImage.createFromBitmap(pixels, { width: size, height: size });
}

/**
 * The tray icon (tooltip and menu carry the unread count) and the app badge: the dock on macOS,
 * the launcher on Linux (Unity), an overlay on the taskbar button on Windows.
 */
export class TrayController {
  private readonly tray: Tray;
  private readonly dot = process.platform === 'win32' ? overlayDot() : null;

  constructor(
    icon: NativeImage,
    private readonly window: BrowserWindow,
    private readonly actions: TrayActions,
  ) {
    this.tray = new Tray(icon);
    this.tray.on('click', () => actions.openInbox());
    this.update(0);
  }

  update(unread: number): void {
    const label = unread === 0 ? 'No unread notifications' : `${unread} unread notification${unread === 1 ? '' : 's'}`;
    this.tray.setToolTip(`Stockbell: ${label}`);
    this.tray.setContextMenu(
      Menu.buildFromTemplate([
        { label, enabled: false },
        { type: 'separator' },
        { label: 'Open inbox', click: () => this.actions.openInbox() },
        { label: 'Mark all as read', enabled: unread > 0, click: () => this.actions.markAllRead() },
        { type: 'separator' },
        { label: 'Quit', click: () => this.actions.quit() },
      ]),
    );
    app.setBadgeCount(unread);
    if (this.dot && !this.window.isDestroyed()) this.window.setOverlayIcon(unread > 0 ? this.dot : null, label);
  }

  destroy(): void {
    this.tray.destroy();
  }
}
