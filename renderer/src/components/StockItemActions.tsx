import { ActionIcon, Menu } from '@mantine/core';
import { IconArrowsExchange, IconClipboardCheck, IconDots, IconMinus, IconPlus, IconTrash } from '@tabler/icons-react';
import type { StockItemView } from '../../../main/contract';
import { DeleteStockFormModal } from './forms/DeleteStockForm';
import { StockChangeFormModal, type StockChangeKind } from './forms/StockChangeForm';
import { TransferFormModal } from './forms/TransferForm';
import { MountOnFirstUse } from './MountOnFirstUse';

export type StockAction = StockChangeKind | 'transfer' | 'delete';

/** The item whose action was chosen; `action` is null once its dialog closes (it stays mounted to animate out). */
export interface ChosenStockAction {
  item: StockItemView;
  action: StockAction | null;
}

/** The per-row menu of a stock item, mounted once first used; the dialogs it opens belong to the table (StockItemDialogs). */
export function StockItemMenu({ item, onChoose }: { item: StockItemView; onChoose: (action: StockAction) => void }) {
  const where = item.locationPath.at(-1)?.name ?? 'location';
  const trigger = (
    <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${item.partName} at ${where}`}>
      <IconDots size={18} />
    </ActionIcon>
  );
  return (
    <MountOnFirstUse trigger={trigger} popup="menu">
      {(target) => (
        <Menu position="bottom-end" withinPortal shadow="md" width={180}>
          <Menu.Target>{target}</Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPlus size={16} />} onClick={() => onChoose('add')}>
              Add
            </Menu.Item>
            <Menu.Item leftSection={<IconMinus size={16} />} onClick={() => onChoose('remove')}>
              Remove
            </Menu.Item>
            <Menu.Item leftSection={<IconClipboardCheck size={16} />} onClick={() => onChoose('count')}>
              Count
            </Menu.Item>
            <Menu.Item leftSection={<IconArrowsExchange size={16} />} onClick={() => onChoose('transfer')}>
              Transfer
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => onChoose('delete')}>
              Delete
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
    </MountOnFirstUse>
  );
}

/**
 * The add, remove, count, transfer and delete dialogs, once for a whole table: three closed dialogs
 * in each of 50 rows were most of the Stock page's first render.
 */
export function StockItemDialogs({ chosen, onClose }: { chosen: ChosenStockAction | null; onClose: () => void }) {
  if (!chosen) return null;
  const { item, action } = chosen;
  const change: StockChangeKind | null = action === 'add' || action === 'remove' || action === 'count' ? action : null;
  return (
    <>
      <StockChangeFormModal opened={change !== null} onClose={onClose} kind={change ?? 'add'} item={item} />
      <TransferFormModal opened={action === 'transfer'} onClose={onClose} item={item} />
      <DeleteStockFormModal opened={action === 'delete'} onClose={onClose} item={item} />
    </>
  );
}
