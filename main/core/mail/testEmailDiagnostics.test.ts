import { X509Certificate } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../testing/certificates';
import { openTestRuntime, type TestRuntime } from '../../testing/runtime';
import { startLoopbackSmtp, type LoopbackSmtp } from '../../testing/smtpServer';

// What the test email tells an administrator about settings that half work.

let app: TestRuntime;
let relay: LoopbackSmtp | null;

const certificate = selfSignedCertificate();
const credentials = { user: 'stock', pass: 'relay-password' };

async function useRelay(port: number, security: 'none' | 'starttls' | 'tls', withCredentials: boolean) {
  await app.call('settings.email.update', {
    enabled: true,
    host: '127.0.0.1',
    port,
    security,
    username: withCredentials ? credentials.user : '',
    password: withCredentials ? credentials.pass : '',
    sender: 'stock@office.test',
    instanceName: 'Office',
  });
}

beforeEach(async () => {
  app = await openTestRuntime();
  relay = null;
});
afterEach(async () => {
  await relay?.stop();
  app.close();
});

describe('credentials the server never asked for', () => {
  // A relay that takes mail from its own network without sign-in and offers AUTH only inside TLS.
  const start = () => startLoopbackSmtp({ tls: { ...certificate, mode: 'starttls' }, credentials, authOnlyOverTls: true, anonymousAllowed: true });

  it('are reported when the test email went out without them, with STARTTLS suggested', async () => {
    relay = await start();
    await useRelay(relay.port, 'none', true);
    const result = await app.call('settings.email.test', {});
    expect(result.delivered).toBe(true);
    expect(result.warning).toMatch(/username and password were not used/);
    expect(result.warning).toMatch(/STARTTLS/);
    expect(relay.received[0]?.signedInAs).toBeNull();
  });

  it('are not mentioned once STARTTLS lets the server ask for them', async () => {
    relay = await start();
    await useRelay(relay.port, 'starttls', true);
    await app.call('settings.email.trust', { kind: 'certificate', fingerprint256: new X509Certificate(certificate.cert).fingerprint256 });
    const result = await app.call('settings.email.test', {});
    expect(result).toMatchObject({ delivered: true, warning: null });
    expect(relay.received[0]?.signedInAs).toBe('stock');
  });

  it('are not mentioned when none were entered', async () => {
    relay = await start();
    await useRelay(relay.port, 'none', false);
    expect(await app.call('settings.email.test', {})).toMatchObject({ delivered: true, warning: null });
  });
});

describe('the wrong kind of encryption for the port', () => {
  it('says that a STARTTLS port does not speak TLS from the first byte, instead of OpenSSL\'s words', async () => {
    relay = await startLoopbackSmtp({ tls: { ...certificate, mode: 'starttls' } });
    await useRelay(relay.port, 'tls', false);
    const result = await app.call('settings.email.test', {});
    expect(result.delivered).toBe(false);
    expect(result.message).toMatch(/expects STARTTLS/);
    expect(result.message).not.toMatch(/wrong version number|ssl3_get_record|openssl/i);
  });
});
