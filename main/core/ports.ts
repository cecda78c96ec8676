import { deepLinkFor } from './deepLinks';

/**
 * Narrow ports the core needs from its host. Each host supplies real implementations; tests use
 * real ones too, except at the OS edge.
 */

/** How well a stored secret is kept on this machine, told to the administrator who types it in. */
export interface SecretProtection {
  /** Whether the operating system's keychain guards the key, rather than a file anyone with the data folder has. */
  keychain: boolean;
  /** One or two sentences for the administrator: what holds the key, who could read the secret. */
  description: string;
}

/** Encrypts credentials at rest (Electron safeStorage on the desktop, a key file in the headless host). */
export interface Secrets {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  protection(): SecretProtection;
}

/** Where links in emails point: a desktop deep link, and the browser address when the host has one. */
export interface LinkBuilder {
  deepLink(path: string): string;
  webLink(path: string): string | null;
}

/** Deep links always; browser links once the host knows its address (the headless host after it binds). */
export class HostLinks implements LinkBuilder {
  webBase: string | null = null;

  deepLink(path: string): string {
    return deepLinkFor(path);
  }

  webLink(path: string): string | null {
    return this.webBase ? `${this.webBase}/#${path}` : null;
  }
}
