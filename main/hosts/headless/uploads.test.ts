import { request as httpRequest, type IncomingMessage } from 'node:http';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INVENTREE_EXPORT_MAX_BYTES } from '../../contract/transfer';
import { syntheticExport } from '../../core/import/syntheticExport';
import { openTestRuntime, TEST_PASSWORD, type TestRuntime } from '../../testing/runtime';
import { MAX_BODY_BYTES, startHeadless, type HeadlessHost } from './server';

// An InvenTree export larger than a call's body goes up as a stream to a file in the data folder,
// and the import call names it by the id the upload returned.

const token = 'c3'.repeat(24);
let app: TestRuntime;
let host: HeadlessHost;
let base: URL;

async function startHost(options: { uploadLimitBytes?: number } = {}): Promise<void> {
  host = await startHeadless({ runtime: app, rendererDir: null, host: '127.0.0.1', port: 0, token, ...options });
  base = new URL(host.url.replace(/\/#token=.*$/, ''));
}

beforeEach(async () => {
  app = await openTestRuntime();
});
afterEach(async () => {
  await host.close();
  app.close();
});

interface Reply {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
  /** Bytes of the body the host let the client send before it answered or hung up. */
  sent: number;
}

/** Sends a body in chunks, without a Content-Length unless one is given, as a browser streams a file. */
function send(path: string, options: { headers?: Record<string, string>; chunks?: (string | Buffer)[] } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest({ host: base.hostname, port: base.port, path, method: 'POST', headers: options.headers }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sent }));
    });
    // A host that stops reading may reset the connection under a body still being written.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    const chunks = [...(options.chunks ?? [])];
    const next = () => {
      const chunk = chunks.shift();
      if (chunk === undefined || answered || req.destroyed) return req.end();
      sent += chunk.length;
      if (req.write(chunk)) setImmediate(next);
      else req.once('drain', next);
    };
    next();
  });
}

const auth = { Authorization: `Bearer ${token}` };

/** A browser profile signed in as one person: it keeps the host's cookies. */
class Browser {
  private readonly jar = new Map<string, string>();

