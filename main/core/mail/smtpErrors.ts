/** How a failed send should be handled, and the sentence an administrator sees. */
export interface SendFailure {
  permanent: boolean;
  message: string;
}

interface NodemailerError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

const connectionCodes = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

function detail(error: NodemailerError): string {
  return (error.response ?? error.message ?? 'no detail').trim();
}

/**
 * Temporary: connection failures, time-outs, 4xx replies (retried with backoff). Permanent: 5xx
 * replies, refused credentials, certificates (kept with the server's own words until someone acts).
 */
export function classifySendError(raw: unknown): SendFailure {
  const error = (typeof raw === 'object' && raw !== null ? raw : { message: String(raw) }) as NodemailerError;
  const text = detail(error);
  if (error.code === 'EAUTH' || error.responseCode === 535 || error.responseCode === 534) {
    return { permanent: true, message: `The mail server refused the username or password: ${text}` };
  }
  if (/certificate|self[- ]signed|CERT_|unable to verify/i.test(text) || error.code === 'ETLS') {
    return { permanent: true, message: `The mail server's certificate was not accepted: ${text}` };
  }
  if (error.responseCode !== undefined && error.responseCode >= 500) {
    return { permanent: true, message: `The mail server refused the message: ${text}` };
  }
  if (error.responseCode !== undefined && error.responseCode >= 400) {
    return { permanent: false, message: `The mail server asked to try again later: ${text}` };
  }
  if (error.code === 'ETIMEDOUT' || /timeout|timed out/i.test(text)) {
    return { permanent: false, message: `The mail server did not answer in time: ${text}` };
  }
  if (error.code && connectionCodes.has(error.code)) {
    return { permanent: false, message: `Could not connect to the mail server: ${text}` };
  }
  return { permanent: false, message: `Sending failed: ${text}` };
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
