import { Button, Card, Group, Text } from '@mantine/core';
import { IconBoxOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodInput } from '../../../main/contract';
import { useCall } from '../client/hooks';
import { EmptyPanel } from './EmptyPanel';
import { StockItemFormModal } from './forms/StockItemForm';
import { ListFooter } from './ListFooter';
import { QueryError } from './QueryError';
import { StockTable } from './StockTable';
import { TableSkeleton } from './TableSkeleton';

const PAGE_SIZE = 50;

/** The card's read of a page; a page that asks for the card's first rows early asks the same. */
export function stockListInput(locationId: number | undefined, page: number): MethodInput<'stock.list'> {
  return { locationId: locationId ?? null, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
}

interface StockListCardProps {
  /** Only the stock at this location, as the host scopes it. */
  locationId?: number;
  caption: string;
  emptyTitle: string;
}

/** A paginated `stock.list` with row actions and a "New stock item" button. */
export function StockListCard({ locationId, caption, emptyTitle }: StockListCardProps) {
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const stock = useCall('stock.list', stockListInput(locationId, page), { placeholderData: (previous) => previous });
  const newItem = (size: 'xs' | 'sm') => (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} size={size}>
      New stock item
    </Button>
  );

  return (
    <Card p={0}>
      {stock.isError ? (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <QueryError error={stock.error} onRetry={() => void stock.refetch()} title="Could not load stock" />
        </div>
      ) : !stock.data ? (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <TableSkeleton />
        </div>
      ) : stock.data.total === 0 ? (
        <EmptyPanel icon={<IconBoxOff size={28} />} title={emptyTitle} description="Record a part, where it is and how many there are." action={newItem('sm')} />
      ) : (
        <>
          <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Text size="sm" c="dimmed">
              {stock.data.total === 1 ? '1 stock item' : `${stock.data.total.toLocaleString()} stock items`}
            </Text>
            {newItem('xs')}
          </Group>
          <StockTable
            items={stock.data.rows}
            // On a location's page the column only earns its place when some items sit in sub-locations.
            showLocation={locationId === undefined || stock.data.rows.some((item) => item.locationId !== locationId)}
            caption={caption}
          />
          <div style={{ padding: '0 var(--mantine-spacing-md) var(--mantine-spacing-md)' }}>
            <ListFooter page={page} pageSize={PAGE_SIZE} total={stock.data.total} onPage={setPage} noun="stock items" />
          </div>
        </>
      )}
      <StockItemFormModal opened={creating} onClose={() => setCreating(false)} locationId={locationId} />
    </Card>
  );
}
