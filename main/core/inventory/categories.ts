import type { CategoryView } from '../../contract/inventory';
import { treeService, type TreeKind } from './treeNodes';

export const categoryKind: TreeKind = {
  table: 'part_categories',
  noun: 'Category',
  holds: { table: 'parts', column: 'category_id', liveOnly: false, noun: 'parts' },
};

export const categories = treeService(categoryKind, 'categories', ({ heldCount, ...row }): CategoryView => ({
  ...row,
  partCount: heldCount,
}));
