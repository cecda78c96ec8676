import type { PathEntry } from '../../contract/shared';
import { conflict, invalid, notFound } from '../errors';
import type { CoreContext, WriteContext } from '../context';
import { isInSubtree, pathOf } from './trees';

// Part categories and stock locations behave alike: a named tree whose nodes hold things
// (parts, stock items) and cannot be deleted while they do.

export interface TreeKind {
  table: 'part_categories' | 'stock_locations';
  /** "Category" / "Location", for messages. */
  noun: string;
  /** The table and column of what a node holds, and how to name it in a refusal. */
  holds: { table: 'parts' | 'stock_items'; column: string; liveOnly: boolean; noun: string };
}

export interface TreeNodeRow {
  id: number;
  parentId: number | null;
  name: string;
  description: string;
  heldCount: number;
  childCount: number;
}

export interface TreeNodeInput {
  parentId: number | null;
  name: string;
  description: string;
}

/**
 * Every node's row, or (`where`) a few. What a node holds is counted from the index on its column
 * alone; for live stock items the whole tree subtracts each node's deleted ones, found in one pass
 * over the table, because checking every item row in index order (random reads) took 150 ms for
 * 1,000 locations and 300,000 items. A few nodes check their own rows.
 */
function selectNodes(kind: TreeKind, where: string, wholeTree = false): string {
  const { table, column, liveOnly } = kind.holds;
  const heldFromIndex = `(select count(*) from ${table} h where h.${column} = n.id)`;
  let held = liveOnly ? `(select count(*) from ${table} h where h.${column} = n.id and h.deleted_at is null)` : heldFromIndex;
  let gone = '';
  if (liveOnly && wholeTree) {
    held = `${heldFromIndex} - coalesce(gone.count, 0)`;
    gone = `left join (select ${column} as nodeId, count(*) as count from ${table} not indexed where deleted_at is not null group by ${column}) gone
              on gone.nodeId = n.id`;
  }
  return `select n.id, n.parent_id as parentId, n.name, n.description, ${held} as heldCount,
            (select count(*) from ${kind.table} c where c.parent_id = n.id) as childCount
          from ${kind.table} n ${gone} ${where} order by n.name collate nocase, n.id`;
}

export function listNodes(ctx: CoreContext, kind: TreeKind): TreeNodeRow[] {
  return ctx.db.$client.prepare(selectNodes(kind, '', true)).all() as TreeNodeRow[];
}

export function getNode(ctx: CoreContext, kind: TreeKind, id: number): TreeNodeRow {
  const row = ctx.db.$client.prepare(selectNodes(kind, 'where n.id = ?')).get(id) as TreeNodeRow | undefined;
  if (!row) throw notFound(kind.noun);
  return row;
}

export function childrenOf(ctx: CoreContext, kind: TreeKind, id: number): TreeNodeRow[] {
  return ctx.db.$client.prepare(selectNodes(kind, 'where n.parent_id = ?')).all(id) as TreeNodeRow[];
}

export function nodePath(ctx: CoreContext, kind: TreeKind, id: number): PathEntry[] {
  return pathOf(ctx.db.$client, kind.table, id);
}

function assertParent(ctx: CoreContext, kind: TreeKind, parentId: number | null, movingId?: number): void {
  if (parentId === null) return;
  const exists = ctx.db.$client.prepare(`select 1 from ${kind.table} where id = ?`).get(parentId);
  if (!exists) throw invalid('parentId', `The parent ${kind.noun.toLowerCase()} does not exist.`);
  if (movingId !== undefined && isInSubtree(ctx.db.$client, kind.table, movingId, parentId)) {
    throw invalid('parentId', `A ${kind.noun.toLowerCase()} cannot be placed inside itself or one of its own children.`);
  }
}

function assertNameFree(ctx: CoreContext, kind: TreeKind, input: TreeNodeInput, exceptId?: number): void {
  const clash = ctx.db.$client
    .prepare(
      `select 1 from ${kind.table} where parent_id is ? and name = ? collate nocase and id is not ?`,
    )
    .get(input.parentId, input.name, exceptId ?? null);
  if (clash) throw conflict(`There is already a ${kind.noun.toLowerCase()} named "${input.name}" here.`, 'name');
}

export function createNode(ctx: WriteContext, kind: TreeKind, input: TreeNodeInput): number {
  assertParent(ctx, kind, input.parentId);
  assertNameFree(ctx, kind, input);
  const result = ctx.db.$client
    .prepare(`insert into ${kind.table} (id, parent_id, name, description, created_at) values (?, ?, ?, ?, ?)`)
    .run(ctx.ids.next(kind.table), input.parentId, input.name, input.description, ctx.clock.now());
  return Number(result.lastInsertRowid);
}

export function updateNode(ctx: WriteContext, kind: TreeKind, id: number, input: TreeNodeInput): void {
  getNode(ctx, kind, id);
  assertParent(ctx, kind, input.parentId, id);
  assertNameFree(ctx, kind, input, id);
  ctx.db.$client
    .prepare(`update ${kind.table} set parent_id = ?, name = ?, description = ? where id = ?`)
    .run(input.parentId, input.name, input.description, id);
}

export function deleteNode(ctx: WriteContext, kind: TreeKind, id: number): void {
  const node = getNode(ctx, kind, id);
  if (node.childCount > 0) {
    throw conflict(`"${node.name}" has ${node.childCount} sub-${kind.noun.toLowerCase()}(s); move or delete them first.`);
  }
  // Deleted stock items stay for history and still point here, so they block deletion too.
  const anyHeld = ctx.db.$client
    .prepare(`select count(*) from ${kind.holds.table} where ${kind.holds.column} = ?`)
    .pluck()
    .get(id) as number;
  if (anyHeld > 0) {
    throw conflict(`"${node.name}" still holds ${kind.holds.noun}; move them elsewhere first.`);
  }
  ctx.db.$client.prepare(`delete from ${kind.table} where id = ?`).run(id);
}

/** The read and write operations of one kind of tree, with its own view of a node. */
export function treeService<View>(kind: TreeKind, area: 'categories' | 'locations', toView: (row: TreeNodeRow) => View) {
  return {
    list(ctx: CoreContext): View[] {
      return listNodes(ctx, kind).map(toView);
    },
    get(ctx: CoreContext, id: number): { node: View; path: PathEntry[]; children: View[] } {
      return {
        node: toView(getNode(ctx, kind, id)),
        path: nodePath(ctx, kind, id),
        children: childrenOf(ctx, kind, id).map(toView),
      };
    },
    create(ctx: WriteContext, input: TreeNodeInput): View {
      const id = createNode(ctx, kind, input);
      ctx.change.touch(area);
      return toView(getNode(ctx, kind, id));
    },
    update(ctx: WriteContext, input: TreeNodeInput & { id: number }): View {
      const { id, ...fields } = input;
      updateNode(ctx, kind, id, fields);
      // Paths shown beside parts and stock items change with a rename or a move.
      ctx.change.touch(area, 'parts', 'stock');
      return toView(getNode(ctx, kind, id));
    },
    delete(ctx: WriteContext, id: number): { id: number } {
      deleteNode(ctx, kind, id);
      ctx.change.touch(area);
      return { id };
    },
  };
}
