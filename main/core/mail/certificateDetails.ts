import { X509Certificate } from 'node:crypto';
import type { CertificateView } from '../../contract/mail';
import { invalid } from '../errors';

/** "O=Office\nCN=relay" as Node gives it, on one line as people read it. */
function distinguishedName(raw: string): string {
  return raw.split('\n').filter(Boolean).join(', ');
}

/** The names in subjectAltName ("DNS:a, IP Address:1.2.3.4"), or the common name where there are none. */
function namesOf(certificate: X509Certificate): string[] {
  const alternatives = (certificate.subjectAltName ?? '')
    .split(', ')
    .map((entry) => /^(?:DNS|IP Address):(.+)$/.exec(entry)?.[1])
    .filter((name): name is string => name !== undefined);
  if (alternatives.length > 0) return alternatives;
  const commonName = /(?:^|\n)CN=([^\n]+)/.exec(certificate.subject)?.[1];
  return commonName ? [commonName] : [];
}

export function isSelfSigned(certificate: X509Certificate): boolean {
  return certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey);
}

export function describeCertificate(certificate: X509Certificate): CertificateView {
  return {
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    names: namesOf(certificate),
    validFrom: Date.parse(certificate.validFrom),
    validTo: Date.parse(certificate.validTo),
    fingerprint256: certificate.fingerprint256,
    selfSigned: isSelfSigned(certificate),
  };
}

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** Every certificate in PEM text (one or a bundle); text that holds none, or a broken one, is refused for `field`. */
export function parsePemCertificates(text: string, field: string): X509Certificate[] {
  const blocks = text.match(pemBlock) ?? [];
  if (blocks.length === 0) throw invalid(field, 'Paste a certificate in PEM form: it starts with -----BEGIN CERTIFICATE----- and ends with -----END CERTIFICATE-----.');
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch {
      const which = blocks.length === 1 ? 'The certificate' : `Certificate ${index + 1}`;
      throw invalid(field, `${which} could not be read: check that it was copied whole, from BEGIN to END.`);
    }
  });
}
