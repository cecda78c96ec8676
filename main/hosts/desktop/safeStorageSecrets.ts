import { safeStorage } from 'electron';
import type { Secrets } from '../../core/ports';

/** Secrets sealed by the operating system's keychain (Keychain, DPAPI, libsecret) through Electron. */
export const safeStorageSecrets: Secrets = {
  encrypt(plain) {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('The operating system offers no secure storage, so Stockbell will not store this password.');
    }
    return `os:${safeStorage.encryptString(plain).toString('base64')}`;
  },
  decrypt(sealed) {
    if (!sealed.startsWith('os:')) throw new Error('This secret was not sealed by this computer.');
    return safeStorage.decryptString(Buffer.from(sealed.slice(3), 'base64'));
  },
};
