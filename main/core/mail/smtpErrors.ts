import { PINNED_CERTIFICATE_MISMATCH, type ServerTrust } from './serverTrust';

/** How a failed send should be handled, and the sentence an administrator sees. */
export interface SendFailure {
  permanent: boolean;
  message: string;
  /** What is wrong with the server's certificate, when it was not accepted; the test email then shows the certificate. */
  certificateProblem: string | null;
}

interface NodemailerError {
  code?: string;
  /** Node's own code (a TLS check, a socket error), kept by nodemailer when it sets its own `code`. */
  originalCode?: string;
  /** OpenSSL's reason without its error-stack prefix ("wrong version number"). */
  reason?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

const connectionCodes = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

// Node's codes for a certificate that failed the chain check: the server's, or a different one where one is pinned.
const untrustedChain = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE']);

function detail(error: NodemailerError): string {
  return (error.response ?? error.message ?? 'no detail').trim();
}

interface CertificateProblem {
  /** What is wrong, on its own: the test email shows the certificate beside it. */
  problem: string;
  /** What to do, for where the certificate is not shown (the outbox). */
  remedy: string;
}

const seeAndTrust = 'send a test email in Settings > Notifications to see the certificate and trust it.';

function certificateProblem(error: NodemailerError, text: string, trust: ServerTrust['kind']): CertificateProblem | null {
  const code = error.originalCode ?? '';
  if (code === 'CERT_HAS_EXPIRED') {
    return { problem: `The mail server's certificate has expired${trust === 'certificate' ? ' (the certificate you trusted)' : ''}.`, remedy: 'Renew it on the server.' };
  }
  if (code === 'CERT_NOT_YET_VALID') {
    return { problem: "The mail server's certificate is not valid yet.", remedy: 'Check the clocks of the server and this computer.' };
  }
  if (code === PINNED_CERTIFICATE_MISMATCH || (trust === 'certificate' && untrustedChain.has(code))) {
    return {
      problem: 'The mail server presented a certificate that is not the certificate you trusted: it was replaced, or someone is intercepting the connection.',
      remedy: `If the server was given a new certificate, ${seeAndTrust}`,
    };
  }
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN') {
    return { problem: "The mail server's certificate is self-signed, so this computer cannot check it.", remedy: `If this is your own relay, ${seeAndTrust}` };
  }
  if (untrustedChain.has(code)) {
    return trust === 'authority'
      ? { problem: "The mail server's certificate was not issued by the certificate authority you trusted.", remedy: 'Check the authority in Settings > Notifications.' }
      : { problem: "The mail server's certificate was issued by an authority this computer does not trust.", remedy: "Trust your organisation's certificate authority in Settings > Notifications." };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return { problem: `The mail server's certificate is not made out for this host (${error.reason ?? text}).`, remedy: `Enter a name the certificate is for as the SMTP host, or ${seeAndTrust}` };
  }
  if (/certificate|self[- ]signed|CERT_|unable to verify/i.test(`${code} ${text}`)) {
    return { problem: `The mail server's certificate was not accepted: ${text}`, remedy: '' };
  }
  return null;
}

/**
 * Temporary: connection failures, time-outs, 4xx replies (retried with backoff). Permanent: 5xx
 * replies, refused credentials, certificates, the wrong kind of encryption for the port (kept with an
 * explanation until someone acts). `trust` says which certificates were allowed, to explain a refusal.
 */
export function classifySendError(raw: unknown, trust: ServerTrust['kind'] = 'system'): SendFailure {
  const error = (typeof raw === 'object' && raw !== null ? raw : { message: String(raw) }) as NodemailerError;
  const text = detail(error);
  const failure = (permanent: boolean, message: string): SendFailure => ({ permanent, message, certificateProblem: null });
  if (error.code === 'EAUTH' || error.responseCode === 535 || error.responseCode === 534) {
    return failure(true, `The mail server refused the username or password: ${text}`);
  }
  const certificate = certificateProblem(error, text, trust);
  if (certificate) return { permanent: true, message: `${certificate.problem} ${certificate.remedy}`.trim(), certificateProblem: certificate.problem };
  // A TLS hello answered by a plain-text SMTP greeting.
  if (error.originalCode === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(text)) {
    return failure(true, 'This port expects STARTTLS (or no encryption), not TLS from the first byte. Choose STARTTLS, usually on port 587, or enter the port for TLS, usually 465.');
  }
  if (error.code === 'ETLS') return failure(true, `The encrypted connection could not be set up: ${error.reason ?? text}`);
  if (error.responseCode !== undefined && error.responseCode >= 500) {
    return failure(true, `The mail server refused the message: ${text}`);
  }
  if (error.responseCode !== undefined && error.responseCode >= 400) {
    return failure(false, `The mail server asked to try again later: ${text}`);
  }
  if (error.code === 'ETIMEDOUT' || /timeout|timed out/i.test(text)) {
    return failure(false, `The mail server did not answer in time: ${text}`);
  }
  // OpenSSL's own words carry an error-stack prefix nobody can read; its reason alone is the useful part.
  if (error.originalCode?.startsWith('ERR_SSL_') && error.reason) return failure(false, `The encrypted connection failed: ${error.reason}`);
  if (error.code && connectionCodes.has(error.code)) {
    return failure(false, `Could not connect to the mail server: ${text}`);
  }
  return failure(false, `Sending failed: ${text}`);
}

export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { firstDelayMs: 30_000, maxDelayMs: 30 * 60_000 };

/** Exponential backoff with jitter, capped: about 30 s, 1 min, 2 min ... never past the cap. */
export function retryDelay(attempts: number, policy: RetryPolicy = defaultRetryPolicy, random: () => number = Math.random): number {
  const base = policy.firstDelayMs * 2 ** Math.max(0, attempts - 1);
  return Math.round(Math.min(policy.maxDelayMs, base * (0.5 + random())));
}
