import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type Session } from 'electron';

// Every Electron hardening decision lives here, so it can be read (and audited) in one place.
// Nothing else in the app may call shell.openExternal.

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://stockbell`;

// Kept as one literal so it can be read (and checked by electronegativity) as written. Mantine writes
// its theme variables into a style element at run time, hence 'unsafe-inline' for styles only.
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
}
