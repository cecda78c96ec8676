import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Session } from '../../dispatch/session';
import type { Runtime } from '../startCore';
import { allowedHostsFor, applySecurityHeaders, hasToken, isSameOrigin } from './security';
import { SessionStore } from './sessions';
import { readStatic } from './staticFiles';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;
const HEARTBEAT_MS = 25_000;

export interface HeadlessOptions {
  runtime: Runtime;
  /** The built renderer; null serves the contract only (every other path is 404). */
  rendererDir: string | null;
  host: string;
  port: number;
  token: string;
}

export interface HeadlessHost {
  server: Server;
  url: string;
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
  send(response, status, { ok: false, error: { code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN', message } });
}

/** Serves the renderer and the contract over HTTP on one address, with events as Server-Sent Events. */
export async function startHeadless(options: HeadlessOptions): Promise<HeadlessHost> {
  const { runtime, rendererDir, token } = options;
  const sessions = new SessionStore();
  const streams = new Map<ServerResponse, Session>();
  let allowedHosts = new Set<string>();

  const stopEvents = runtime.core.onEvent((event, payload, audience) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const [stream, session] of streams) {
      if ('everyone' in audience || session.userId === audience.userId) stream.write(frame);
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
    send(response, 200, await runtime.dispatch(method, input, session));
  }

  function openEvents(request: IncomingMessage, response: ServerResponse): void {
    const session = sessions.resolve(request, response);
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
    if (!isSameOrigin(request, allowedHosts)) return refuse(response, 403, 'This address is not allowed.');
    const url = new URL(request.url ?? '/', 'http://stockbell.invalid');
    if (url.pathname.startsWith('/api/')) {
      if (!hasToken(request, token)) return refuse(response, 401, 'The access token is missing or wrong.');
      const call = /^\/api\/call\/([A-Za-z]+(?:\.[A-Za-z]+)+)$/.exec(url.pathname);
      if (call?.[1] && request.method === 'POST') return handleCall(call[1], request, response);
      if (url.pathname === '/api/events' && request.method === 'GET') return openEvents(request, response);
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

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      console.error('Request failed:', error);
      if (!response.headersSent) send(response, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error.' } });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = allowedHostsFor(options.host, port);
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;

  return {
    server,
    url: `http://${shownHost}:${port}/#token=${token}`,
    signedInUsers() {
      const people = new Set<number>();
      for (const session of streams.values()) if (session.userId !== null) people.add(session.userId);
      return people;
    },
    async close() {
      clearInterval(heartbeat);
      stopEvents();
      for (const stream of streams.keys()) stream.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
