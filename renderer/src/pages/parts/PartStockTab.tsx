import { Button, Card, Group, Text } from '@mantine/core';
import { IconBoxOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { PartDetail } from '../../../../main/contract';
import { EmptyPanel } from '../../components/EmptyPanel';
import { StockItemFormModal } from '../../components/forms/StockItemForm';
import { StockTable } from '../../components/StockTable';

export function PartStockTab({ detail }: { detail: PartDetail }) {
  const [creating, setCreating] = useState(false);
  const items = detail.stockItems;
  const newItem = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} size={items.length ? 'xs' : 'sm'}>
      New stock item
    </Button>
  );
  return (
    <Card p={0}>
      {items.length === 0 ? (
        <EmptyPanel icon={<IconBoxOff size={28} />} title="No stock of this part" description="Record where it is kept and how many there are." action={newItem} />
      ) : (
        <>
          <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Text size="sm" c="dimmed">
              {items.length === 1 ? '1 stock item' : `${items.length.toLocaleString()} stock items`}
            </Text>
            {newItem}
          </Group>
          <StockTable items={items} showPart={false} caption={`Stock of ${detail.part.name}`} />
        </>
      )}
      <StockItemFormModal opened={creating} onClose={() => setCreating(false)} partId={detail.part.id} />
    </Card>
  );
}
