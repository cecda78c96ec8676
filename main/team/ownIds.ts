import type Database from 'better-sqlite3';
import type { IdAllocator } from '../core/ids';
import { quoted } from './rowShapes';
import { tablesWithOwnIds } from './replicatedTables';

/** Each desktop numbers new rows within its own range, so numbers stay numeric and never collide. */
export const IDS_PER_REPLICA = 2 ** 32;

export function idRange(replica: number): { first: number; last: number } {
  // Replica 0 (the desktop that founded the team) keeps numbering where it was: 1, 2, 3...
  const first = replica === 0 ? 1 : replica * IDS_PER_REPLICA;
  return { first, last: (replica + 1) * IDS_PER_REPLICA - 1 };
}

export class OwnIds implements IdAllocator {
  private readonly last = new Map<string, number>();
  private readonly tables = new Set(tablesWithOwnIds);

  constructor(
    private readonly client: Database.Database,
    private readonly replica: number,
  ) {}

  next(table: string): number | null {
    if (!this.tables.has(table)) return null;
    const { first, last } = idRange(this.replica);
    let previous = this.last.get(table);
    if (previous === undefined) {
      // Rows from other desktops sit in their own ranges, so the highest in ours is ours alone.
      const highest = this.client.prepare(`select max(id) from main.${quoted(table)} where id between ? and ?`).pluck().get(first, last) as number | null;
      previous = highest ?? first - 1;
    }
    const id = previous + 1;
    if (id > last) throw new Error(`This desktop has used all the numbers of its range for ${table}.`);
    this.last.set(table, id);
    return id;
  }
}
