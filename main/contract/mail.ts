import { z } from 'zod';
import { id, timestamp } from './shared';
import { notificationKinds } from './notifications';
import { userView } from './users';

const security = z.enum(['none', 'starttls', 'tls']);

/** What an administrator needs to judge a certificate; times are epoch ms, the fingerprint SHA-256 in colon hex. */
export const certificateView = z.object({
  subject: z.string(),
  issuer: z.string(),
  /** The host names and addresses it is made out for. */
  names: z.array(z.string()),
  validFrom: timestamp,
  validTo: timestamp,
  fingerprint256: z.string(),
  selfSigned: z.boolean(),
});
export type CertificateView = z.infer<typeof certificateView>;

/** Which certificates the mail server may present: the computer's own authorities, exactly one certificate, or the organisation's authority. */
export const serverTrustView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('system') }),
  z.object({ kind: z.literal('certificate'), certificate: certificateView }),
  z.object({ kind: z.literal('authority'), certificates: z.array(certificateView) }),
]);
export type ServerTrustView = z.infer<typeof serverTrustView>;

/** A certificate the server presented and this computer did not accept. */
export const presentedCertificate = certificateView.extend({
  /** False when it cannot be trusted on its own (issued by an authority the server did not send); its authority can be. */
  canTrust: z.boolean(),
});
export type PresentedCertificate = z.infer<typeof presentedCertificate>;

export const testEmailResult = z.object({
  delivered: z.boolean(),
  recipient: z.string().nullable(),
  message: z.string(),
  /** Something that works but not as set up (credentials the server never asked for). */
  warning: z.string().nullable(),
  untrustedCertificate: presentedCertificate.nullable(),
});
export type TestEmailResult = z.infer<typeof testEmailResult>;

const fingerprint256 = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'Give the SHA-256 fingerprint as 32 pairs of hex digits separated by colons');

const pem = z
  .string()
  .trim()
  .min(1, "Paste the certificate authority's certificate")
  .max(100_000, 'Paste at most 100,000 characters')
  .regex(/-----BEGIN CERTIFICATE-----/, 'Paste a certificate in PEM form: it starts with -----BEGIN CERTIFICATE-----');

export const emailSettingsView = z.object({
  enabled: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  security,
  username: z.string(),
  /** Whether a password is stored; the password itself never leaves the core. */
  passwordSet: z.boolean(),
  /** How this host keeps the password: by the OS keychain, or by a key anyone with the data folder has. */
  passwordProtection: z.object({ keychain: z.boolean(), description: z.string() }),
  sender: z.string(),
  instanceName: z.string(),
  trust: serverTrustView,
});
export type EmailSettingsView = z.infer<typeof emailSettingsView>;

export const outboxEntry = z.object({
  id,
  kind: z.string(),
  recipient: z.string(),
  subject: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'failed', 'dropped']),
  attempts: z.number().int(),
  nextAttemptAt: timestamp,
  lastError: z.string().nullable(),
  createdAt: timestamp,
});
export type OutboxEntry = z.infer<typeof outboxEntry>;

export const channelPreference = z.object({
  kind: notificationKinds,
  desktop: z.boolean(),
  email: z.boolean(),
  emailMode: z.enum(['immediate', 'digest']),
});
export type ChannelPreference = z.infer<typeof channelPreference>;

const host = z.string().trim().max(253, 'Use at most 253 characters').regex(/^[A-Za-z0-9.:[\]-]*$/, 'Enter a host name such as smtp.example.com');

/** A time zone name this runtime's Intl knows ("Europe/Berlin"). */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:MM');

/** A person's quiet hours: banners and immediate emails wait, and come as one summary when they end. */
export const quietHours = z.object({
  start: clockTime,
  end: clockTime,
  /** Saturdays and Sundays are quiet all day. */
  weekends: z.boolean(),
  timeZone: z.string().min(1).max(100).refine((zone) => isTimeZone(zone), 'Choose a time zone this computer knows'),
});

