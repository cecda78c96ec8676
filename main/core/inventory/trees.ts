import type Database from 'better-sqlite3';
import type { PathEntry } from '../../contract/shared';
import { prepared } from '../statements';

// Categories, locations and variant chains are trees through a parent column. These recursive
// queries walk them in SQLite (indexed on the parent column) rather than loading whole tables.

type TreeTable = 'part_categories' | 'stock_locations';

/** Root-first path of a category or location, ending with the node itself. */
export function pathOf(client: Database.Database, table: TreeTable, id: number): PathEntry[] {
  const rows = client
    .prepare(
      `with recursive up(id, parent_id, name, depth) as (
         select id, parent_id, name, 0 from ${table} where id = ?
         union all
         select t.id, t.parent_id, t.name, up.depth + 1 from ${table} t join up on t.id = up.parent_id
       ) select id, name from up order by depth desc`,
    )
    .all(id) as PathEntry[];
  return rows;
}

/** The node and every descendant at any depth. */
export function subtreeIds(client: Database.Database, table: TreeTable, id: number): number[] {
  return (
    client
      .prepare(
        `with recursive down(id) as (
           select ? union all select t.id from ${table} t join down on t.parent_id = down.id
         ) select id from down`,
      )
      .pluck()
      .all(id) as number[]
  );
}

/** True when `candidate` is `id` itself or one of its descendants (moving under it would loop). */
export function isInSubtree(client: Database.Database, table: TreeTable, id: number, candidate: number): boolean {
  return subtreeIds(client, table, id).includes(candidate);
}

/** Template chain of a part, root template first, ending with the part itself. */
export function templatePathOf(client: Database.Database, partId: number): PathEntry[] {
  return client
    .prepare(
      `with recursive up(id, variant_of_id, name, depth) as (
         select id, variant_of_id, name, 0 from parts where id = ?
         union all
         select p.id, p.variant_of_id, p.name, up.depth + 1 from parts p join up on p.id = up.variant_of_id
       ) select id, name from up order by depth desc`,
    )
    .all(partId) as PathEntry[];
}

/** The part and every variant below it at any depth. */
export function variantTreeIds(client: Database.Database, partId: number): number[] {
  return prepared(
    client,
    `with recursive down(id) as (
       select ? union all select p.id from parts p join down on p.variant_of_id = down.id
     ) select id from down`,
  )
    .pluck()
    .all(partId) as number[];
}
