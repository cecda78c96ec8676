import { request as httpRequest } from 'node:http';
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
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so Host and Origin can be set as an attacker would. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };

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
    expect(String(page.headers['set-cookie'])).toMatch(/^stockbell_session=[0-9a-f]{64}; Path=\/; HttpOnly; SameSite=Strict/);
    expect((await send('/nothing-here.js')).status).toBe(404);
    expect((await send('/..%2f..%2fetc%2fpasswd')).status).toBe(404);
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
    const first = await send('/api/call/session.signIn', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ username: 'test.person', password: TEST_PASSWORD }),
    });
    expect(JSON.parse(first.body)).toMatchObject({ ok: true });
    const cookie = String(first.headers['set-cookie']).split(';')[0] as string;
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const created = await send('/api/call/categories.create', {
      method: 'POST',
      headers: { ...auth, Cookie: cookie },
      body: JSON.stringify({ name: 'Over HTTP' }),
    });
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Over HTTP' } });
    const direct = await app.call('categories.list', {});
    const viaHttp = await send('/api/call/categories.list', { method: 'POST', headers: { ...auth, Cookie: cookie }, body: '{}' });
    expect(JSON.parse(viaHttp.body)).toEqual({ ok: true, value: direct });

    const anonymous = await send('/api/call/categories.list', { method: 'POST', headers: auth, body: '{}' });
    expect(JSON.parse(anonymous.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('routes every method of the contract', async () => {
    for (const method of methodNames) {
      const reply = await send(`/api/call/${method}`, { method: 'POST', headers: auth, body: '{}' });
      expect(reply.status, method).toBe(200);
      expect(JSON.parse(reply.body).error?.code, method).not.toBe('UNKNOWN_METHOD');
    }
  });

  it('pushes change events to open streams', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const url = new URL('/api/events', base);
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers: auth }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('event: inventory.changed')) {
            resolve(text);
            req.destroy();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await app.call('locations.create', { name: 'Pushed' });
    const text = await received;
    expect(text).toContain('data: {"areas":["locations"]}');
  });
});
