import type { EmailSettingsView } from '../../../../main/contract';

type Security = EmailSettingsView['security'];

export const securityModes: { value: Security; label: string; port: number; meaning: string }[] = [
  { value: 'none', label: 'None', port: 25, meaning: 'No encryption. Only for a mail server on this machine or a network you trust.' },
  { value: 'starttls', label: 'STARTTLS', port: 587, meaning: 'Connects, then switches to encryption before anything is sent. Usually port 587.' },
  { value: 'tls', label: 'TLS', port: 465, meaning: 'Encrypted from the first byte (also called SSL or SMTPS). Usually port 465.' },
];

/** The usual port for a mode, so switching mode moves the port along unless someone chose their own. */
export function usualPort(security: Security): number {
  return securityModes.find((mode) => mode.value === security)?.port ?? 25;
}
