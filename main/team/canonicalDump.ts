import type { Core } from '../core/core';
import { quoted } from './rowShapes';
import { replicatedTables } from './replicatedTables';

// The team's shared state as plain text, for telling whether two desktops hold the same inventory:
// every shared table (and what every desktop derives alike), rows in key order. Columns about one
// desktop only (when someone last signed in here, the inbox index housekeeping) are left out.

const DERIVED_ALIKE = ['notification_events'];
const ONE_DESKTOP_ONLY: Record<string, string[]> = { users: ['last_sign_in_at'], notifications: ['settled'] };

export function canonicalDump(core: Core): Record<string, unknown[]> {
  const client = core.db.$client;
  const dump: Record<string, unknown[]> = {};
  for (const table of [...Object.keys(replicatedTables), ...DERIVED_ALIKE]) {
    const skip = new Set(ONE_DESKTOP_ONLY[table] ?? []);
    const columns = (client.prepare('select name from pragma_table_info(?)').pluck().all(table) as string[]).filter((column) => !skip.has(column));
    const key = replicatedTables[table]?.key ?? ['id'];
    const shared = replicatedTables[table]?.shareWhen?.replace(/\bROW\./g, '') ?? '1';
    dump[table] = client
      .prepare(`select ${columns.map(quoted).join(', ')} from ${quoted(table)} where ${shared} order by ${key.map(quoted).join(', ')}`)
      .raw()
      .all();
  }
  return dump;
}