export const mailContract = {
  'settings.email.get': { access: 'admin', input: z.object({}), output: emailSettingsView },
  'settings.email.update': {
    access: 'admin',
    input: z
      .object({
        enabled: z.boolean(),
        host,
        port: z.number({ message: 'Enter a port number' }).int('Enter a whole number').min(1, 'Use a port from 1 to 65535').max(65535, 'Use a port from 1 to 65535'),
        security,
        username: z.string().trim().max(254, 'Use at most 254 characters'),
        /** Absent or null keeps the stored password; an empty string removes it. */
        password: z.string().max(500, 'Use at most 500 characters').nullable().default(null),
        sender: z.union([z.literal(''), z.email({ message: 'Enter the address emails come from, such as stock@example.com' })]),
        instanceName: z.string().trim().min(1, 'Enter a name for this Stockbell').max(60, 'Use at most 60 characters'),
      })
      .refine((value) => !value.enabled || (value.host !== '' && value.sender !== ''), {
        message: 'A server and a sender address are needed to send email',
        path: ['enabled'],
      }),
    output: emailSettingsView,
  },
  'settings.email.test': { access: 'admin', input: z.object({}), output: testEmailResult },
  'settings.email.trust': {
    access: 'admin',
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('system') }),
      /** The certificate the server presents now, named by the fingerprint the administrator was shown. */
      z.object({ kind: z.literal('certificate'), fingerprint256 }),
      z.object({ kind: z.literal('authority'), pem }),
    ]),
    output: emailSettingsView,
  },
  'outbox.summary': {
    access: 'admin',
    input: z.object({}),
    output: z.object({
      counts: z.object({ queued: z.number(), sending: z.number(), sent: z.number(), failed: z.number(), dropped: z.number() }),
      problems: z.array(outboxEntry),
    }),
  },
  'outbox.retry': { access: 'admin', input: z.object({ id }), output: z.object({ ok: z.literal(true) }) },
  'outbox.discard': { access: 'admin', input: z.object({ id }), output: z.object({ ok: z.literal(true) }) },
  'settings.retention.get': {
    access: 'admin',
    input: z.object({}),
    output: z.object({ retentionDays: z.number().int() }),
  },
  'settings.retention.update': {
    access: 'admin',
    input: z.object({
      retentionDays: z
        .number({ message: 'Enter a number of days' })
        .int('Enter a whole number of days')
        .min(7, 'Keep read notifications for at least 7 days')
        .max(3650, 'Use at most 3650 days'),
    }),
    output: z.object({ retentionDays: z.number().int() }),
  },
  'settings.desktop.get': {
    access: 'member',
    input: z.object({}),
    output: z.object({ startHidden: z.boolean(), closeToTray: z.boolean() }),
  },
  'settings.desktop.update': {
    access: 'member',
    input: z.object({ startHidden: z.boolean(), closeToTray: z.boolean() }),
    output: z.object({ startHidden: z.boolean(), closeToTray: z.boolean() }),
  },
  'mail.status': {
    access: 'member',
    input: z.object({}),
    output: z.object({ paused: z.boolean(), waiting: z.number().int(), lastError: z.string().nullable() }),
  },
  'profile.setQuietHours': {
    access: 'member',
    input: z.object({ quietHours: quietHours.nullable() }),
    output: z.object({ quietHours: quietHours.nullable() }),
  },
  'profile.get': {
    access: 'member',
    input: z.object({}),
    output: z.object({
      user: userView,
      digestHour: z.number().int(),
      /** Why this person gets no email, or null when they do. */
      emailProblem: z.string().nullable(),
      preferences: z.array(channelPreference.extend({ label: z.string() })),
      quietHours: quietHours.nullable(),
    }),
  },
  'profile.savePreferences': {
    access: 'member',
    input: z.object({ preferences: z.array(channelPreference).max(20) }),
    output: z.object({ ok: z.literal(true) }),
  },
} as const;
