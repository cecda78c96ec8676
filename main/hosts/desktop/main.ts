import { app, dialog, nativeImage, session as electronSession } from 'electron';
import { DEMO_PASSWORD } from '../../../db/demo/catalogue';
import { demoStatus, loadDemo } from '../../../db/demo/load';
import { DatabaseRefused } from '../../../db/open';
import { hashPassword } from '../../core/users/passwords';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deepLinkInArgs } from '../../core/deepLinks';
import { ChannelWorker } from '../../core/channels/channelWorker';
import { MailWorker } from '../../core/mail/mailWorker';
import { startMaintenance } from '../../core/maintenance';
import { readSetting } from '../../core/settings';
import { newSession } from '../../dispatch/session';
import { startCore, type Runtime } from '../startCore';
import { createDesktopShell, forwardLaunches } from './desktopShell';
import { serveContract } from './ipc';
import { registerAppScheme, serveRenderer } from './rendererProtocol';
import { safeStorageSecrets } from './safeStorageSecrets';
import { APP_ORIGIN, createSecureWindow, guardPermissions } from './security';

// The desktop host: a thin shell around the same core and dispatch the headless host serves.

const appRoot = app.getAppPath();

function nativeBinding(): string | undefined {
  // Development runs keep the Node build of better-sqlite3 for tests; Electron loads its own build.
  const electronBuild = process.env.STOCKBELL_NATIVE_BINDING ?? join(appRoot, 'build/native/electron/better_sqlite3.node');
  return app.isPackaged || !existsSync(electronBuild) ? undefined : electronBuild;
}

function startRuntime(): Promise<Runtime> {
  const binding = nativeBinding();
  return startCore(process.env.STOCKBELL_DATA_DIR ?? app.getPath('userData'), {
    migrationsFolder: join(appRoot, 'db/migrations'),
    secrets: safeStorageSecrets,
    ...(binding ? { nativeBinding: binding } : {}),
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Stockbell is running: it receives our arguments (and any deep link) through 'second-instance'.
  app.quit();
} else {
  registerAppScheme();
  if (!app.isDefaultProtocolClient('stockbell')) app.setAsDefaultProtocolClient('stockbell');
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  void app.whenReady().then(async () => {
    let runtime: Runtime;
    try {
      runtime = await startRuntime();
    } catch (error) {
      // A damaged or newer database is refused untouched, as is a folder another Stockbell has open; the message says what to do.
      const inUse = error instanceof DatabaseRefused && error.reason === 'in-use';
      dialog.showErrorBox(
        inUse ? 'Stockbell is already open with this data folder' : 'Stockbell cannot open your inventory',
        error instanceof DatabaseRefused ? error.message : String(error),
      );
      app.quit();
      return;
    }
    if (process.argv.includes('--demo') && runtime.core.read(demoStatus).empty) {
      const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
      runtime.core.write(null, (ctx) => loadDemo(ctx, demoPasswordHash));
    }
    const mailWorker = new MailWorker(runtime.core, runtime.secrets, { claims: () => runtime.team.claims() });
    const channelWorker = new ChannelWorker(runtime.core, runtime.secrets);
    // A laptop woken from sleep: mail and posts that fell due meanwhile go at once.
    const stopMaintenance = startMaintenance(runtime.core, {
      onClockJump: () => {
        mailWorker.wake();
        channelWorker.wake();
      },
    });
    mailWorker.start();
    channelWorker.start();
    guardPermissions(electronSession.defaultSession);
    serveRenderer(join(appRoot, 'build/renderer'));

    const window = createSecureWindow(
      { width: 1320, height: 860, minWidth: 960, minHeight: 600, title: 'Stockbell', show: false, icon: join(appRoot, 'build-resources/icon.png') },
      join(__dirname, 'preload.cjs'),
    );
    const session = newSession({ source: 'desktop', device: null });
    const shell = createDesktopShell(runtime, window, session, nativeImage.createFromPath(join(appRoot, 'build-resources/tray.png')));
    const stopServing = serveContract(runtime, window, session, shell.refreshUnread);
    forwardLaunches(shell);

    const startHidden = runtime.core.read((ctx) => readSetting(ctx, 'desktop.startHidden'));
    window.once('ready-to-show', () => {
      if (!startHidden) window.show();
      const link = deepLinkInArgs(process.argv);
      if (link) shell.handleDeepLink(link);
    });
    void window.loadURL(`${APP_ORIGIN}/`);

    app.on('window-all-closed', () => app.quit());
    app.once('will-quit', () => {
      stopMaintenance();
      shell.dispose();
      stopServing();
      void mailWorker.stop();
      void channelWorker.stop();
      void runtime.team.stop().finally(() => runtime.core.close());
    });
  });
}
