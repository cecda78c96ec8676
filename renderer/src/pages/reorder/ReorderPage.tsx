import { Button, Card, Stack } from '@mantine/core';
import { IconDownload, IconShoppingCartCheck } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useCall } from '../../client/hooks';
import { downloadText } from '../../components/downloadText';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { reorderCsv, reorderFileName } from './reorderCsv';
import { ReorderExplanation } from './ReorderExplanation';
import { ReorderGroupCard } from './ReorderGroupCard';

/** What to buy now: low parts and parts that will run low within their lead time, by supplier. */
export function ReorderPage() {
  // Every read refreshes on inventory changes (ClientProvider), so stock, orders and suppliers moving keep this current.
  const list = useCall('reorder.list', {}, { placeholderData: (previous) => previous });
  const groups = list.data;

  const exportCsv = (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} />}
      disabled={!groups || groups.length === 0}
      onClick={() => groups && downloadText(reorderFileName(), reorderCsv(groups))}
    >
      Export CSV
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Reorder"
        crumbs={[
          { label: 'Home', to: '/' },
          { label: 'Purchase orders', to: '/purchase-orders' },
        ]}
        description="Parts that are low or will run low before a new order could arrive, grouped by the supplier each is bought from. Turn a supplier’s group into a draft purchase order in one step."
        actions={exportCsv}
      />
      <ReorderExplanation />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} title="Could not load the reorder list" />
      ) : !groups ? (
        <Card>
          <TableSkeleton rows={4} />
        </Card>
      ) : groups.length === 0 ? (
        <Card p={0}>
          <EmptyPanel
            icon={<IconShoppingCartCheck size={28} />}
            title="Nothing to reorder"
            description="Every part is above its minimum and none will run low within its lead time."
            action={
              <Button component={Link} to="/purchase-orders" variant="default">
                See purchase orders
              </Button>
            }
          />
        </Card>
      ) : (
        <Stack gap="lg">
          {groups.map((group) => (
            <ReorderGroupCard key={group.supplierId ?? 'none'} group={group} />
          ))}
        </Stack>
      )}
    </>
  );
}
