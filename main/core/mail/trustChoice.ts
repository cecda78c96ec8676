import type { ParsedInput } from '../../contract';
import type { Core } from '../core';
import { DomainError, conflict } from '../errors';
import { parsePemCertificates } from './certificateDetails';
import { presentedCertificates } from './certificateProbe';
import { readEmailSettings, writeEmailSettings, type StoredEmailSettings } from './emailSettings';
import { pinnableChain } from './pinning';
import type { ServerTrust } from './serverTrust';

export type TrustChoice = ParsedInput<'settings.email.trust'>;

/** The server where the saved settings point, for the administrator's certificate choice. */
function serverOf(settings: StoredEmailSettings) {
  return `${settings.host}:${settings.port}/${settings.security}`;
}

/**
 * Pins the certificate the server presents now, and only if it is the one the administrator was
 * shown (same fingerprint): what is trusted is what was seen, never a certificate sent by the page.
 */
async function pinPresentedCertificate(core: Core, fingerprint256: string): Promise<{ trust: ServerTrust; server: string }> {
  const settings = core.read((ctx) => readEmailSettings(ctx));
  if (settings.security === 'none' || !settings.host) {
    throw conflict('Choose STARTTLS or TLS and save first: with security "None" the mail server presents no certificate.');
  }
  const chain = await presentedCertificates({ host: settings.host, port: settings.port, security: settings.security }).catch((error: unknown) => {
    throw new DomainError('CONFLICT', `Could not read the mail server's certificate: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (chain[0]?.fingerprint256 !== fingerprint256) {
    throw conflict('The mail server now presents a different certificate from the one shown. Send the test email again to see it before trusting it.');
  }
  const pin = pinnableChain(chain);
  if (!pin) {
    throw conflict(`This certificate was issued by "${chain[0].issuer.split('\n').join(', ')}", which the server did not send, so it cannot be trusted on its own. Paste that authority's certificate instead.`);
  }
  return { trust: pin, server: serverOf(settings) };
}

/** Sets which certificates the mail server may present; used by the test email and the worker alike. */
export async function chooseServerTrust(core: Core, choice: TrustChoice): Promise<StoredEmailSettings> {
  let trust: ServerTrust;
  let probed: string | null = null;
  if (choice.kind === 'certificate') {
    ({ trust, server: probed } = await pinPresentedCertificate(core, choice.fingerprint256));
  } else if (choice.kind === 'authority') {
    trust = { kind: 'authority', certificates: parsePemCertificates(choice.pem, 'pem').map((certificate) => certificate.toString()).join('') };
  } else {
    trust = { kind: 'system' };
  }
  return core.write(null, (ctx) => {
    const settings = readEmailSettings(ctx);
    // The settings may have moved to another server while its certificate was read.
    if (probed !== null && serverOf(settings) !== probed) throw conflict('The email settings changed meanwhile. Send the test email again.');
    const next = { ...settings, trust };
    writeEmailSettings(ctx, next);
    // Mail waiting for a trusted server can go now.
    ctx.change.mailQueued = true;
    return next;
  });
}
