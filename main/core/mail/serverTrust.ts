import { X509Certificate } from 'node:crypto';
import type { ConnectionOptions, PeerCertificate } from 'node:tls';
import { z } from 'zod';
import type { ServerTrustView } from '../../contract/mail';
import { describeCertificate, parsePemCertificates } from './certificateDetails';

/**
 * Which certificates the mail server may present, as stored with the email settings (PEM text):
 * - system: what this computer's public authorities vouch for, for the host name entered;
 * - certificate: exactly one certificate, whatever its name or issuer. `anchor` is the self-signed
 *   certificate its chain ends in (the certificate itself when self-signed), which TLS needs to check
 *   the chain at all; the fingerprint check then admits only the pinned certificate;
 * - authority: the organisation's own authorities in place of the public ones, names still checked.
 * There is deliberately no "accept anything".
 */
export const serverTrust = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('system') }),
  z.object({ kind: z.literal('certificate'), certificate: z.string(), anchor: z.string() }),
  z.object({ kind: z.literal('authority'), certificates: z.string() }),
]);
export type ServerTrust = z.infer<typeof serverTrust>;

/** Node's code for a chain that failed our pin, so the failure can be told apart from others. */
export const PINNED_CERTIFICATE_MISMATCH = 'PINNED_CERTIFICATE_MISMATCH';

/**
 * Options for every TLS connection to the mail server (STARTTLS or TLS). Chain checks stay on
 * (`rejectUnauthorized`), so Node calls `checkServerIdentity` and refuses the connection if it objects.
 */
export function tlsOptionsFor(trust: ServerTrust): ConnectionOptions {
  switch (trust.kind) {
    case 'system':
      return { rejectUnauthorized: true };
    case 'authority':
      return { rejectUnauthorized: true, ca: trust.certificates };
    case 'certificate': {
      const pinned = new X509Certificate(trust.certificate).fingerprint256;
      return {
        rejectUnauthorized: true,
        ca: trust.anchor,
        // Replaces the host-name check: the administrator trusted this certificate, not a name in it.
        checkServerIdentity: (_host: string, presented: PeerCertificate) =>
          presented.fingerprint256 === pinned
            ? undefined
            : Object.assign(new Error('The mail server presented a certificate that is not the certificate you trusted.'), { code: PINNED_CERTIFICATE_MISMATCH }),
      };
    }
  }
}

export function trustView(trust: ServerTrust): ServerTrustView {
  switch (trust.kind) {
    case 'system':
      return { kind: 'system' };
    case 'certificate':
      return { kind: 'certificate', certificate: describeCertificate(new X509Certificate(trust.certificate)) };
    case 'authority':
      return { kind: 'authority', certificates: parsePemCertificates(trust.certificates, 'pem').map(describeCertificate) };
  }
}
