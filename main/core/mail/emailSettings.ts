import { z } from 'zod';
import type { CoreContext, WriteContext } from '../context';
import type { Secrets } from '../ports';
import { serverTrust, type ServerTrust } from './serverTrust';

export const smtpSecurity = z.enum(['none', 'starttls', 'tls']);

/** Stored SMTP settings; the password is kept sealed by the Secrets port and never leaves the core. */
export const storedEmailSettings = z.object({
  enabled: z.boolean().default(false),
  host: z.string().default(''),
  port: z.number().int().min(1).max(65535).default(587),
  security: smtpSecurity.default('starttls'),
  username: z.string().default(''),
  sealedPassword: z.string().default(''),
  sender: z.string().default(''),
  instanceName: z.string().default('Stockbell'),
  trust: serverTrust.default({ kind: 'system' }),
});
export type StoredEmailSettings = z.infer<typeof storedEmailSettings>;

export interface SmtpConfig {
  host: string;
  port: number;
  security: z.infer<typeof smtpSecurity>;
  username: string;
  password: string;
  sender: string;
  /** The From header's display name. */
  senderName: string;
  trust: ServerTrust;
}

const KEY = 'mail.settings';

export function readEmailSettings(ctx: CoreContext): StoredEmailSettings {
  const raw = ctx.db.$client.prepare('select value from settings where key = ?').pluck().get(KEY) as string | undefined;
  return storedEmailSettings.parse(raw === undefined ? {} : JSON.parse(raw));
}

export function writeEmailSettings(ctx: WriteContext, value: StoredEmailSettings): void {
  ctx.db.$client
    .prepare('insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value')
    .run(KEY, JSON.stringify(value));
}

/** True when an email can be written at all: switched on, with a server and a sender. */
export function emailIsOn(settings: StoredEmailSettings): boolean {
  return settings.enabled && settings.host !== '' && settings.sender !== '';
}

export function smtpConfig(settings: StoredEmailSettings, secrets: Secrets): SmtpConfig {
  return {
    host: settings.host,
    port: settings.port,
    security: settings.security,
    username: settings.username,
    password: settings.sealedPassword ? secrets.decrypt(settings.sealedPassword) : '',
    sender: settings.sender,
    senderName: settings.instanceName,
    trust: settings.trust,
  };
}
