import type { PresentedCertificate, TestEmailResult } from '../../contract/mail';
import type { Core } from '../core';
import type { Secrets } from '../ports';
import { describeCertificate } from './certificateDetails';
import { presentedCertificates } from './certificateProbe';
import { readEmailSettings, smtpConfig, type SmtpConfig } from './emailSettings';
import { pinnableChain } from './pinning';
import { classifySendError } from './smtpErrors';
import { fromHeader, singleTransport } from './smtpTransport';
import { renderEmail } from './templates';

/** The certificate the server presents, for the administrator to judge; null if it cannot be read. */
async function certificateToJudge(config: SmtpConfig): Promise<PresentedCertificate | null> {
  if (config.security === 'none') return null;
  try {
    const chain = await presentedCertificates({ host: config.host, port: config.port, security: config.security });
    const [leaf] = chain;
    return leaf ? { ...describeCertificate(leaf), canTrust: pinnableChain(chain) !== null } : null;
  } catch {
    return null;
  }
}

/**
 * Credentials the server never asked for: nodemailer signs in only where the server offers AUTH
 * (usually only inside TLS), and otherwise sends without them, silently.
 */
function unusedCredentialsWarning(config: SmtpConfig, ehlo: string[] | undefined): string | null {
  if (!config.username || ehlo === undefined || ehlo.some((line) => /^AUTH\b/i.test(line))) return null;
  if (config.security === 'none') {
    const offered = ehlo.some((line) => /^STARTTLS\b/i.test(line)) ? ' This server offers STARTTLS' : ' Most servers';
    return `The server took the email without asking anyone to sign in, so your username and password were not used.${offered} ask for them only on an encrypted connection: choose STARTTLS (usually port 587).`;
  }
  return 'The server took the email without asking anyone to sign in, so your username and password were not used. If it should require them, check its settings.';
}

/** Sends one email to the signed-in person now, with the saved settings, and reports the server's answer. */
export async function sendTestEmail(core: Core, secrets: Secrets, userId: number): Promise<TestEmailResult> {
  const { settings, email } = core.read((ctx) => ({
    settings: readEmailSettings(ctx),
    email: ctx.db.$client.prepare('select email from users where id = ?').pluck().get(userId) as string | null,
  }));
  const answer = { recipient: email, warning: null, untrustedCertificate: null };
  if (!email) return { ...answer, delivered: false, message: 'Your profile has no email address to send the test to.' };
  if (!settings.host || !settings.sender) return { ...answer, delivered: false, message: 'Enter a mail server and a sender address first.' };
  const config = smtpConfig(settings, secrets);
  const transport = singleTransport(config);
  const content = renderEmail({
    instanceName: settings.instanceName,
    heading: 'Test email',
    intro: 'Stockbell can send email with these settings.',
    facts: [
      { label: 'Server', value: `${config.host}:${config.port}` },
      { label: 'Security', value: config.security },
    ],
    reason: 'An administrator sent this test from Settings > Notifications.',
    path: '/settings/notifications',
    links: core.links,
  });
  try {
    const info = await transport.sendMail({ from: fromHeader(config), to: email, subject: content.subject, text: content.text, html: content.html });
    return {
      ...answer,
      delivered: true,
      message: `The test email was accepted by ${config.host} for ${email}.`,
      warning: unusedCredentialsWarning(config, info.ehlo),
    };
  } catch (error) {
    const failure = classifySendError(error, config.trust.kind);
    const presented = failure.certificateProblem === null ? null : await certificateToJudge(config);
    if (!presented || failure.certificateProblem === null) return { ...answer, delivered: false, message: failure.message };
    // The certificate is shown beside the message, with what trusting it means; only a dead end needs a sentence more.
    const next = presented.canTrust ? '' : ' Paste the certificate of the authority that issued it under "Server certificate" above.';
    return { ...answer, delivered: false, message: `${failure.certificateProblem}${next}`, untrustedCertificate: presented };
  } finally {
    transport.close();
  }
}
