import type { Core } from '../core';
import type { Secrets } from '../ports';
import { readEmailSettings, smtpConfig } from './emailSettings';
import { classifySendError } from './smtpErrors';
import { singleTransport } from './smtpTransport';
import { renderEmail } from './templates';

/** Sends one email to the signed-in person now, with the saved settings, and reports the server's answer. */
export async function sendTestEmail(core: Core, secrets: Secrets, userId: number): Promise<{ delivered: boolean; recipient: string | null; message: string }> {
  const { settings, email } = core.read((ctx) => ({
    settings: readEmailSettings(ctx),
    email: ctx.db.$client.prepare('select email from users where id = ?').pluck().get(userId) as string | null,
  }));
  if (!email) return { delivered: false, recipient: null, message: 'Your profile has no email address to send the test to.' };
  if (!settings.host || !settings.sender) return { delivered: false, recipient: email, message: 'Enter a mail server and a sender address first.' };
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
    await transport.sendMail({ from: config.sender, to: email, subject: content.subject, text: content.text, html: content.html });
    return { delivered: true, recipient: email, message: `The test email was accepted by ${config.host} for ${email}.` };
  } catch (error) {
    return { delivered: false, recipient: email, message: classifySendError(error).message };
  } finally {
    transport.close();
  }
}
