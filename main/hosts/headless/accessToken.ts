import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TOKEN_FILE = 'access.token';
const TOKEN_FORMAT = /^[0-9a-f]{48}$/;

/**
 * The headless host's access token, kept in the data folder (owner-only) so that links in emails and
 * open tabs keep working across restarts. `renew` replaces it: every address printed before stops
 * working, which is the point when one has leaked.
 */
export function accessTokenFor(dataDir: string, options: { renew?: boolean } = {}): string {
  const file = join(dataDir, TOKEN_FILE);
  mkdirSync(dataDir, { recursive: true });
  if (!options.renew && existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (TOKEN_FORMAT.test(stored)) {
      if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      return stored;
    }
  }
  const token = randomBytes(24).toString('hex');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  // writeFileSync keeps the mode of a file that already existed.
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  return token;
}
