import { spawn, spawnSync } from 'node:child_process';
import type { OsAlert, OsNotifier } from './alertBatcher';

const markupEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * A freedesktop notification's body is markup (<b>, <i>, <a>, <img>), so a part name such as "<b>"
 * or "R&D" is escaped to be shown as written. The title is plain text by the spec (dunst escapes it
 * itself), so it is sent as it is. Only these three: some servers (GNOME Shell) read no numeric
 * entities, and quotes need no escaping outside attributes.
 */
export function bodyMarkup(text: string): string {
  return text.replace(/[&<>]/g, (char) => markupEntities[char] as string);
}

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
      // "--" so a part named "-u critical" is text, not an option.
      const child = spawn('notify-send', ['--app-name=Stockbell', '--urgency=normal', '--', alert.title, bodyMarkup(alert.body)], { stdio: 'ignore', env });
      // A notification daemon that went away must never take the host down.
      child.on('error', () => undefined);
      child.unref();
    },
  };
}
