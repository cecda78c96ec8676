import { Anchor, Box, Card, Table, Text, Title } from '@mantine/core';
import { IconBellRinging, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCall } from '../../client/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { ListFooter } from '../../components/ListFooter';
import { QuantityText } from '../../components/QuantityText';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';

const PAGE_SIZE = 10;

/** The low parts this person hears about, and why each one is theirs. */
export function SubscribedLowStockCard({ subscribedToAnything }: { subscribedToAnything: boolean }) {
  const [page, setPage] = useState(1);
  const low = useCall('subscriptions.lowStock', { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, { placeholderData: (previous) => previous });
  const data = low.data;

  return (
    <Card p={0} component="section" aria-labelledby="low-stock-subscriptions">
      <Box p="md" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Title order={3} fz={15} id="low-stock-subscriptions">
          Low stock in your subscriptions
        </Title>
        <Text size="sm" c="dimmed">
          Parts you are notified about that are below their minimum right now.
        </Text>
      </Box>
      {low.isError ? (
        <Box p="md">
          <QueryError error={low.error} onRetry={() => void low.refetch()} />
        </Box>
      ) : !data ? (
        <Box p="md">
          <TableSkeleton rows={3} />
        </Box>
      ) : data.rows.length === 0 ? (
        subscribedToAnything ? (
          <EmptyPanel icon={<IconCircleCheck size={28} />} title="Nothing you follow is low" description="Every part in your subscriptions is at or above its minimum stock." />
        ) : (
          <EmptyPanel
            icon={<IconBellRinging size={28} />}
            title="Not following anything yet"
            description="Use the bell on a part or category page to be told when its stock runs low."
          />
        )
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table aria-labelledby="low-stock-subscriptions" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Part</Table.Th>
                  <Table.Th ta="right">Stock</Table.Th>
                  <Table.Th ta="right">Minimum</Table.Th>
                  <Table.Th>Why</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((part) => (
                  <Table.Tr key={part.id}>
                    <Table.Td maw={280}>
                      <Anchor component={Link} to={`/parts/${part.id}`} fw={500} size="sm">
                        {part.name}
                      </Anchor>
                      {part.categoryName && (
                        <Text size="xs" c="dimmed" truncate>
                          {part.categoryName}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <QuantityText value={part.stockTotal} units={part.units} fw={600} c="red.7" size="sm" />
                    </Table.Td>
                    <Table.Td ta="right">
                      <QuantityText value={part.minimumStock} c="dimmed" size="sm" />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {part.via}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.total > PAGE_SIZE && (
            <Box px="md" pb="md">
              <ListFooter page={page} pageSize={PAGE_SIZE} total={data.total} onPage={setPage} noun="parts" />
            </Box>
          )}
        </>
      )}
    </Card>
  );
}
