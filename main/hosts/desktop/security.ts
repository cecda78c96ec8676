import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type Session } from 'electron';
import { contentSecurityPolicy } from '../../contract/contentSecurityPolicy';

// Every Electron hardening decision lives here, so it can be read (and audited) in one place.
// Nothing else in the app may call shell.openExternal.

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://stockbell`;

/**
 * Headers on every app:// response. The app:// handler sets them itself: session.webRequest's header
 * hooks never see responses made by protocol.handle.
 */
export const appResponseHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
};

/** The app's window, with every web preference that matters set explicitly and locked to app://. */
export function createSecureWindow(options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>, preload: string): BrowserWindow {
  const window = new BrowserWindow({
    ...options,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  guardWindow(window);
  return window;
}

/** Links a person may open in their browser: https only, and never our own scheme. */
export function safeOpenExternal(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.protocol !== 'https:') return;
  void shell.openExternal(parsed.toString());
}

export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

/** Locks a window to the app's own pages; anything else opens externally (https) or not at all. */
export function guardWindow(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      safeOpenExternal(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    safeOpenExternal(url);
    return { action: 'deny' };
  });
}

/** Only notifications may be granted; camera, location, clipboard and the rest are refused. */
export function guardPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'notifications'));
  session.setPermissionCheckHandler((_contents, permission) => permission === 'notifications');
}
