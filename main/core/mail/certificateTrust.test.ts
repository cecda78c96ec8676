import { X509Certificate } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { certificateAuthority, issuedCertificate, selfSignedCertificate, type KeyAndCertificate } from '../../testing/certificates';
import { failure, openTestRuntime, type TestRuntime } from '../../testing/runtime';
import { startLoopbackSmtp, type LoopbackSmtp } from '../../testing/smtpServer';
import { MailWorker } from './mailWorker';
import { outbox } from './outbox';

// A relay on the office network with a certificate it made itself: the normal case in a small office.

let app: TestRuntime;
let relays: LoopbackSmtp[];
let worker: MailWorker | null;

type Security = 'starttls' | 'tls';
const modes: { security: Security; mode: 'starttls' | 'implicit' }[] = [
  { security: 'starttls', mode: 'starttls' },
  { security: 'tls', mode: 'implicit' },
];

async function relay(security: Security, certificate: KeyAndCertificate, extra: { port?: number; credentials?: { user: string; pass: string } } = {}) {
  const server = await startLoopbackSmtp({ tls: { ...certificate, mode: security === 'tls' ? 'implicit' : 'starttls' }, ...extra });
  relays.push(server);
  return server;
}

async function useRelay(port: number, security: Security, credentials: { username: string; password: string } = { username: '', password: '' }) {
  await app.call('settings.email.update', {
    enabled: true,
    host: '127.0.0.1',
    port,
    security,
    username: credentials.username,
    password: credentials.password,
    sender: 'stock@office.test',
    instanceName: 'Office',
  });
}

function fingerprintOf(certificate: KeyAndCertificate): string {
  return new X509Certificate(certificate.cert).fingerprint256;
}

/** Queues one email and lets the worker try it; returns the row's outcome. */
async function sendThroughWorker(subject: string) {
  app.core.write(null, (ctx) =>
    outbox.enqueue(ctx, {
      content: { subject, text: 'Stock is low.', html: '<p>Stock is low.</p>' },
      userId: null,
      notificationId: null,
      kind: 'part.low_stock',
      recipient: 'buyer@office.test',
      headers: {},
    }),
  );
  if (!worker) {
    worker = new MailWorker(app.core, app.secrets, { retry: { firstDelayMs: 60_000, maxDelayMs: 60_000 } });
    worker.start();
  }
  worker.wake();
  await worker.idle();
  return app.core.db.$client.prepare('select status, last_error as lastError from outbox where subject = ?').get(subject) as { status: string; lastError: string | null };
}

beforeEach(async () => {
  app = await openTestRuntime();
  relays = [];
  worker = null;
});
afterEach(async () => {
  await worker?.stop();
  for (const server of relays) await server.stop();
  app.close();
});

describe.each(modes)('a relay with a self-signed certificate, security $security', ({ security }) => {
  it('shows the certificate it presented; once that exact certificate is trusted, the test email and queued mail go through', async () => {
    const certificate = selfSignedCertificate('relay.office.lan');
    const server = await relay(security, certificate);
    await useRelay(server.port, security);

    const refused = await app.call('settings.email.test', {});
    expect(refused.delivered).toBe(false);
    expect(refused.message).toMatch(/certificate/i);
    const presented = new X509Certificate(certificate.cert);
    expect(refused.untrustedCertificate).toEqual({
      subject: 'O=Office, CN=relay.office.lan',
      issuer: 'O=Office, CN=relay.office.lan',
      names: ['relay.office.lan'],
      validFrom: Date.parse(presented.validFrom),
      validTo: Date.parse(presented.validTo),
      fingerprint256: presented.fingerprint256,
      selfSigned: true,
      canTrust: true,
    });
    expect((await sendThroughWorker('Before trusting')).status).toBe('failed');
    expect(server.received).toHaveLength(0);

    const settings = await app.call('settings.email.trust', { kind: 'certificate', fingerprint256: presented.fingerprint256 });
    expect(settings.trust).toMatchObject({ kind: 'certificate', certificate: { fingerprint256: presented.fingerprint256, subject: 'O=Office, CN=relay.office.lan' } });

    const accepted = await app.call('settings.email.test', {});
    expect(accepted).toMatchObject({ delivered: true, untrustedCertificate: null });
    expect(await sendThroughWorker('After trusting')).toEqual({ status: 'sent', lastError: null });
    expect(server.received.map((mail) => [mail.parsed.subject, mail.secure])).toEqual([
      ['[Office] Test email', true],
      ['After trusting', true],
    ]);
  });

  it('refuses a different certificate after one was trusted, with a clear message, in the test email and in the worker', async () => {
    const first = selfSignedCertificate('relay.office.lan');
    const server = await relay(security, first);
    await useRelay(server.port, security);
    await app.call('settings.email.trust', { kind: 'certificate', fingerprint256: fingerprintOf(first) });
    expect((await app.call('settings.email.test', {})).delivered).toBe(true);
    expect((await sendThroughWorker('Pinned')).status).toBe('sent');

    // The same address now answers with another certificate (renewed, or someone in between).
    await server.stop();
    const second = selfSignedCertificate('relay.office.lan');
    const replaced = await relay(security, second, { port: server.port });
    const refused = await app.call('settings.email.test', {});
    expect(refused.delivered).toBe(false);
    expect(refused.message).toMatch(/not the certificate you trusted/);
    expect(refused.untrustedCertificate).toMatchObject({ fingerprint256: fingerprintOf(second), canTrust: true });
    const queued = await sendThroughWorker('After the change');
    expect(queued.status).toBe('failed');
    expect(queued.lastError).toMatch(/not the certificate you trusted/);
    expect(replaced.received).toHaveLength(0);

    // Trusting the new one is a deliberate second step.
    await app.call('settings.email.trust', { kind: 'certificate', fingerprint256: fingerprintOf(second) });
    expect((await app.call('settings.email.test', {})).delivered).toBe(true);
  });

  it('shows a wrong password once the certificate is trusted, instead of hiding it behind the certificate', async () => {
    const certificate = selfSignedCertificate();
    const server = await relay(security, certificate, { credentials: { user: 'stock', pass: 'right-password' } });
    await useRelay(server.port, security, { username: 'stock', password: 'wrong-password' });
    const hidden = await app.call('settings.email.test', {});
    expect(hidden.message).toMatch(/certificate/i);
    await app.call('settings.email.trust', { kind: 'certificate', fingerprint256: fingerprintOf(certificate) });
    const revealed = await app.call('settings.email.test', {});
    expect(revealed).toMatchObject({ delivered: false, untrustedCertificate: null });
    expect(revealed.message).toMatch(/refused the username or password: .*535/);
  });
});

