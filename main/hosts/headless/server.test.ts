import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methodNames } from '../../contract';
import { openTestRuntime, TEST_PASSWORD, type TestRuntime } from '../../testing/runtime';
import { MAX_BODY_BYTES, startHeadless, type HeadlessHost } from './server';

const token = 'a1'.repeat(24);
let app: TestRuntime;
let host: HeadlessHost;
let rendererDir: string;
let base: string;

beforeEach(async () => {
  app = await openTestRuntime();
  rendererDir = mkdtempSync(join(tmpdir(), 'stockbell-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Stockbell</title>');
  host = await startHeadless({ runtime: app, rendererDir, host: '127.0.0.1', port: 0, token });
  base = host.url.replace(/\/#token=.*$/, '');
});
afterEach(async () => {
  await host.close();
  app.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A raw HTTP request, so Host and Origin can be set as an attacker would. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

/** A browser profile: it keeps the cookies the host sets and sends them back. */
class Browser {
  readonly jar = new Map<string, string>();

  cookieHeader(): Record<string, string> {
    return this.jar.size ? { Cookie: [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ') } : {};
  }

  keep(reply: Reply): Reply {
    for (const cookie of reply.headers['set-cookie'] ?? []) {
      const [pair] = cookie.split(';');
      const [name, ...value] = (pair as string).split('=');
      this.jar.set(name as string, value.join('='));
    }
    return reply;
  }

  async call(method: string, input: unknown = {}): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
    const reply = this.keep(await send(`/api/call/${method}`, { method: 'POST', headers: { ...auth, ...this.cookieHeader() }, body: JSON.stringify(input) }));
    return JSON.parse(reply.body) as { ok: boolean; value?: unknown; error?: { code: string } };
  }

  async openPage(): Promise<void> {
    this.keep(await send('/', { headers: this.cookieHeader() }));
  }

  /** Opens the event stream; resolves with its status and a way to read what arrives. */
  events(): Promise<{ status: number; received: () => string; closed: Promise<void>; close: () => void }> {
    const url = new URL('/api/events', base);
    return new Promise((resolve, reject) => {
      let text = '';
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers: { ...auth, ...this.cookieHeader() } }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        const closed = new Promise<void>((done) => res.on('close', () => done()));
        resolve({ status: res.statusCode ?? 0, received: () => text, closed, close: () => req.destroy() });
      });
      req.on('error', reject);
      req.end();
    });
  }
}

async function until(probe: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('headless host', () => {
  it('prints a URL a browser can open, carrying the token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=a1a1/);
  });

  it('serves the renderer with security headers, and 404 for unknown paths', async () => {
    const page = await send('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['set-cookie']).toEqual(
      expect.arrayContaining([expect.stringMatching(/^stockbell_session=[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Strict$/)]),
    );
    expect((await send('/nothing-here.js')).status).toBe(404);
    expect((await send('/..%2f..%2fetc%2fpasswd')).status).toBe(404);
  });

  it('answers a broken address with 400, and requests Node cannot parse with our headers', async () => {
    const broken = await send('/%E0%A4%A.js');
    expect(broken.status).toBe(400);
    expect(broken.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await send('/api/call/%zz', { method: 'POST', headers: auth, body: '{}' })).status).toBe(400);

    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const url = new URL(base);
        const socket = connect(Number(url.port), url.hostname, () => socket.end(request));
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => (text += chunk));
        socket.on('end', () => resolve(text));
        socket.on('error', reject);
      });
    const garbage = await raw('THIS IS NOT HTTP\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect(garbage).toContain("Content-Security-Policy: default-src 'self'");
    expect(garbage).toContain('X-Content-Type-Options: nosniff');
    const tooLarge = await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(tooLarge).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large/);
    expect(tooLarge).toContain('X-Frame-Options: DENY');
  });

  it('refuses calls without the right token', async () => {
    expect((await send('/api/call/session.get', { method: 'POST', body: '{}' })).status).toBe(401);
    const wrong = { ...auth, Authorization: `Bearer ${'b2'.repeat(24)}` };
    expect((await send('/api/call/session.get', { method: 'POST', headers: wrong, body: '{}' })).status).toBe(401);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const rebound = await send('/api/call/session.get', { method: 'POST', headers: { ...auth, Host: 'evil.example:80' }, body: '{}' });
    expect(rebound.status).toBe(403);
    const crossSite = await send('/api/call/session.get', {
      method: 'POST',
      headers: { ...auth, Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    const ownOrigin = await send('/api/call/session.get', { method: 'POST', headers: { ...auth, Origin: base }, body: '{}' });
    expect(ownOrigin.status).toBe(200);
    const wrongScheme = await send('/api/call/session.get', { method: 'POST', headers: { ...auth, Origin: base.replace('http:', 'https:') }, body: '{}' });
    expect(wrongScheme.status).toBe(403);
  });

  it('refuses an oversize body', async () => {
    const huge = await send('/api/call/parts.list', {
      method: 'POST',
      headers: { ...auth, 'Content-Length': String(MAX_BODY_BYTES + 1) },
      body: 'x'.repeat(16),
    });
    expect(huge.status).toBe(413);
  });

  it('serves the same handlers as dispatch, keeping a session per cookie', async () => {
    const browser = new Browser();
    expect(await browser.call('session.signIn', { username: 'test.person', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    expect(await browser.call('categories.create', { name: 'Over HTTP' })).toMatchObject({ ok: true, value: { name: 'Over HTTP' } });
    const direct = await app.call('categories.list', {});
    expect(await browser.call('categories.list')).toEqual({ ok: true, value: direct });
    expect(await new Browser().call('categories.list')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('gives a new session id at sign-in and sign-out, so a planted cookie never becomes a signed-in session', async () => {
    const attacker = new Browser();
    await attacker.openPage();
    const planted = attacker.jar.get('stockbell_session') as string;
    const victim = new Browser();
    // Any page on 127.0.0.1 can set a cookie for the host: the victim's browser now sends the attacker's id.
    victim.jar.set('stockbell_session', planted);
    await victim.call('session.signIn', { username: 'test.person', password: TEST_PASSWORD });
    expect(victim.jar.get('stockbell_session')).not.toBe(planted);
    expect(await victim.call('parts.list', {})).toMatchObject({ ok: true });
    expect(await attacker.call('parts.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    const signedIn = victim.jar.get('stockbell_session') as string;
    await victim.call('session.signOut');
    expect(victim.jar.get('stockbell_session')).not.toBe(signedIn);
    const replay = new Browser();
    replay.jar.set('stockbell_session', signedIn);
    expect(await replay.call('parts.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('routes every method of the contract', async () => {
    for (const method of methodNames) {
      const reply = await send(`/api/call/${method}`, { method: 'POST', headers: auth, body: '{}' });
      expect(reply.status, method).toBe(200);
      expect(JSON.parse(reply.body).error?.code, method).not.toBe('UNKNOWN_METHOD');
    }
  });

  it('streams events only to a signed-in session, and stops at sign-out', async () => {
    const stranger = new Browser();
    await stranger.openPage();
    const refused = await stranger.events();
    expect(refused.status).toBe(401);

    const browser = new Browser();
    await browser.call('session.signIn', { username: 'test.person', password: TEST_PASSWORD });
    const stream = await browser.events();
    expect(stream.status).toBe(200);
    await app.call('locations.create', { name: 'Pushed' });
    await until(() => stream.received().includes('event: inventory.changed'));
    expect(stream.received()).toContain('data: {"areas":["locations"]}');

    await browser.call('session.signOut');
    await stream.closed;
    expect(host.signedInUsers().size).toBe(0);
  });

  it('ends the streams and calls of sessions whose password was reset, telling the page', async () => {
    const bob = await app.signIn('Bob');
    const browser = new Browser();
    expect(await browser.call('session.signIn', { username: 'bob', password: TEST_PASSWORD })).toMatchObject({ ok: true });
    const stream = await browser.events();
    expect(stream.status).toBe(200);
    await app.call('users.resetPassword', { id: bob.userId as number, password: 'a brand new password' });
    await stream.closed;
    expect(stream.received()).toContain('event: session.ended');
    expect(await browser.call('parts.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
