import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A private key and its certificate, both PEM, as a mail server would be configured with. */
export interface KeyAndCertificate {
  key: string;
  cert: string;
}

// EC keys: as good as RSA here and made in milliseconds, so every test can have fresh ones.
const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** Runs openssl steps in a scratch folder (Node cannot write X.509 itself) and reads back the key and certificate. */
function inScratchFolder(steps: (dir: string) => string[][], files: Record<string, string> = {}): KeyAndCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'stockbell-cert-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    for (const args of steps(dir)) execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What a small office's relay usually has: a certificate it signed itself, for a name that is not the address used. */
export function selfSignedCertificate(commonName = 'relay.office.lan', days = 30): KeyAndCertificate {
  return inScratchFolder(() => [
    ['req', '-x509', ...newKey, '-keyout', 'key.pem', '-out', 'cert.pem', '-days', String(days), '-subj', `/O=Office/CN=${commonName}`],
  ]);
}

/** An organisation's own certificate authority, whose certificate an administrator would paste. */
export function certificateAuthority(name = 'Office Root CA'): KeyAndCertificate {
  return inScratchFolder(() => [
    [
      'req', '-x509', ...newKey, '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '30', '-subj', `/O=Office/CN=${name}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
    ],
  ]);
}

/** A server certificate issued by `authority` for 127.0.0.1, so only the authority is missing to trust it. */
export function issuedCertificate(authority: KeyAndCertificate, commonName = 'relay.office.lan'): KeyAndCertificate {
  return inScratchFolder(
    () => [
      ['req', '-new', ...newKey, '-keyout', 'key.pem', '-out', 'request.csr', '-subj', `/O=Office/CN=${commonName}`],
      [
        'x509', '-req', '-in', 'request.csr', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-set_serial', String(Date.now()),
        '-days', '30', '-extfile', 'extensions.cnf', '-out', 'cert.pem',
      ],
    ],
    { 'ca.pem': authority.cert, 'ca-key.pem': authority.key, 'extensions.cnf': `subjectAltName=IP:127.0.0.1,DNS:${commonName}\n` },
  );
}
