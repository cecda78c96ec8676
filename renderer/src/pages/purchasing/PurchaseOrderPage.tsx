import { ActionIcon, Anchor, Button, Card, Group, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconPackageImport, IconSend, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCall, useMutate } from '../../client/hooks';
import { ConfirmActionModal } from '../../components/forms/ConfirmActionModal';
import { isNotFound } from '../../components/isNotFound';
import { notifyDone, notifyFailed } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TimeText } from '../../components/TimeText';
import { useIdParam } from '../../components/useIdParam';
import { NotFoundPage } from '../NotFoundPage';
import { AddOrderLine } from './AddOrderLine';
import { PurchaseOrderStateBadge } from './PurchaseOrderStateBadge';
import { ReceiveModal } from './ReceiveModal';

/** One purchase order: its lines, what has arrived, and the next step. */
export function PurchaseOrderPage() {
  const id = useIdParam();
  const detail = useCall('purchaseOrders.get', { id: id ?? 0 }, { enabled: id !== null });
  const place = useMutate('purchaseOrders.place');
  const cancel = useMutate('purchaseOrders.cancel');
  const removeLine = useMutate('purchaseOrders.removeLine');
  const [dialog, setDialog] = useState<'receive' | 'cancel' | null>(null);

  if (id === null || isNotFound(detail.error)) return <NotFoundPage what="purchase order" />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} title="Could not load this purchase order" />;
  if (!detail.data) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={16} width={200} />
        <Skeleton height={32} width={260} />
        <Skeleton height={280} />
      </Stack>
    );
  }
  const order = detail.data;
  const editable = order.state === 'draft' || order.state === 'placed' || order.state === 'partly_received';
  const receivable = order.state === 'placed' || order.state === 'partly_received';

  const actions = (
    <Group gap="xs">
      {order.state === 'draft' && (
        <Button
          leftSection={<IconSend size={16} />}
          loading={place.isPending}
          onClick={() =>
            place.mutate(
              { id: order.id },
              { onSuccess: () => notifyDone(`${order.reference} placed`, 'Its parts now count as on order.'), onError: (error) => notifyFailed(`Could not place ${order.reference}`, error) },
            )
          }
        >
          Place order
        </Button>
      )}
      {receivable && (
        <Button leftSection={<IconPackageImport size={16} />} onClick={() => setDialog('receive')}>
          Receive
        </Button>
      )}
      {editable && (
        <Button variant="default" leftSection={<IconX size={16} />} onClick={() => setDialog('cancel')}>
          Cancel order
        </Button>
      )}
    </Group>
  );

  return (
    <>
      <PageHeader
        title={order.reference}
        crumbs={[
          { label: 'Home', to: '/' },
          { label: 'Purchase orders', to: '/purchase-orders' },
        ]}
        badges={<PurchaseOrderStateBadge state={order.state} size="md" />}
        description={
          <>
            From {order.supplierName} · created <TimeText value={order.createdAt} />
            {order.placedAt !== null && (
              <>
                {' '}
                · placed <TimeText value={order.placedAt} />
              </>
            )}
            {order.notes && ` · ${order.notes}`}
          </>
        }
        actions={actions}
      />
      <Card p={0}>
        <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <Title order={2} fz={17}>
            Lines
          </Title>
          {order.nextExpected && (
            <Text size="sm" c="dimmed">
              Next due {order.nextExpected}
            </Text>
          )}
        </Group>
        {order.lines.length === 0 ? (
          <Text size="sm" c="dimmed" p="md">
            Nothing on this order yet. Add what to buy below; only parts {order.supplierName} sells can be added (set them up on each part’s Suppliers tab).
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={680}>
            <Table verticalSpacing="sm" aria-label="Order lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Part</Table.Th>
                  <Table.Th>SKU</Table.Th>
                  <Table.Th ta="right">Ordered</Table.Th>
                  <Table.Th ta="right">Received</Table.Th>
                  <Table.Th ta="right">Still to come</Table.Th>
                  <Table.Th>Expected</Table.Th>
                  {editable && <Table.Th w={44} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {order.lines.map((line) => (
                  <Table.Tr key={line.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/parts/${line.partId}`} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                        {line.partName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td ff="monospace" fz="sm">
                      {line.sku || '–'}
                    </Table.Td>
                    <Table.Td ta="right">
                      {line.quantity} {line.units}
                    </Table.Td>
                    <Table.Td ta="right">{line.received}</Table.Td>
                    <Table.Td ta="right" fw={Number(line.outstanding) > 0 ? 600 : undefined}>
                      {order.state === 'cancelled' ? '–' : line.outstanding}
                    </Table.Td>
                    <Table.Td>{line.expectedDate ?? '–'}</Table.Td>
                    {editable && (
                      <Table.Td>
                        {Number(line.received) === 0 && (
                          <Tooltip label={`Remove ${line.partName} from the order`}>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`Remove ${line.partName}`}
                              onClick={() => removeLine.mutate({ lineId: line.id }, { onError: (error) => notifyFailed('Could not remove the line', error) })}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {editable && (
          <div style={{ padding: 'var(--mantine-spacing-md)', borderTop: '1px solid var(--mantine-color-default-border)' }}>
            <AddOrderLine order={order} />
          </div>
        )}
      </Card>
      {receivable && <ReceiveModal order={order} opened={dialog === 'receive'} onClose={() => setDialog(null)} />}
      <ConfirmActionModal
        opened={dialog === 'cancel'}
        onClose={() => setDialog(null)}
        title={`Cancel ${order.reference}?`}
        confirmLabel="Cancel order"
        dismissLabel="Keep it"
        color="red"
        pending={cancel.isPending}
        error={cancel.error}
        onConfirm={() => cancel.mutate({ id: order.id }, { onSuccess: () => { notifyDone(`${order.reference} cancelled`); setDialog(null); } })}
      >
        What has not arrived is no longer on order. What has arrived stays in stock and on this order’s record.
      </ConfirmActionModal>
    </>
  );
}
