import { app, BrowserWindow, session as electronSession } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MailWorker } from '../../core/mail/mailWorker';
import { startMaintenance } from '../../core/maintenance';
import { newSession } from '../../dispatch/session';
import { startCore, type Runtime } from '../startCore';
import { serveContract } from './ipc';
import { safeStorageSecrets } from './safeStorageSecrets';
import { registerAppScheme, serveRenderer } from './rendererProtocol';
import { APP_ORIGIN, guardPermissions, guardWindow, secureWebPreferences } from './security';

// The desktop host: a thin shell around the same core and dispatch the headless host serves.

const appRoot = app.getAppPath();

function nativeBinding(): string | undefined {
  // Development runs keep the Node build of better-sqlite3 for tests; Electron loads its own build.
  const electronBuild = process.env.STOCKBELL_NATIVE_BINDING ?? join(appRoot, 'build/native/electron/better_sqlite3.node');
  return app.isPackaged || !existsSync(electronBuild) ? undefined : electronBuild;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let runtime: Runtime | null = null;
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(() => {
    const binding = nativeBinding();
    runtime = startCore(process.env.STOCKBELL_DATA_DIR ?? app.getPath('userData'), {
      migrationsFolder: join(appRoot, 'db/migrations'),
      secrets: safeStorageSecrets,
      ...(binding ? { nativeBinding: binding } : {}),
    });
    const stopMaintenance = startMaintenance(runtime.core);
    const mailWorker = new MailWorker(runtime.core, runtime.secrets);
    mailWorker.start();
    app.once('will-quit', () => {
      stopMaintenance();
      void mailWorker.stop();
    });
    guardPermissions(electronSession.defaultSession);
    serveRenderer(join(appRoot, 'build/renderer'));

    const window = new BrowserWindow({
      width: 1320,
      height: 860,
      minWidth: 960,
      minHeight: 600,
      title: 'Stockbell',
      show: false,
      webPreferences: secureWebPreferences(join(__dirname, 'preload.cjs')),
    });
    mainWindow = window;
    guardWindow(window);
    const stopServing = serveContract(runtime, window, newSession());
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      stopServing();
      mainWindow = null;
    });
    void window.loadURL(`${APP_ORIGIN}/`);
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => runtime?.core.close());
}
