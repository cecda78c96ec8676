import { safeStorage } from 'electron';
import type { SecretProtection, Secrets } from '../../core/ports';

type LinuxBackend = ReturnType<typeof safeStorage.getSelectedStorageBackend>;

const linuxKeychains: Partial<Record<LinuxBackend, string>> = {
  gnome_libsecret: 'your desktop keyring (Secret Service, such as GNOME Keyring)',
  kwallet: 'KWallet',
  kwallet5: 'KWallet',
  kwallet6: 'KWallet',
};

function protectionOn(platform: NodeJS.Platform): SecretProtection {
  if (!safeStorage.isEncryptionAvailable()) {
    return { keychain: false, description: 'This computer offers no secure storage, so Stockbell will not store an SMTP password on it.' };
  }
  if (platform === 'darwin') return { keychain: true, description: 'Encrypted with a key kept in your macOS Keychain.' };
  if (platform === 'win32') return { keychain: true, description: 'Encrypted by Windows for your user account (DPAPI).' };
  const backend = safeStorage.getSelectedStorageBackend();
  const keychain = linuxKeychains[backend];
  if (keychain) return { keychain: true, description: `Encrypted with a key kept in ${keychain}.` };
  if (backend === 'unknown') return { keychain: false, description: 'Stockbell could not tell yet which keychain protects the password on this computer.' };
  // basic_text: Chromium's fallback when no keyring answers. Encryption still "works", with a key
  // built into every copy of Chromium, so it hides the password from nobody who has the files.
  return {
    keychain: false,
    description:
      "On this computer the password is stored with a fixed key, not a keychain: anyone who can read Stockbell's data folder can read it. Install or unlock a keyring such as GNOME Keyring or KWallet, restart Stockbell and enter the password again.",
  };
}

/** Secrets sealed by the operating system's keychain (Keychain, DPAPI, a Linux keyring) through Electron. */
export function osSecrets(platform: NodeJS.Platform): Secrets {
  return {
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
    protection: () => protectionOn(platform),
  };
}

export const safeStorageSecrets = osSecrets(process.platform);
