import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { certificateAuthority, issuedCertificate } from '../testing/certificates';
import { natsServerMissing, startNats, type LoopbackNats } from '../testing/natsServer';
import { openTestRuntime, type TestRuntime } from '../testing/runtime';

// A team server as an office runs it: TLS with its own certificate authority, a user per desktop,
// and a desktop taken out of the team by removing its user from the server's configuration.

const missing = natsServerMissing();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface OfficeServer {
  nats: LoopbackNats;
  authority: string;
  /** Rewrites the server's users and makes it read them again. */
  setUsers(names: string[]): void;
}

async function officeServer(): Promise<OfficeServer> {
  const folder = mkdtempSync(join(tmpdir(), 'stockbell-nats-office-'));
  const authority = certificateAuthority('Workshop Root CA');
  const server = issuedCertificate(authority, 'nats.workshop.lan');
  writeFileSync(join(folder, 'server-cert.pem'), server.cert);
  writeFileSync(join(folder, 'server-key.pem'), server.key);
  const config = join(folder, 'nats.conf');
  const setUsers = (names: string[]) =>
    writeFileSync(
      config,
      // JetStream named in the file too: a reload takes the file as the whole configuration.
      `jetstream { store_dir: "${join(folder, 'store')}" }\n` +
        `tls { cert_file: "${join(folder, 'server-cert.pem')}", key_file: "${join(folder, 'server-key.pem')}" }\n` +
        `authorization { users = [ ${names.map((name) => `{ user: ${name}, password: "pw-${name}" }`).join(', ')} ] }\n`,
    );
  setUsers(['workbench', 'stores']);
  const nats = await startNats(['-c', config], { configured: true });
  cleanups.push(async () => {
    await nats.close();
    rmSync(folder, { recursive: true, force: true });
  });
  return {
    nats,
    authority: authority.cert,
    setUsers(names) {
      setUsers(names);
      nats.reload();
    },
  };
}

async function desktop(): Promise<TestRuntime> {
  const app = await openTestRuntime();
  cleanups.push(async () => {
    await app.team.stop();
    app.close();
  });
  return app;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(missing !== null)('a team server with TLS and a user per desktop', () => {
  it('is joined over TLS with the office authority pasted, and refused with a clear reason without it or with a wrong password', async () => {
    const office = await officeServer();
    const servers = `tls://127.0.0.1:${office.nats.port}`;
    const workbench = await desktop();
    const noAuthority = await workbench.dispatch('team.found', { servers, team: 'workshop', desktop: 'Workbench', user: 'workbench', password: 'pw-workbench' }, workbench.session);
    expect(noAuthority).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!noAuthority.ok && noAuthority.error.message).toMatch(/certificate/i);
    const badPassword = await workbench.dispatch('team.found', { servers, team: 'workshop', desktop: 'Workbench', user: 'workbench', password: 'wrong', ca: office.authority }, workbench.session);
    expect(!badPassword.ok && badPassword.error.message).toMatch(/authori[sz]ation/i);
    const notPem = await workbench.dispatch('team.found', { servers, team: 'workshop', desktop: 'Workbench', ca: 'not a certificate' }, workbench.session);
    expect(notPem).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { ca: expect.stringContaining('PEM') } } });

    const founded = await workbench.call('team.found', { servers, team: 'workshop', desktop: 'Workbench', user: 'workbench', password: 'pw-workbench', ca: office.authority });
    expect(founded.membership).toMatchObject({ team: 'workshop', replica: 0 });
    await until('the workbench is up to date', async () => (await workbench.call('team.status', {})).sync?.kind === 'up-to-date');
  }, 60_000);

  it('stops a desktop removed from the server\'s users from reading or sending, says so, and takes it back when it is let in again', async () => {
    const office = await officeServer();
    const servers = `tls://127.0.0.1:${office.nats.port}`;
    const workbench = await desktop();
    await workbench.call('team.found', { servers, team: 'workshop', desktop: 'Workbench', user: 'workbench', password: 'pw-workbench', ca: office.authority });
    const stores = await desktop();
    await stores.call('team.join', { servers, team: 'workshop', desktop: 'Stores', user: 'stores', password: 'pw-stores', ca: office.authority });
    stores.session = { ...stores.session, generation: stores.core.sessionGeneration };
    await until('the stores laptop is up to date', async () => (await stores.call('team.status', {})).sync?.kind === 'up-to-date');

    office.setUsers(['workbench']);
    await until('the stores laptop is refused', async () => (await stores.call('team.status', {})).sync?.kind === 'refused');
    expect((await stores.call('team.status', {})).sync).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/authori[sz]ation/i) });
    // It keeps working on its own, and nothing crosses either way.
    await stores.call('locations.create', { name: 'Made on the removed laptop' });
    await workbench.call('locations.create', { name: 'Made on the workbench' });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await workbench.call('locations.list', {})).map((location) => location.name)).toEqual(['Made on the workbench']);
    expect((await stores.call('locations.list', {})).map((location) => location.name)).toEqual(['Made on the removed laptop']);
    expect((await stores.call('team.status', {})).sync).toMatchObject({ kind: 'refused', changes: 1 });

    // Let back in: it reconnects by itself, sends what waited and takes what it missed.
    office.setUsers(['workbench', 'stores']);
    await until('both desktops have both locations', async () => {
      const names = async (app: TestRuntime) => (await app.call('locations.list', {})).map((location) => location.name).sort();
      const expected = ['Made on the removed laptop', 'Made on the workbench'];
      return JSON.stringify(await names(workbench)) === JSON.stringify(expected) && JSON.stringify(await names(stores)) === JSON.stringify(expected);
    }, 45_000);
  }, 120_000);
});