  private headers(): Record<string, string> {
    return { ...auth, ...(this.jar.size ? { Cookie: [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ') } : {}) };
  }

  private keep(reply: Reply): Reply {
    for (const cookie of reply.headers['set-cookie'] ?? []) {
      const [pair] = cookie.split(';');
      const [name, ...value] = (pair as string).split('=');
      this.jar.set(name as string, value.join('='));
    }
    return reply;
  }

  async call(method: string, input: unknown = {}): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
    const reply = this.keep(await send(`/api/call/${method}`, { headers: { ...this.headers(), 'Content-Type': 'application/json' }, chunks: [JSON.stringify(input)] }));
    return JSON.parse(reply.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
  }

  async upload(content: string | Buffer | Buffer[], headers: Record<string, string> = {}): Promise<Reply> {
    const chunks: Buffer[] = [];
    if (Array.isArray(content)) chunks.push(...content);
    else {
      const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content);
      for (let offset = 0; offset < buffer.length; offset += 1024 * 1024) chunks.push(buffer.subarray(offset, offset + 1024 * 1024));
    }
    return this.keep(await send('/api/upload', { headers: { ...this.headers(), 'Content-Type': 'application/json', ...headers }, chunks }));
  }
}

async function signedIn(username = 'test.person'): Promise<Browser> {
  const browser = new Browser();
  expect(await browser.call('session.signIn', { username, password: TEST_PASSWORD })).toMatchObject({ ok: true });
  return browser;
}

const uploadFolder = () => join(app.dataDir, 'tmp', 'uploads');
const filesWaiting = () => (existsSync(uploadFolder()) ? readdirSync(uploadFolder()) : []);

describe('uploading an InvenTree export to the headless host', () => {
  it('imports an export larger than a call may be, streamed to a file and named by its upload id', async () => {
    await startHost();
    const large = syntheticExport(MAX_BODY_BYTES + 2 * 1024 * 1024);
    expect(large.content.length).toBeGreaterThan(MAX_BODY_BYTES);
    const browser = await signedIn();

    // As content in the call it is too large, which is why the upload exists.
    const inline = await send('/api/call/import.inventree', { headers: { ...auth, 'Content-Type': 'application/json' }, chunks: [JSON.stringify({ content: large.content })] });
    expect(inline.status).toBe(413);

    const uploaded = await browser.upload(large.content);
    expect(uploaded.status).toBe(200);
    const { value } = JSON.parse(uploaded.body) as { value: { uploadId: string; bytes: number } };
    expect(value.bytes).toBe(Buffer.byteLength(large.content));
    expect(filesWaiting()).toHaveLength(1);

    const answer = await browser.call('import.inventree', { uploadId: value.uploadId });
    expect(answer).toMatchObject({ ok: true, value: { outcome: 'imported', summary: { imported: { parts: large.parts, stockItems: large.parts } } } });
    expect(app.core.db.$client.prepare('select count(*) from parts').pluck().get()).toBe(large.parts);
    // Imported, the file is gone, and its id with it.
    expect(filesWaiting()).toEqual([]);
    expect(await browser.call('import.inventree', { uploadId: value.uploadId, allowNonEmpty: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 60_000);

  it('keeps a refused import’s upload, so "import anyway" needs no second upload', async () => {
    await startHost();
    const browser = await signedIn();
    const broken = JSON.stringify([{ model: 'part.part', pk: 1, fields: { name: 'Stray', category: 999999, active: true } }]);
    const { value } = JSON.parse((await browser.upload(broken)).body) as { value: { uploadId: string } };
    expect(await browser.call('import.inventree', { uploadId: value.uploadId })).toMatchObject({ ok: true, value: { outcome: 'refused' } });
    expect(await browser.call('import.inventree', { uploadId: value.uploadId, allowProblems: true })).toMatchObject({ ok: true, value: { outcome: 'imported' } });
  });

  it('takes uploads only with the token, from its own origin, from a signed-in administrator', async () => {
    await startHost();
    const body = '[]';
    expect((await send('/api/upload', { chunks: [body] })).status).toBe(401);
    const stranger = new Browser();
    expect((await stranger.upload(body)).status).toBe(401);
    const admin = await signedIn();
    expect((await admin.upload(body, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await admin.upload(body, { Host: 'evil.example:80' })).status).toBe(403);
    expect((await admin.upload(body, { Origin: base.origin })).status).toBe(200);
    await app.signIn('Morgan Member');
    const member = await signedIn('morgan.member');
    const refused = await member.upload(body);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(filesWaiting()).toHaveLength(1);
  });

  it('binds an upload to the session that sent it', async () => {
    await startHost();
    const content = JSON.stringify([{ model: 'part.partcategory', pk: 1, fields: { name: 'Mine', parent: null } }]);
    const owner = await signedIn();
    const { value } = JSON.parse((await owner.upload(content)).body) as { value: { uploadId: string } };
    const otherTab = await signedIn();
    expect(await otherTab.call('import.inventree', { uploadId: value.uploadId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // Signing out ends the session, and its uploads with it.
    await owner.call('session.signOut');
    await owner.call('session.signIn', { username: 'test.person', password: TEST_PASSWORD });
    expect(await owner.call('import.inventree', { uploadId: value.uploadId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('cuts an oversize upload off at the cap, and keeps nothing of it', async () => {
    const cap = 1024 * 1024;
    await startHost({ uploadLimitBytes: cap });
    const browser = await signedIn();
    const declared = await browser.upload('[', { 'Content-Length': String(cap + 1) });
    expect(declared.status).toBe(413);
    // 256 MB offered in 1 MB chunks: the host answers once the cap is passed and reads no further.
    const streamed = await browser.upload(Array.from({ length: 256 }, () => Buffer.alloc(cap, 'x')));
    expect(streamed.status).toBe(413);
    expect(streamed.sent).toBeLessThan(64 * cap);
    expect(JSON.parse(streamed.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/larger than 1 MB/) } });
    expect(filesWaiting()).toEqual([]);
    expect((await browser.upload(Buffer.alloc(cap, ' '))).status).toBe(200);
  });

  it('caps uploads at the size npm run import takes', async () => {
    await startHost();
    const browser = await signedIn();
    expect((await browser.upload('[', { 'Content-Length': String(INVENTREE_EXPORT_MAX_BYTES + 1) })).status).toBe(413);
    expect(filesWaiting()).toEqual([]);
  });
});
