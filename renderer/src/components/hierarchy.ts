/** Categories and locations arrive as flat lists with parentId; the tree and path labels are built here. */
export interface HierarchyItem {
  id: number;
  parentId: number | null;
  name: string;
}

export interface TreeNode<T extends HierarchyItem> {
  item: T;
  children: TreeNode<T>[];
}

const byName = <T extends HierarchyItem>(a: TreeNode<T>, b: TreeNode<T>) =>
  a.item.name.localeCompare(b.item.name, undefined, { sensitivity: 'base', numeric: true });

export function buildTree<T extends HierarchyItem>(items: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<number, TreeNode<T>>(items.map((item) => [item.id, { item, children: [] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId === null ? undefined : nodes.get(node.item.parentId);
    // An orphan (parent not in the list) still shows, at the top level.
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TreeNode<T>[]) => {
    list.sort(byName);
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** "Electronics / Passives / Resistors" for every item, for selects and filters. */
export function pathLabels<T extends HierarchyItem>(items: readonly T[]): Map<number, string> {
  const byId = new Map(items.map((item) => [item.id, item]));
  const labels = new Map<number, string>();
  const labelOf = (item: T, seen: Set<number>): string => {
    const known = labels.get(item.id);
    if (known !== undefined) return known;
    const parent = item.parentId === null ? undefined : byId.get(item.parentId);
    const label = parent && !seen.has(parent.id) ? `${labelOf(parent, seen.add(item.id))} / ${item.name}` : item.name;
    labels.set(item.id, label);
    return label;
  };
  for (const item of items) labelOf(item, new Set());
  return labels;
}

/** Select options sorted by path, optionally leaving out an item and everything under it (a parent cannot be its own child). */
export function hierarchyOptions<T extends HierarchyItem>(items: readonly T[], excludeSubtreeOf?: number) {
  const labels = pathLabels(items);
  const excluded = new Set<number>();
  if (excludeSubtreeOf !== undefined) {
    excluded.add(excludeSubtreeOf);
    let grew = true;
    while (grew) {
      grew = false;
      for (const item of items) {
        if (item.parentId !== null && excluded.has(item.parentId) && !excluded.has(item.id)) {
          excluded.add(item.id);
          grew = true;
        }
      }
    }
  }
  return items
    .filter((item) => !excluded.has(item.id))
    .map((item) => ({ value: String(item.id), label: labels.get(item.id) ?? item.name }))
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base', numeric: true }));
}
