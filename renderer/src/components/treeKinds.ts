import { IconFolder, IconFolderPlus, IconMapPin, IconMapPinPlus, type TablerIcon } from '@tabler/icons-react';
import type { CategoryView, LocationView } from '../../../main/contract';

/** Categories and locations are both trees of named nodes; they differ only in words, icons and methods. */
export type TreeKind = 'category' | 'location';
export type TreeNodeOf<K extends TreeKind> = K extends 'category' ? CategoryView : LocationView;

export const TREE_KINDS = {
  category: {
    noun: 'category',
    childNoun: 'sub-category',
    childrenTitle: 'Sub-categories',
    listTitle: 'Categories',
    basePath: '/categories',
    icon: IconFolder,
    newChildIcon: IconFolderPlus,
    deleteRule: 'A category that still has parts or sub-categories cannot be deleted.',
    list: 'categories.list',
    create: 'categories.create',
    update: 'categories.update',
    remove: 'categories.delete',
  },
  location: {
    noun: 'location',
    childNoun: 'sub-location',
    childrenTitle: 'Sub-locations',
    listTitle: 'Locations',
    basePath: '/locations',
    icon: IconMapPin,
    newChildIcon: IconMapPinPlus,
    deleteRule: 'A location that still holds stock or sub-locations cannot be deleted.',
    list: 'locations.list',
    create: 'locations.create',
    update: 'locations.update',
    remove: 'locations.delete',
  },
} as const satisfies Record<TreeKind, { icon: TablerIcon; newChildIcon: TablerIcon } & Record<string, unknown>>;

export function capitalised(noun: string): string {
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}
