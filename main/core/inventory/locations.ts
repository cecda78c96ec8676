import type { LocationView } from '../../contract/inventory';
import { treeService, type TreeKind } from './treeNodes';

export const locationKind: TreeKind = {
  table: 'stock_locations',
  noun: 'Location',
  holds: { table: 'stock_items', column: 'location_id', liveOnly: true, noun: 'stock items' },
};

export const locations = treeService(locationKind, 'locations', ({ heldCount, ...row }): LocationView => ({
  ...row,
  itemCount: heldCount,
}));
