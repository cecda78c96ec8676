import { Badge, Table, Text } from '@mantine/core';
import type { ChannelDeliveryView } from '../../../../../main/contract';
import { useCall } from '../../../client/hooks';
import { QueryError } from '../../../components/QueryError';
import { TimeText } from '../../../components/TimeText';

const statusBadge: Record<ChannelDeliveryView['status'], { label: string; color: string }> = {
  queued: { label: 'Waiting', color: 'yellow' },
  sending: { label: 'Posting', color: 'blue' },
  sent: { label: 'Sent', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
  dropped: { label: 'Not sent', color: 'gray' },
};

function outcome(delivery: ChannelDeliveryView): string {
  if (delivery.status === 'sent') return `Answered ${delivery.responseStatus ?? 'OK'}${delivery.attempts > 1 ? ` after ${delivery.attempts} tries` : ''}`;
  return delivery.lastError ?? (delivery.status === 'queued' ? 'Not tried yet' : '');
}

/** The channel's latest posts: what each was, and what became of it. */
export function ChannelDeliveries({ channelId, name }: { channelId: number; name: string }) {
  const deliveries = useCall('channels.deliveries', { id: channelId, limit: 20 });
  if (deliveries.isError) return <QueryError error={deliveries.error} onRetry={() => void deliveries.refetch()} title="Could not load the deliveries" />;
  if (!deliveries.data) return null;
  if (deliveries.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing posted yet. Notifications of the kinds above will appear here as they are sent.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} fz="sm" aria-label={`Deliveries to ${name}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Notification</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>What happened</Table.Th>
            <Table.Th>When</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.data.map((delivery) => (
            <Table.Tr key={delivery.id}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{delivery.title}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={statusBadge[delivery.status].color} radius="sm" tt="none">
                  {statusBadge[delivery.status].label}
                </Badge>
              </Table.Td>
              <Table.Td c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {outcome(delivery)}
                {delivery.status === 'queued' && delivery.nextAttemptAt !== null && (
                  <>
                    {' · next try '}
                    <TimeText value={delivery.nextAttemptAt} />
                  </>
                )}
              </Table.Td>
              <Table.Td c="dimmed">
                <TimeText value={delivery.sentAt ?? delivery.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
