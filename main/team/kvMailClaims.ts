import type { KV } from '@nats-io/kv';
import type { ClaimAnswer, MailClaims } from '../core/mail/mailClaims';

// Email goes out once per team (docs/team.md): every desktop has the same email queued, and the
// one whose `create` of the email's key succeeds sends it. A claim whose desktop vanished (crashed,
// switched off mid-send) is taken over after a while with an update against the claim's revision,
// which only one taker can win.

interface ClaimRecord {
  replica: number;
  at: number;
  state: 'claimed' | 'sent';
}

/** After this long a claim that never became "sent" is given up on and may be taken over. */
export const CLAIM_EXPIRES_MS = 5 * 60_000;

const encode = (record: ClaimRecord) => JSON.stringify(record);

export function kvMailClaims(kv: () => KV | null, replica: number, now: () => number = Date.now): MailClaims {
  return {
    async claim(key): Promise<ClaimAnswer> {
      const bucket = kv();
      if (!bucket) return 'unreachable';
      const name = `mail.${key}`;
      try {
        await bucket.create(name, encode({ replica, at: now(), state: 'claimed' }));
        return 'mine';
      } catch {
        // Someone has it: see who, and whether they are done or gone.
      }
      const entry = await bucket.get(name);
      if (!entry) return 'held-elsewhere';
      const record = entry.json<ClaimRecord>();
      if (record.state === 'sent') return 'sent-elsewhere';
      if (record.replica === replica) return 'mine';
      if (now() - record.at < CLAIM_EXPIRES_MS) return 'held-elsewhere';
      try {
        await bucket.update(name, encode({ replica, at: now(), state: 'claimed' }), entry.revision);
        return 'mine';
      } catch {
        return 'held-elsewhere';
      }
    },
    async sent(key) {
      await kv()?.put(`mail.${key}`, encode({ replica, at: now(), state: 'sent' }));
    },
  };
}