describe('trusting a certificate', () => {
  it('only trusts the certificate the administrator saw: a fingerprint the server no longer presents is refused', async () => {
    const server = await relay('starttls', selfSignedCertificate());
    await useRelay(server.port, 'starttls');
    const stale = fingerprintOf(selfSignedCertificate());
    const error = await failure(app.call('settings.email.trust', { kind: 'certificate', fingerprint256: stale }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/presents a different certificate/);
    expect((await app.call('settings.email.get', {})).trust).toEqual({ kind: 'system' });
  });

  it('refuses a malformed fingerprint with a field message', async () => {
    const error = await failure(app.call('settings.email.trust', { kind: 'certificate', fingerprint256: 'not a fingerprint' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields?.fingerprint256).toBeDefined();
  });

  it('goes back to the computer\'s own authorities when the trust is removed', async () => {
    const certificate = selfSignedCertificate();
    const server = await relay('tls', certificate);
    await useRelay(server.port, 'tls');
    await app.call('settings.email.trust', { kind: 'certificate', fingerprint256: fingerprintOf(certificate) });
    expect((await app.call('settings.email.test', {})).delivered).toBe(true);
    expect((await app.call('settings.email.trust', { kind: 'system' })).trust).toEqual({ kind: 'system' });
    expect((await app.call('settings.email.test', {})).delivered).toBe(false);
  });
});

describe('an organisation\'s own certificate authority', () => {
  it('cannot pin a certificate whose issuer the server did not send, and trusts it once the authority is pasted', async () => {
    const authority = certificateAuthority('Office Root CA');
    const server = await relay('starttls', issuedCertificate(authority, 'relay.office.lan'));
    await useRelay(server.port, 'starttls');
    const refused = await app.call('settings.email.test', {});
    expect(refused.delivered).toBe(false);
    expect(refused.untrustedCertificate).toMatchObject({ issuer: 'O=Office, CN=Office Root CA', names: ['127.0.0.1', 'relay.office.lan'], selfSigned: false, canTrust: false });

    const settings = await app.call('settings.email.trust', { kind: 'authority', pem: authority.cert });
    expect(settings.trust).toMatchObject({ kind: 'authority', certificates: [{ subject: 'O=Office, CN=Office Root CA' }] });
    expect((await app.call('settings.email.test', {})).delivered).toBe(true);
    expect((await sendThroughWorker('Through the office CA')).status).toBe('sent');
  });

  it.each(modes)('can pin a certificate whose authority the server sends along, and then accepts only that certificate ($security)', async ({ security }) => {
    const authority = certificateAuthority('Office Root CA');
    const leaf = issuedCertificate(authority, 'relay.office.lan');
    const server = await relay(security, { key: leaf.key, cert: leaf.cert + authority.cert });
    await useRelay(server.port, security);
    const refused = await app.call('settings.email.test', {});
    expect(refused.untrustedCertificate).toMatchObject({ fingerprint256: fingerprintOf(leaf), selfSigned: false, canTrust: true });
    await app.call('settings.email.trust', { kind: 'certificate', fingerprint256: fingerprintOf(leaf) });
    expect((await app.call('settings.email.test', {})).delivered).toBe(true);

    // Another certificate from the same authority is still not the one that was trusted.
    await server.stop();
    const sibling = issuedCertificate(authority, 'relay.office.lan');
    await relay(security, { key: sibling.key, cert: sibling.cert + authority.cert }, { port: server.port });
    expect((await app.call('settings.email.test', {})).message).toMatch(/not the certificate you trusted/);
  });

  it('still refuses a server whose certificate that authority did not issue', async () => {
    const server = await relay('tls', selfSignedCertificate());
    await useRelay(server.port, 'tls');
    await app.call('settings.email.trust', { kind: 'authority', pem: certificateAuthority().cert });
    expect((await app.call('settings.email.test', {})).delivered).toBe(false);
  });

  it('refuses text that is not a PEM certificate, with a field message', async () => {
    for (const pem of ['hello', '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----']) {
      const error = await failure(app.call('settings.email.trust', { kind: 'authority', pem }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.fields?.pem).toMatch(/certificate/i);
    }
    expect((await app.call('settings.email.get', {})).trust).toEqual({ kind: 'system' });
  });
});
