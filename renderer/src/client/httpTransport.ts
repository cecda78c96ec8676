import type { CallError, CallResult, EventName, EventPayload, MethodName } from '../../../main/contract';
import { createEventStreamParser } from './serverSentEvents';
import type { Transport, UploadResult } from './transport';

const TOKEN_KEY = 'stockbell.token';
const UNREACHABLE = 'Stockbell is not reachable. Is it still running?';
const MAX_BACKOFF_MS = 15_000;

/**
 * A token in the address (`#token=<hex>`, as the host prints it), stored in localStorage so reloads and
 * links opened in a new tab (from an email, say) work too, and taken out of the address bar before
 * the router reads the hash. Null when the address carries none.
 */
function tokenFromAddress(): string | null {
  const match = /(?:^#|&)token=([0-9a-fA-F]+)/.exec(window.location.hash);
  if (!match?.[1]) return null;
  localStorage.setItem(TOKEN_KEY, match[1]);
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  return match[1];
}

export function takeAccessToken(): string | null {
  return tokenFromAddress() ?? localStorage.getItem(TOKEN_KEY);
}

function failure(code: CallError['code'], message: string): { ok: false; error: CallError } {
  return { ok: false, error: { code, message } };
}

function isCallResult(body: unknown): body is CallResult<MethodName> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

function statusFailure(status: number, method: string): { ok: false; error: CallError } {
  switch (status) {
    case 401:
      return failure(
        'UNAUTHENTICATED',
        'Stockbell did not accept this page’s access key. Open Stockbell again from the address it printed when it started.',
      );
    case 403:
      return failure('FORBIDDEN', 'Stockbell refused this request because it did not come from the Stockbell page.');
    case 404:
      return failure('UNKNOWN_METHOD', `This version of Stockbell does not know how to “${method}”.`);
    case 413:
      return failure('INVALID_INPUT', 'This request is too large for Stockbell to accept.');
    default:
      return failure('INTERNAL', `Stockbell answered with an unexpected error (HTTP ${status}). Please try again.`);
  }
}

/** A call whose success means this tab now has a signed-in session. */
function isSignedInAnswer(method: string, value: unknown): boolean {
  if (method === 'session.signIn' || method === 'session.setup') return true;
  return method === 'session.get' && typeof value === 'object' && value !== null && (value as { user?: unknown }).user != null;
}

export function createHttpTransport(initialToken: string | null): Transport {
  let token = initialToken;
  const authorization = (): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {});
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const reconnectListeners = new Set<() => void>();
  // The host keys sessions by a cookie that the first answer sets. An event stream opened before then
  // gets a session of its own that never signs in, and events for the signed-in person never reach it.
  let sessionCookieSet = () => {};
  const firstAnswer = new Promise<void>((resolve) => (sessionCookieSet = resolve));
  // The host streams events only to a signed-in session; a refused stream waits for a sign-in.
  let signIns = 0;
  let signedIn = () => {};
  let nextSignIn = new Promise<void>((resolve) => (signedIn = resolve));
  const noteSignIn = () => {
    signIns += 1;
    signedIn();
    nextSignIn = new Promise<void>((resolve) => (signedIn = resolve));
  };

  async function invoke<M extends MethodName>(method: M, input: unknown): Promise<CallResult<M>> {
    let response: Response;
    try {
      response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { ...authorization(), 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
      });
    } catch {
      return failure('UNAVAILABLE', UNREACHABLE);
    }
    sessionCookieSet();
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // Not JSON: a proxy or a transport-level refusal; the status code says what happened.
    }
    if (response.ok && isCallResult(body)) {
      if (body.ok && isSignedInAnswer(method, body.value)) noteSignIn();
      return body as CallResult<M>;
    }
    // Transport refusals get a sentence that says what to do; other bodies the host framed itself.
    if (!response.ok && [401, 403, 404, 413].includes(response.status)) return statusFailure(response.status, method);
    if (isCallResult(body)) return body as CallResult<M>;
    return statusFailure(response.ok ? 500 : response.status, method);
  }

  /** XMLHttpRequest, not fetch: only it reports how much of a request body has gone. */
  function upload(file: Blob, onProgress: (sent: number, total: number) => void): Promise<UploadResult> {
    return new Promise((resolve) => {
      const request = new XMLHttpRequest();
      request.open('POST', '/api/upload');
      for (const [name, value] of Object.entries(authorization())) request.setRequestHeader(name, value);
      request.setRequestHeader('Content-Type', 'application/octet-stream');
      request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
      request.onload = () => {
        let body: unknown = null;
        try {
          body = JSON.parse(request.responseText);
        } catch {
          // Not JSON: the status code says what happened.
        }
        // The host frames its refusals of an upload (too large, not signed in) itself.
        resolve(isCallResult(body) ? (body as UploadResult) : statusFailure(request.status, 'upload a file'));
      };
      // A host that stops reading an oversize body may drop the connection before answering.
      request.onerror = () => resolve(failure('UNAVAILABLE', 'The upload stopped: Stockbell closed the connection or is not reachable.'));
      request.send(file);
    });
  }

  function dispatch(event: string, data: string) {
    const set = listeners.get(event);
    if (!set || set.size === 0) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const listener of set) listener(payload);
  }

  // One event stream per tab, started with the first subscriber and kept alive with backoff.
  let started = false;
  function startEventStream() {
    if (started) return;
    started = true;
    let attempt = 0;
    let connectedBefore = false;

    const connect = async () => {
      await firstAnswer;
      const signInsBefore = signIns;
      try {
        const response = await fetch('/api/events', {
          headers: { ...authorization(), Accept: 'text/event-stream' },
          credentials: 'same-origin',
          cache: 'no-store',
        });
        if (response.status === 401) {
          // Signed out behind this tab's back (a restarted host forgets its sessions): the app asks
          // again and shows sign-in, instead of looking signed in with nothing arriving.
          if (connectedBefore) {
            connectedBefore = false;
            for (const listener of reconnectListeners) listener();
          }
          if (signIns === signInsBefore) await nextSignIn;
          void connect();
          return;
        }
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        attempt = 0;
        if (connectedBefore) for (const listener of reconnectListeners) listener();
        connectedBefore = true;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        const parse = createEventStreamParser();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const event of parse(value)) dispatch(event.event, event.data);
        }
      } catch {
        // Dropped or refused: fall through to the retry below.
      }
      attempt += 1;
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(attempt, 5));
      window.setTimeout(() => void connect(), delay);
    };
    void connect();
  }

  // The address printed by a restarted host (with --new-token), pasted into this tab, is a hash change,
  // not a page load: take its token and ask everything again, no reload needed.
  window.addEventListener('hashchange', () => {
    const fresh = tokenFromAddress();
    if (!fresh || fresh === token) return;
    token = fresh;
    noteSignIn();
    for (const listener of reconnectListeners) listener();
  });

  return {
    invoke,
    upload,
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const wrapped = (payload: unknown) => listener(payload as EventPayload<E>);
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(wrapped);
      startEventStream();
      return () => {
        set.delete(wrapped);
      };
    },
    onReconnect(listener) {
      reconnectListeners.add(listener);
      startEventStream();
      return () => {
        reconnectListeners.delete(listener);
      };
    },
  };
}
