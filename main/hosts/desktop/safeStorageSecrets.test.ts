import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).fakeElectron);
const { osSecrets } = await import('./safeStorageSecrets');

beforeEach(() => {
  fakeElectron.safeStorage.backend = 'gnome_libsecret';
  fakeElectron.safeStorage.encryptionAvailable = true;
});

describe('secrets sealed through safeStorage', () => {
  it('on Linux, says the password is kept by the keyring when GNOME Keyring holds the key', () => {
    const secrets = osSecrets('linux');
    expect(secrets.decrypt(secrets.encrypt('hunter2-secret'))).toBe('hunter2-secret');
    expect(secrets.protection()).toEqual({ keychain: true, description: 'Encrypted with a key kept in your desktop keyring (Secret Service, such as GNOME Keyring).' });
    for (const backend of ['kwallet', 'kwallet5', 'kwallet6'] as const) {
      fakeElectron.safeStorage.backend = backend;
      expect(secrets.protection()).toEqual({ keychain: true, description: 'Encrypted with a key kept in KWallet.' });
    }
  });

  it("on Linux, warns that Chromium's fixed key (basic_text) protects nothing, though encryption says it is available", () => {
    fakeElectron.safeStorage.backend = 'basic_text';
    const secrets = osSecrets('linux');
    expect(secrets.decrypt(secrets.encrypt('hunter2-secret'))).toBe('hunter2-secret');
    const protection = secrets.protection();
    expect(protection.keychain).toBe(false);
    expect(protection.description).toMatch(/^On this computer the password is stored with a fixed key, not a keychain/);
    expect(protection.description).toContain('GNOME Keyring or KWallet');
  });

  it('asks about Linux backends only on Linux', () => {
    fakeElectron.safeStorage.backend = 'basic_text';
    expect(osSecrets('darwin').protection()).toEqual({ keychain: true, description: 'Encrypted with a key kept in your macOS Keychain.' });
    expect(osSecrets('win32').protection().keychain).toBe(true);
  });

  it('says so, and stores nothing, where there is no secure storage at all', () => {
    fakeElectron.safeStorage.encryptionAvailable = false;
    const secrets = osSecrets('linux');
    expect(secrets.protection().keychain).toBe(false);
    expect(() => secrets.encrypt('hunter2-secret')).toThrow(/no secure storage/);
  });
});
