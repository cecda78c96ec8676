import { ActionIcon, Menu } from '@mantine/core';
import { IconArrowsExchange, IconClipboardCheck, IconDots, IconMinus, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { StockItemView } from '../../../main/contract';
import { DeleteStockFormModal } from './forms/DeleteStockForm';
import { StockChangeFormModal, type StockChangeKind } from './forms/StockChangeForm';
import { TransferFormModal } from './forms/TransferForm';

type Action = StockChangeKind | 'transfer' | 'delete';

/** The per-row menu of a stock item, with the dialogs it opens. */
export function StockItemActions({ item }: { item: StockItemView }) {
  const [action, setAction] = useState<Action | null>(null);
  const close = () => setAction(null);
  const where = item.locationPath.at(-1)?.name ?? 'location';
  const change: StockChangeKind | null = action === 'add' || action === 'remove' || action === 'count' ? action : null;

  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md" width={180}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${item.partName} at ${where}`}>
            <IconDots size={18} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={() => setAction('add')}>
            Add
          </Menu.Item>
          <Menu.Item leftSection={<IconMinus size={16} />} onClick={() => setAction('remove')}>
            Remove
          </Menu.Item>
          <Menu.Item leftSection={<IconClipboardCheck size={16} />} onClick={() => setAction('count')}>
            Count
          </Menu.Item>
          <Menu.Item leftSection={<IconArrowsExchange size={16} />} onClick={() => setAction('transfer')}>
            Transfer
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setAction('delete')}>
            Delete
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <StockChangeFormModal opened={change !== null} onClose={close} kind={change ?? 'add'} item={item} />
      <TransferFormModal opened={action === 'transfer'} onClose={close} item={item} />
      <DeleteStockFormModal opened={action === 'delete'} onClose={close} item={item} />
    </>
  );
}
