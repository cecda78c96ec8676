import { Card } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { useCall } from '../../client/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { ListFooter } from '../../components/ListFooter';
import { MovementsTable } from '../../components/MovementsTable';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';

const PAGE_SIZE = 25;

export function PartHistoryTab({ partId }: { partId: number }) {
  const [page, setPage] = useState(1);
  const movements = useCall(
    'movements.list',
    { partId, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    { placeholderData: (previous) => previous },
  );
  return (
    <Card p={0}>
      {movements.isError ? (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <QueryError error={movements.error} onRetry={() => void movements.refetch()} title="Could not load history" />
        </div>
      ) : !movements.data ? (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <TableSkeleton rows={5} />
        </div>
      ) : movements.data.rows.length === 0 ? (
        <EmptyPanel icon={<IconHistory size={28} />} title="No history yet" description="Every change to this part’s stock is recorded here." />
      ) : (
        <>
          <MovementsTable rows={movements.data.rows} />
          <div style={{ padding: '0 var(--mantine-spacing-md) var(--mantine-spacing-md)' }}>
            <ListFooter page={page} pageSize={PAGE_SIZE} total={movements.data.total} onPage={setPage} noun="changes" />
          </div>
        </>
      )}
    </Card>
  );
}
