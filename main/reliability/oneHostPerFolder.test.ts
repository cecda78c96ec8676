import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostProcess, type HostProcess } from './hostProcess';

// Two hosts on one data folder would both send the outbox's mail and never see each other's
// changes; the second must be refused, and a holder that died must never block the next start.

let dataDir: string;
const hosts: HostProcess[] = [];

async function start(): Promise<HostProcess> {
  const host = await startHostProcess(dataDir);
  hosts.push(host);
  return host;
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'stockbell-one-host-'));
});

afterAll(async () => {
  for (const host of hosts) await host.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('two hosts on one data folder', () => {
  let first: HostProcess;

  it('refuses the second start with a sentence naming the first', async () => {
    first = await start();
    await expect(start()).rejects.toThrow(
      new RegExp(`exited \\(1\\) before serving:\\nStockbell could not start: The data folder \\S+ is already in use by the Stockbell headless host \\(process ${first.child.pid}, started [^)]+\\)\\.`),
    );
    // The first carries on serving.
    expect(await first.call('session.get', {})).toMatchObject({ ok: true, value: { needsSetup: true } });
  }, 30_000);

  it('starts again at once after the holder was killed', async () => {
    await first.call('session.setup', { username: 'owner', displayName: 'Owner', email: 'owner@example.test', password: 'a long enough password' });
    await first.kill('SIGKILL');
    const next = await start();
    expect(await next.call('session.get', {})).toMatchObject({ ok: true, value: { needsSetup: false } });
  }, 30_000);
});
