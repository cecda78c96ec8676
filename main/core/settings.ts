import { prepared } from './statements';
import type { CoreContext, WriteContext } from './context';

/** Global settings with their defaults; stored values override them. */
export const settingDefaults = {
  'notifications.retentionDays': 30,
  'maintenance.lastCleanupAt': 0,
  'maintenance.lastForecastAt': 0,
  /** Usage forecast (team-wide): how far back use is averaged, the margin added to lead times, and how long an order should last. */
  'forecast.windowDays': 90,
  'forecast.safetyDays': 7,
  'forecast.coverDays': 30,
  /** Desktop app: open hidden in the tray at login, and keep running when the window closes. */
  'desktop.startHidden': false,
  'desktop.closeToTray': true,
} as const;

export type SettingKey = keyof typeof settingDefaults;
type SettingValue<K extends SettingKey> = (typeof settingDefaults)[K] extends number
  ? number
  : (typeof settingDefaults)[K] extends boolean
    ? boolean
    : never;

export function readSetting<K extends SettingKey>(ctx: CoreContext, key: K): SettingValue<K> {
  const stored = prepared(ctx.db.$client, 'select value from settings where key = ?').pluck().get(key) as string | undefined;
  return (stored === undefined ? settingDefaults[key] : JSON.parse(stored)) as SettingValue<K>;
}

export function writeSetting<K extends SettingKey>(ctx: WriteContext, key: K, value: SettingValue<K>): void {
  ctx.db.$client
    .prepare('insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value')
    .run(key, JSON.stringify(value));
}
