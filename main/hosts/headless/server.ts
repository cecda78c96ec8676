import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { signedInUser, type Session } from '../../dispatch/session';
import type { Runtime } from '../startCore';
import { listeningAddresses } from './addresses';
import { applySecurityHeaders, hasToken, isSameOrigin, securityHeaders } from './security';
import { SessionStore } from './sessions';
import { readStatic } from './staticFiles';
import { UploadReceiver } from './uploads';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;
const HEARTBEAT_MS = 25_000;
/** Calls after which the browser holds a different session: its cookie is renewed. */
const SIGN_IN_OR_OUT = new Set(['session.signIn', 'session.setup', 'session.signOut']);

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

export interface HeadlessOptions {
  runtime: Runtime;
  /** The built renderer; null serves the contract only (every other path is 404). */
  rendererDir: string | null;
  host: string;
  port: number;
  token: string;
  /** A certificate and key: serve HTTPS instead of HTTP. */
  tls?: TlsFiles;
  /** The most an upload may hold; the largest InvenTree export Stockbell imports unless a test says less. */
  uploadLimitBytes?: number;
}

export interface HeadlessHost {
  server: Server;
  /** The address to open, token included: the first of `urls`. */
  url: string;
  /** Every address the host answers at, token included, the one a colleague would open first. */
  urls: string[];
  /** People signed in on a page that is open now (it holds an event stream). */
  signedInUsers(): Set<number>;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function refuse(response: ServerResponse, status: number, message: string): void {
  const code = status === 401 ? 'UNAUTHENTICATED' : status === 400 ? 'INVALID_INPUT' : 'FORBIDDEN';
  send(response, status, { ok: false, error: { code, message } });
}

/** A path whose percent-encoding is broken is the client's mistake (400), not ours (500). */
function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Node answers requests it cannot parse (bad syntax, headers too large) itself, without our
 * headers; this answer carries them.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = STATUS_CODES[status] ?? 'Bad Request';
  const headers = Object.entries({ ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length), Connection: 'close' })
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  socket.end(`HTTP/1.1 ${status} ${body}\r\n${headers}\r\n\r\n${body}`);
}

/** Serves the renderer and the contract over HTTP(S) on one address, with events as Server-Sent Events. */
export async function startHeadless(options: HeadlessOptions): Promise<HeadlessHost> {
  const { runtime, rendererDir, token } = options;
  const scheme = options.tls ? 'https' : 'http';
  const sessions = new SessionStore({ secure: options.tls !== undefined });
  const streams = new Map<ServerResponse, Session>();
  const uploads = new UploadReceiver(runtime.core, runtime.dataDir, options.uploadLimitBytes);
  let addresses: ReturnType<typeof listeningAddresses> | null = null;

  const endStream = (stream: ServerResponse, frame?: string) => {
    if (frame) stream.write(frame);
    stream.end();
    streams.delete(stream);
  };

  // The events of one change are emitted in one turn of the event loop; each stream holds them until
  // the turn ends and sends them as one chunk, so a page sees them together and refreshes once.
  const corked = new Set<ServerResponse>();
  const writeInTurn = (stream: ServerResponse, frame: string) => {
    if (!corked.has(stream)) {
      corked.add(stream);
      stream.cork();
      process.nextTick(() => {
        corked.delete(stream);
        stream.uncork();
      });
    }
    stream.write(frame);
  };
  const stopEvents = runtime.core.onEvent((event, payload, audience) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const [stream, session] of [...streams]) {
      if (session.userId === null) {
        endStream(stream);
        continue;
      }
      if ('userId' in audience && session.userId !== audience.userId) continue;
      // A stream whose session just ended is told so, then closed: its page shows sign-in.
      if (event === 'session.ended' && signedInUser(runtime.core, session) === null) endStream(stream, frame);
      else writeInTurn(stream, frame);
    }
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams.keys()) stream.write(': keep-alive\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  async function handleCall(method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    let input: unknown;
    try {
      const text = await readBody(request);
      input = text ? JSON.parse(text) : {};
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        // Do not read the rest of an oversize body: answer and drop the connection.
        response.setHeader('Connection', 'close');
        response.on('finish', () => request.destroy());
        send(response, 413, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request is too large.' } });
      } else {
        send(response, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request is not valid JSON.' } });
      }
      return;
    }
    const session = sessions.resolve(request, response);
    const result = await runtime.dispatch(method, input, session);
    if (result.ok && SIGN_IN_OR_OUT.has(method)) {
      sessions.renew(session, response);
      for (const [stream, owner] of [...streams]) if (owner === session) endStream(stream);
    }
    send(response, 200, result);
  }

  async function handleUpload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const answer = await uploads.receive(request, sessions.resolve(request, response));
    if (answer.closeConnection) {
      // As with an oversize call: the rest of the body is not read; answer and drop the connection.
      response.setHeader('Connection', 'close');
      response.on('finish', () => request.destroy());
    }
    send(response, answer.status, answer.body);
  }

  function openEvents(request: IncomingMessage, response: ServerResponse): void {
    const session = sessions.resolve(request, response);
    // Events name parts, people and notifications: only for someone signed in.
    if (signedInUser(runtime.core, session) === null) return refuse(response, 401, 'Please sign in.');
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    streams.set(response, session);
    const streamClosed = sessions.streamOpened(session);
    request.on('close', () => {
      streams.delete(response);
      streamClosed();
    });
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    applySecurityHeaders(response);
    if (!addresses || !isSameOrigin(request, addresses.allowed(), scheme)) return refuse(response, 403, 'This address is not allowed.');
    const url = new URL(request.url ?? '/', 'http://stockbell.invalid');
    if (!decodablePath(url.pathname)) return refuse(response, 400, 'The address is not valid.');
    if (url.pathname.startsWith('/api/')) {
      if (!hasToken(request, token)) return refuse(response, 401, 'The access token is missing or wrong.');
      const call = /^\/api\/call\/([A-Za-z]+(?:\.[A-Za-z]+)+)$/.exec(url.pathname);
      if (call?.[1] && request.method === 'POST') return handleCall(call[1], request, response);
      if (url.pathname === '/api/events' && request.method === 'GET') return openEvents(request, response);
      if (url.pathname === '/api/upload' && request.method === 'POST') return handleUpload(request, response);
      return send(response, 404, { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Not found.' } });
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { error: 'Method not allowed' });
    // The page itself carries the session cookie, so the app's first calls and its event stream,
    // sent at the same moment, all belong to one session.
    if (url.pathname === '/' || url.pathname === '/index.html') sessions.resolve(request, response);
    const file = rendererDir === null ? null : await readStatic(rendererDir, url.pathname);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.body.length });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    route(request, response).catch((error: unknown) => {
      console.error('Request failed:', error);
      if (!response.headersSent) send(response, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error.' } });
      else response.end();
    });
  };
  const server: Server = options.tls ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, handle) : createServer(handle);
  server.on('clientError', answerClientError);
  // A TLS handshake that fails (a plain-HTTP client, an untrusted certificate) is the client's business.
  server.on('tlsClientError', (_error: Error, socket: Socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  addresses = listeningAddresses(options.host, port);
  const urls = addresses.urls(scheme).map((base) => `${base}/#token=${token}`);

  return {
    server,
    url: urls[0] as string,
    urls,
    signedInUsers() {
      const people = new Set<number>();
      for (const session of streams.values()) if (session.userId !== null) people.add(session.userId);
      return people;
    },
    async close() {
      clearInterval(heartbeat);
      stopEvents();
      for (const stream of streams.keys()) stream.end();
      uploads.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
