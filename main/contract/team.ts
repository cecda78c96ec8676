import { z } from 'zod';
import { timestamp, typedText } from './shared';

const servers = z
  .string()
  .trim()
  .min(1, 'Enter the team server, such as nats://192.168.1.20:4222')
  .max(500, 'Use at most 500 characters')
  .regex(/^(nats|tls):\/\/[A-Za-z0-9.[\]:-]+(:\d+)?(\s*,\s*(nats|tls):\/\/[A-Za-z0-9.[\]:-]+(:\d+)?)*$/, 'Enter nats://host:port (several, separated by commas, for a cluster)');

const teamName = z
  .string()
  .trim()
  .min(1, 'Enter the team name')
  .max(64, 'Use at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, dashes and underscores');

const teamAddress = z.object({
  servers,
  team: teamName,
  desktop: typedText().trim().min(1, 'Name this desktop, as the team will see it').max(60, 'Use at most 60 characters'),
  user: z.string().trim().max(100).default(''),
  password: z.string().max(200).default(''),
  /** For a server whose certificate a private authority signed (tls://): that authority's certificate. */
  ca: z
    .string()
    .trim()
    .max(64 * 1024, 'Use at most 64 KB')
    .default('')
    .refine((pem) => pem === '' || /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(pem), 'Paste the certificate in PEM form, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----'),
});

export const syncStateView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('up-to-date') }),
  z.object({ kind: z.literal('waiting'), changes: z.number().int() }),
  z.object({ kind: z.literal('offline'), since: timestamp, changes: z.number().int() }),
  z.object({ kind: z.literal('connecting'), changes: z.number().int() }),
  z.object({ kind: z.literal('catching-up'), done: z.number().int(), total: z.number().int() }),
  /** The server no longer takes this desktop's credentials: it was removed from the team, or they changed. */
  z.object({ kind: z.literal('refused'), reason: z.string(), changes: z.number().int() }),
]);
export type SyncStateView = z.infer<typeof syncStateView>;

export const teamStatusView = z.object({
  membership: z.object({ team: z.string(), servers: z.string(), desktop: z.string(), replica: z.number().int() }).nullable(),
  sync: syncStateView.nullable(),
  /** The team's desktops, with when each last told the server it was there. */
  desktops: z.array(z.object({ replica: z.number().int(), desktop: z.string(), lastSeenAt: timestamp.nullable() })),
  /** Changes from the team's log this desktop could not apply since it started (each is in its log). */
  skippedEvents: z.number().int(),
});
export type TeamStatusView = z.infer<typeof teamStatusView>;

/** This desktop's changes the team does not have yet (all of them counted), newest first, as the person asking may see them. */
export const waitingChangesView = z.object({
  total: z.number().int(),
  rows: z.array(z.object({ id: z.string(), at: timestamp, author: z.string().nullable(), summary: z.string() })),
});
export type WaitingChangesView = z.infer<typeof waitingChangesView>;

export const teamContract = {
  'team.status': { access: 'member', input: z.object({}), output: teamStatusView },
  'team.waiting': { access: 'member', input: z.object({ limit: z.number().int().min(1).max(200).default(50) }), output: waitingChangesView },
  'team.found': { access: 'admin', input: teamAddress, output: teamStatusView },
  'team.join': { access: 'admin', input: teamAddress, output: teamStatusView },
  'team.leave': { access: 'admin', input: z.object({}), output: teamStatusView },
} as const;
