import { describe, expect, it } from 'vitest';
import { buildTree, hierarchyOptions, pathLabels } from './hierarchy';

const item = (id: number, parentId: number | null, name: string) => ({ id, parentId, name });

describe('hierarchy', () => {
  it('labels every item with its path, an orphan and a loop included', () => {
    const items = [item(3, 2, 'Resistors'), item(1, null, 'Electronics'), item(2, 1, 'Passives'), item(4, 99, 'Orphan'), item(5, 6, 'Ping'), item(6, 5, 'Pong')];
    expect(Object.fromEntries(pathLabels(items))).toEqual({
      1: 'Electronics',
      2: 'Electronics / Passives',
      3: 'Electronics / Passives / Resistors',
      4: 'Orphan',
      5: 'Pong / Ping',
      6: 'Pong',
    });
  });

  it('sorts options by path in reading order and leaves out a subtree', () => {
    const items = [item(1, null, 'Drawer 10'), item(2, null, 'Drawer 2'), item(3, 2, 'bin'), item(4, 2, 'Bin 1')];
    expect(hierarchyOptions(items).map((option) => option.label)).toEqual(['Drawer 2', 'Drawer 2 / bin', 'Drawer 2 / Bin 1', 'Drawer 10']);
    expect(hierarchyOptions(items, 2).map((option) => option.value)).toEqual(['1']);
    expect(buildTree(items).map((node) => node.item.name)).toEqual(['Drawer 2', 'Drawer 10']);
  });
});
