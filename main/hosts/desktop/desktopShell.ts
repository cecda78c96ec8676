import { app, type BrowserWindow, type NativeImage } from 'electron';
import { deepLinkInArgs, routeForDeepLink } from '../../core/deepLinks';
import { notifications } from '../../core/notifications/notifications';
import { readSetting } from '../../core/settings';
import type { Session } from '../../dispatch/session';
import { startOsAlerts } from '../osNotifications/osAlerts';
import type { Runtime } from '../startCore';
import { electronNotifier } from './electronNotifier';
import { eventChannel } from './ipc';
import { TrayController } from './tray';

export interface DesktopShell {
  /** Shows and focuses the window at an app route. */
  open(path: string): void;
  handleDeepLink(link: string): void;
  /** Re-reads the unread count for the tray and badge (after any call: sign-in, mark read...). */
  refreshUnread(): void;
  dispose(): void;
}

/**
 * Everything the desktop adds around the window: OS banners, the tray and badge, deep links,
 * close-to-tray. The window's one session decides whose notifications these are.
 */
export function createDesktopShell(runtime: Runtime, window: BrowserWindow, session: Session, trayIcon: NativeImage): DesktopShell {
  let quitting = false;
  const open = (path: string) => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    window.webContents.send(eventChannel('app.navigate'), { path });
  };
  const refreshUnread = () => {
    const count = session.userId === null ? 0 : runtime.core.read((ctx) => notifications.unreadCount(ctx, session.userId as number));
    tray.update(count);
  };
  const tray = new TrayController(trayIcon, window, {
    openInbox: () => open('/inbox'),
    markAllRead: () => {
      void runtime.dispatch('notifications.markAllRead', {}, session).then(refreshUnread);
    },
    quit: () => {
      quitting = true;
      app.quit();
    },
  });
  const stopAlerts = startOsAlerts(runtime.core, {
    notifier: electronNotifier,
    signedIn: () => new Set(session.userId === null ? [] : [session.userId]),
    open,
  });
  const stopCounting = runtime.core.onEvent((event, _payload, audience) => {
    if (event === 'notifications.changed' && 'userId' in audience && audience.userId === session.userId) refreshUnread();
  });
  window.on('close', (event) => {
    const keepRunning = runtime.core.read((ctx) => readSetting(ctx, 'desktop.closeToTray'));
    if (keepRunning && !quitting) {
      event.preventDefault();
      window.hide();
    }
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  return {
    open,
    handleDeepLink(link) {
      const route = routeForDeepLink(link);
      if (route) open(route);
    },
    refreshUnread,
    dispose() {
      stopAlerts();
      stopCounting();
      tray.destroy();
    },
  };
}

/** A second launch (or the OS opening a stockbell:// link) is forwarded to the running window. */
export function forwardLaunches(shell: DesktopShell): void {
  app.on('second-instance', (_event, argv) => {
    const link = deepLinkInArgs(argv);
    if (link) shell.handleDeepLink(link);
    else shell.open('/');
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    shell.handleDeepLink(url);
  });
}
