import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SyntheticFixture, SyntheticSize } from '../../../db/synthetic/generate';
import { hashPassword } from '../../core/users/passwords';
import { keyFileSecrets } from '../../hosts/headless/keyFileSecrets';
import { startCore } from '../../hosts/startCore';
import { fillSyntheticInventory } from '../syntheticInventory';

export const BENCH_PASSWORD = 'stockbell-bench';

/** A data folder holding the benchmark's inventory, and who and what the UI bench uses in it. */
export interface UiInventory {
  dataDir: string;
  size: SyntheticSize;
  /** The part followed by 1,000 people (at a tiny size too), with its one stock item. */
  crowd: SyntheticFixture['crowds'][number];
  /** An administrator: signs in, browses the inventory, and makes the stock change. */
  admin: string;
  /** The person with a tenth of all notifications (100,000 at full size), who also follows the 1,000-follower part. */
  busy: string;
  /** A top-level category: its page lists the parts of its whole subtree, a tenth of the inventory. */
  category: { id: number; name: string };
  generateSeconds: number;
}

const MARKER = 'bench-ui.json';
const root = resolve(import.meta.dirname, '../../..');

/** The migrations' journal: a folder built under another schema is built again rather than upgraded. */
function schemaVersion(): string {
  return readFileSync(join(root, 'db/migrations/meta/_journal.json'), 'utf8');
}

/**
 * The inventory for `size` in a data folder under the temp dir, reused while the size and the schema
 * are the same (building the full size takes a minute or two); other builds of the same size label
 * are removed. The folder is recorded as done only once it is complete.
 */
export async function uiInventory(label: string, size: SyntheticSize, log: (line: string) => void): Promise<UiInventory> {
  const key = createHash('sha256').update(JSON.stringify({ size, schema: schemaVersion() })).digest('hex').slice(0, 12);
  const prefix = `stockbell-bench-ui-${label}-`;
  const dataDir = join(tmpdir(), `${prefix}${key}`);
  const marker = join(dataDir, MARKER);
  if (existsSync(marker)) {
    log(`Reusing the inventory in ${dataDir}.`);
    return { ...(JSON.parse(readFileSync(marker, 'utf8')) as UiInventory), dataDir };
  }
  for (const entry of readdirSync(tmpdir())) if (entry.startsWith(prefix)) rmSync(join(tmpdir(), entry), { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  log(`Building the inventory in ${dataDir}...`);
  const runtime = await startCore(dataDir, { secrets: keyFileSecrets(dataDir) });
  try {
    const { fixture, adminId, generateSeconds } = fillSyntheticInventory(runtime.core, size, log);
    const client = runtime.core.db.$client;
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const setPassword = client.prepare('update users set password_hash = ? where id = ? returning username');
    const admin = (setPassword.get(passwordHash, adminId) as { username: string }).username;
    const busy = (setPassword.get(passwordHash, fixture.busyUserId) as { username: string }).username;
    const category = client.prepare('select id, name from part_categories where parent_id is null order by id limit 1').get() as { id: number; name: string };
    const crowd = fixture.crowds.at(-1);
    if (!crowd) throw new Error('The synthetic inventory has no followed part.');
    const inventory: UiInventory = { dataDir, size, crowd, admin, busy, category, generateSeconds };
    client.pragma('wal_checkpoint(TRUNCATE)');
    writeFileSync(marker, `${JSON.stringify(inventory, null, 2)}\n`);
    return inventory;
  } finally {
    runtime.core.close();
  }
}
