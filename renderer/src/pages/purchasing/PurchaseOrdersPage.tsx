import { Anchor, Button, Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { IconPlus, IconTruckDelivery } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCall } from '../../client/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { TimeText } from '../../components/TimeText';
import { NewPurchaseOrderModal } from './NewPurchaseOrderModal';
import { PurchaseOrderStateBadge } from './PurchaseOrderStateBadge';

/** Purchase orders: what is being bought, from whom, and what has arrived. */
export function PurchaseOrdersPage() {
  const [open, setOpen] = useState(true);
  const [creating, setCreating] = useState(false);
  const orders = useCall('purchaseOrders.list', { open }, { placeholderData: (previous) => previous });
  const newOrder = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      New purchase order
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Purchase orders"
        crumbs={[{ label: 'Home', to: '/' }]}
        description="What is ordered from each supplier, when it is due, and what has arrived. Placed orders count as on order for every part they bring."
        actions={newOrder}
      />
      <Card p={0}>
        <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <SegmentedControl
            aria-label="Which orders"
            size="sm"
            value={open ? 'open' : 'all'}
            onChange={(value) => setOpen(value === 'open')}
            data={[
              { value: 'open', label: 'Open' },
              { value: 'all', label: 'All' },
            ]}
          />
          <Anchor component={Link} to="/suppliers" size="sm" fw={500}>
            Suppliers
          </Anchor>
        </Group>
        {orders.isError ? (
          <div style={{ padding: 'var(--mantine-spacing-md)' }}>
            <QueryError error={orders.error} onRetry={() => void orders.refetch()} title="Could not load purchase orders" />
          </div>
        ) : !orders.data ? (
          <div style={{ padding: 'var(--mantine-spacing-md)' }}>
            <TableSkeleton rows={4} />
          </div>
        ) : orders.data.length === 0 ? (
          <EmptyPanel
            icon={<IconTruckDelivery size={28} />}
            title={open ? 'Nothing on order' : 'No purchase orders yet'}
            description="Start one for a supplier, add the parts to buy, and place it. Receiving it adds the stock where you put it."
            action={newOrder}
          />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table highlightOnHover verticalSpacing="sm" aria-label="Purchase orders">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Reference</Table.Th>
                  <Table.Th>Supplier</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th ta="right">Lines</Table.Th>
                  <Table.Th>Next due</Table.Th>
                  <Table.Th>Created</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {orders.data.map((order) => (
                  <Table.Tr key={order.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/purchase-orders/${order.id}`} fw={600} size="sm">
                        {order.reference}
                      </Anchor>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{order.supplierName}</Table.Td>
                    <Table.Td>
                      <PurchaseOrderStateBadge state={order.state} />
                    </Table.Td>
                    <Table.Td ta="right">{order.lineCount}</Table.Td>
                    <Table.Td>{order.nextExpected ?? <Text span c="dimmed">–</Text>}</Table.Td>
                    <Table.Td c="dimmed">
                      <TimeText value={order.createdAt} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <NewPurchaseOrderModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
