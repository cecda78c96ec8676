import { X509Certificate } from 'node:crypto';
import { selfSignedCertificate } from '../main/testing/certificates';
import { startLoopbackSmtp, type LoopbackSmtp } from '../main/testing/smtpServer';
import { expect, test as base } from './fixtures';
import { EmailSettings } from './pages/emailSettings';
import { createFirstAdministrator } from './pages/session';

const certificate = selfSignedCertificate('relay.office.lan');

/** The office relay: implicit TLS with a certificate it made itself, and a password. Stopped after the host. */
const test = base.extend<object, { relay: LoopbackSmtp }>({
  relay: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function needs from this pattern.
    async ({}, use) => {
      const server = await startLoopbackSmtp({ tls: { ...certificate, mode: 'implicit' }, credentials: { user: 'stock', pass: 'relay-password' } });
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
});

// Tall enough for the whole card, so its pictures need no scrolling under the page header.
test.use({ viewport: { width: 1360, height: 1800 } });

test('an administrator trusts the office relay\'s own certificate, and then sees the real problem: the password', async ({ app, relay }, testInfo) => {
  const { page } = app;
  await createFirstAdministrator(page);
  const settings = new EmailSettings(page);
  await settings.open();
  await settings.configure({ host: '127.0.0.1', port: relay.port, security: 'TLS', sender: 'stock@office.example', instanceName: 'Office' });
  const card = page.getByRole('region', { name: 'Email server' });
  await card.getByLabel('Username').fill('stock');
  await card.getByLabel('Password', { exact: true }).fill('not-the-password');
  await card.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(card.getByText('A password is stored.')).toBeVisible();

  const refused = await settings.sendTestEmail();
  await expect(refused).toContainText('self-signed');
  const presented = card.getByRole('group', { name: 'The certificate the mail server presented' });
  await expect(presented).toContainText(new X509Certificate(certificate.cert).fingerprint256);
  await expect(presented).toContainText('O=Office, CN=relay.office.lan');
  await expect(page.getByText('Email settings saved')).toHaveCount(0);
  await page.mouse.move(0, 0);
  await card.screenshot({ path: testInfo.outputPath('untrusted-certificate.png'), animations: 'disabled' });

  await presented.getByRole('button', { name: 'Trust this certificate' }).click();
  // The test runs again by itself, and the certificate no longer hides the wrong password.
  await expect(card.getByRole('alert')).toContainText('refused the username or password');
  await expect(card.getByText('Only this certificate is accepted')).toBeVisible();
  await card.screenshot({ path: testInfo.outputPath('trusted-certificate.png'), animations: 'disabled' });

  await card.getByLabel('Password', { exact: true }).fill('relay-password');
  await card.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(card.getByRole('button', { name: 'Send test email' })).toBeEnabled();
  await expect(await settings.sendTestEmail()).toContainText('Test email sent to ada@workshop.test');
  expect(relay.received.map((mail) => [mail.parsed.subject, mail.secure, mail.signedInAs])).toEqual([['[Office] Test email', true, 'stock']]);
});
