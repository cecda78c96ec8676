import type { OutgoingRequest } from './requests';

// One HTTP post to a channel and what its answer means: sent, worth trying again later, or refused
// for good. Nothing here waits longer than the timeout, whatever the other end does.

export type PostOutcome =
  | { kind: 'sent'; status: number }
  | { kind: 'retry'; status: number | null; message: string; retryAfterMs: number | null }
  | { kind: 'refused'; status: number; message: string };

export const DEFAULT_POST_TIMEOUT_MS = 15_000;

/** Answers that say "later": the receiver is busy, down, or asks us to slow down. */
function temporary(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

function retryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 3600) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.min(date - Date.now(), 3600_000));
}

/** The first line of a refusal's body, so a person can see what the other end said. */
async function answerText(response: Response): Promise<string> {
  try {
    const text = (await response.text()).replace(/\s+/g, ' ').trim();
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return '';
  }
}

function causeOf(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'no answer in time';
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED') return 'the connection was refused (is the service running?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the address could not be found (no network, or a typing error)';
  if (code === 'ECONNRESET') return 'the connection was closed before an answer';
  if (typeof code === 'string' && /CERT|SSL|TLS/.test(code)) return `its certificate was not accepted (${code})`;
  return cause instanceof Error ? cause.message : String(cause);
}

export async function postRequest(request: OutgoingRequest, timeoutMs = DEFAULT_POST_TIMEOUT_MS): Promise<PostOutcome> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { kind: 'retry', status: null, message: `Not delivered: ${causeOf(error)}.`, retryAfterMs: null };
  }
  const said = await answerText(response);
  const answer = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}${said ? `: ${said}` : ''}`;
  if (response.ok) return { kind: 'sent', status: response.status };
  if (temporary(response.status)) return { kind: 'retry', status: response.status, message: `The service answered ${answer}.`, retryAfterMs: retryAfter(response.headers.get('retry-after')) };
  return { kind: 'refused', status: response.status, message: `The service refused it: ${answer}.` };
}
