import type { X509Certificate } from 'node:crypto';
import { isSelfSigned } from './certificateDetails';
import type { ServerTrust } from './serverTrust';

/**
 * The pin for a presented chain (leaf first), or null when the leaf cannot be trusted on its own.
 * TLS in Node 20 checks a chain only up to a self-signed certificate it is given, so the chain the
 * server sent must end in one: the leaf itself (a self-signed relay) or a root the server sent along.
 * A leaf from an authority the server did not send is trusted by pasting that authority instead.
 */
export function pinnableChain(chain: X509Certificate[]): Extract<ServerTrust, { kind: 'certificate' }> | null {
  const leaf = chain[0];
  const anchor = chain.at(-1);
  if (!leaf || !anchor || !isSelfSigned(anchor)) return null;
  const linked = chain.every((certificate, index) => {
    const issuer = chain[index + 1];
    return issuer === undefined || (certificate.checkIssued(issuer) && certificate.verify(issuer.publicKey));
  });
  return linked ? { kind: 'certificate', certificate: leaf.toString(), anchor: anchor.toString() } : null;
}
