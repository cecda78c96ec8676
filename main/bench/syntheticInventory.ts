import { generateSynthetic, type SyntheticFixture, type SyntheticSize } from '../../db/synthetic/generate';
import type { Core } from '../core/core';

export interface SyntheticInventory {
  fixture: SyntheticFixture;
  /** The administrator the benchmarks act as (username `bench`). */
  adminId: number;
  generateSeconds: number;
}

/**
 * Fills an open, empty data folder with the benchmark's synthetic inventory and an administrator to
 * act as, then folds the write-ahead log in so the measurements start from a settled file.
 */
export function fillSyntheticInventory(core: Core, size: SyntheticSize, log: (line: string) => void): SyntheticInventory {
  const client = core.db.$client;
  log('Generating the synthetic inventory...');
  const start = Date.now();
  const fixture = generateSynthetic(client, size);
  const admin = client.prepare(`insert into users (username, display_name, role, created_at) values ('bench', 'Bench', 'admin', 0)`).run();
  client.pragma('wal_checkpoint(TRUNCATE)');
  const generateSeconds = (Date.now() - start) / 1000;
  log(`Generated in ${generateSeconds.toFixed(1)} s.`);
  return { fixture, adminId: Number(admin.lastInsertRowid), generateSeconds };
}
