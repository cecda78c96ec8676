import { Notification } from 'electron';
import type { OsNotifier } from '../osNotifications/alertBatcher';

/** OS banners through Electron; clicking one brings the window forward at the notification's page. */
export const electronNotifier: OsNotifier = {
  show(alert, onClick) {
    if (!Notification.isSupported()) return;
    const banner = new Notification({ title: alert.title, body: alert.body });
    banner.on('click', onClick);
    banner.show();
  },
};
