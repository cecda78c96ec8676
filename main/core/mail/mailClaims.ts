import type { OutboxRow } from './outbox';

/** Who sends an email that several desktops of a team all have queued (main/team/kvMailClaims.ts). */
export type ClaimAnswer = 'mine' | 'sent-elsewhere' | 'held-elsewhere' | 'unreachable';

export interface MailClaims {
  /** Asked just before sending: only the desktop that gets 'mine' sends. */
  claim(key: string): Promise<ClaimAnswer>;
  /** Said once the mail server has accepted it, so no other desktop sends it again. */
  sent(key: string): Promise<void>;
}

/** A desktop on its own sends everything it queued. */
export const ownMail: MailClaims = {
  claim: () => Promise.resolve('mine'),
  sent: () => Promise.resolve(),
};

/**
 * The same name for the same email on every desktop of a team: each derives its notifications with
 * the same ids, and a digest is one per person per day. Null for mail that only this desktop has
 * (a test email).
 */
export function claimKeyOf(row: Pick<OutboxRow, 'notificationId' | 'dedupeKey'>): string | null {
  if (row.dedupeKey) return row.dedupeKey.replace(/[^A-Za-z0-9_-]/g, '_');
  if (row.notificationId !== null) return `n${row.notificationId}`;
  return null;
}
