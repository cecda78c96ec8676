import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Secrets } from '../../core/ports';

const KEY_FILE = 'secret.key';

/**
 * Secrets for the headless host: AES-256-GCM with a random key kept in the data folder, readable by
 * the owner only. Whoever can read that folder can read the secrets; it keeps them out of the
 * database file, its backups and copies of it.
 */
export function keyFileSecrets(dataDir: string): Secrets {
  const file = join(dataDir, KEY_FILE);
  let loaded: Buffer | null = null;
  // The key is made on first use, so a Stockbell that never stores a secret never writes one.
  const key = (): Buffer => {
    if (loaded) return loaded;
    mkdirSync(dataDir, { recursive: true });
    if (!existsSync(file)) writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    const bytes = readFileSync(file);
    if (bytes.length !== 32) throw new Error(`${file} is not a Stockbell key file.`);
    loaded = bytes;
    return bytes;
  };
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split(':');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('This secret was not sealed by Stockbell.');
      const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    },
    protection: () => ({
      keychain: false,
      description: `Encrypted with a key file (${KEY_FILE}) in Stockbell's data folder: anyone who can read that folder can read the password.`,
    }),
  };
}
