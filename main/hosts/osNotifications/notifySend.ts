import { spawn, spawnSync } from 'node:child_process';
import type { OsAlert, OsNotifier } from './alertBatcher';

/**
 * Banners through the freedesktop notification service (D-Bus) with libnotify's notify-send, for
 * the headless host on Linux. Where there is no session bus or no notify-send, it is null and the
 * host simply shows none.
 */
export function notifySendNotifier(env: NodeJS.ProcessEnv = process.env): OsNotifier | null {
  if (process.platform !== 'linux' || !env.DBUS_SESSION_BUS_ADDRESS) return null;
  const probe = spawnSync('notify-send', ['--version'], { stdio: 'ignore', env });
  if (probe.error || probe.status !== 0) return null;
  return {
    show(alert: OsAlert) {
      const child = spawn('notify-send', ['--app-name=Stockbell', '--urgency=normal', alert.title, alert.body], { stdio: 'ignore', env });
      // A notification daemon that went away must never take the host down.
      child.on('error', () => undefined);
      child.unref();
    },
  };
}
