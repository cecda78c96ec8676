import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessTokenFor } from './accessToken';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'stockbell-token-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the access token', () => {
  it('stays the same for a data folder, in a file only its owner can read', () => {
    const first = accessTokenFor(dataDir);
    expect(first).toMatch(/^[0-9a-f]{48}$/);
    expect(accessTokenFor(dataDir)).toBe(first);
    expect(statSync(join(dataDir, 'access.token')).mode & 0o777).toBe(0o600);
  });

  it('is replaced on request, and when the stored one is not a token', () => {
    const first = accessTokenFor(dataDir);
    const renewed = accessTokenFor(dataDir, { renew: true });
    expect(renewed).not.toBe(first);
    expect(accessTokenFor(dataDir)).toBe(renewed);
    writeFileSync(join(dataDir, 'access.token'), 'not a token', { mode: 0o644 });
    const replaced = accessTokenFor(dataDir);
    expect(replaced).toMatch(/^[0-9a-f]{48}$/);
    expect(statSync(join(dataDir, 'access.token')).mode & 0o777).toBe(0o600);
  });
});
