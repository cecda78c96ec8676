import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../contract/contentSecurityPolicy';
import { fakeElectron, type ProtocolHandler } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
const { registerAppScheme, serveRenderer } = await import('./rendererProtocol');

let folder: string;
let serve: ProtocolHandler;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'stockbell-renderer-'));
  mkdirSync(join(folder, 'renderer/assets'), { recursive: true });
  writeFileSync(join(folder, 'renderer/index.html'), '<!doctype html><title>Stockbell</title>');
  writeFileSync(join(folder, 'renderer/assets/app.js'), 'console.log("stockbell");');
  writeFileSync(join(folder, 'secret.txt'), 'not for the page');
  registerAppScheme();
  serveRenderer(join(folder, 'renderer'));
  serve = fakeElectron.protocol.handler('app');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function expectAppHeaders(response: Response): void {
  expect(response.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
  expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
  expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
}

describe('the app:// protocol', () => {
  it('is a secure, standard scheme', () => {
    expect(fakeElectron.protocol.privileged).toContainEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) });
  });

  it('serves the page, its app routes and its assets under the content security policy', async () => {
    for (const [url, text] of [
      ['app://stockbell/', '<title>Stockbell</title>'],
      ['app://stockbell/parts/5', '<title>Stockbell</title>'],
      ['app://stockbell/assets/app.js', 'console.log'],
    ] as const) {
      const response = await serve(new Request(url));
      expect(response.status, url).toBe(200);
      expect(await response.text()).toContain(text);
      expectAppHeaders(response);
    }
  });

  it('answers 404, with the same headers, for files outside its folder or missing', async () => {
    for (const url of ['app://stockbell/..%2Fsecret.txt', 'app://stockbell/assets/..%2F..%2F..%2Fsecret.txt', 'app://stockbell/assets/missing.js', 'app://stockbell/%E0%A4%A.js']) {
      const response = await serve(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('not for the page');
      expectAppHeaders(response);
    }
  });
});
