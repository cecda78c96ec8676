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

/** Names in reading order ("Drawer 2" before "Drawer 10"); one collator, far cheaper than localeCompare with options on 10,000 names. */
const readingOrder = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const byName = <T extends HierarchyItem>(a: TreeNode<T>, b: TreeNode<T>) => readingOrder.compare(a.item.name, b.item.name);

/**
 * How many options a Select over a whole tree renders: Mantine keeps a closed Select's options in the
 * page, and 10,000 categories made every page with the filter take seconds. Typing searches them all.
 */
export const TREE_SELECT_LIMIT = 100;

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
  for (const item of items) {
    // Up to the first ancestor already labelled (or the top, or a loop), then labelled on the way down:
    // each item is walked once.
    const chain: T[] = [];
    const onChain = new Set<number>();
    let current: T | undefined = item;
    while (current && !labels.has(current.id) && !onChain.has(current.id)) {
      chain.push(current);
      onChain.add(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    let prefix = current ? labels.get(current.id) : undefined;
    for (const node of chain.reverse()) {
      prefix = prefix === undefined ? node.name : `${prefix} / ${node.name}`;
      labels.set(node.id, prefix);
    }
  }
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
    .sort((a, b) => readingOrder.compare(a.label, b.label));
}
