import { Anchor, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCategory, IconCircleCheck, IconMapPin, IconPackage } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useCall, usePrefetchCall } from '../../client/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { PartsTable } from '../../components/PartsTable';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCurrentUser } from '../../session/CurrentUser';
import { EmptyInventoryCard } from './EmptyInventoryCard';
import { StatCard } from './StatCard';
import { GroupSubscriptionsSection } from './GroupSubscriptionsSection';
import { SubscriptionsSection } from './SubscriptionsSection';

function greeting(hour: number): string {
  if (hour < 5) return 'Good evening';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

const LOW_STOCK = { lowOnly: true, limit: 10, sort: 'stock' } as const;

export function HomePage() {
  const user = useCurrentUser();
  // The table a person looks at first is asked for first, ahead of the sections below whose own reads
  // start before this page's (the host answers in turn).
  usePrefetchCall('parts.list', LOW_STOCK);
  const low = useCall('parts.list', LOW_STOCK);
  const counts = useCall('inventory.counts', {}).data;
  const empty = counts && counts.parts + counts.categories + counts.locations === 0;
  const firstName = user.displayName.split(/\s+/)[0] ?? user.displayName;

  return (
    <>
      <PageHeader title={`${greeting(new Date().getHours())}, ${firstName}`} description="Here is how your stock looks right now." />
      {empty && <EmptyInventoryCard />}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" mb="lg">
        <StatCard label="Parts" value={counts?.parts} icon={<IconPackage size={22} />} color="indigo" to="/parts" />
        <StatCard label="Categories" value={counts?.categories} icon={<IconCategory size={22} />} color="grape" to="/categories" />
        <StatCard label="Locations" value={counts?.locations} icon={<IconMapPin size={22} />} color="teal" to="/locations" />
        <StatCard label="Low stock" value={low.data?.total} icon={<IconAlertTriangle size={22} />} color="red" to="/parts?low=1" />
      </SimpleGrid>
      <SubscriptionsSection />
      <GroupSubscriptionsSection />
      <Card p={0} mt="xl">
        <Group justify="space-between" p="md" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <div>
            <Title order={2} fz={17}>
              Low stock
            </Title>
            <Text size="sm" c="dimmed">
              Every part below its minimum, whether you follow it or not, counting stock of its variants.
            </Text>
          </div>
          {(low.data?.total ?? 0) > 0 && (
            <Anchor component={Link} to="/parts?low=1" size="sm" fw={500}>
              View all {low.data?.total.toLocaleString()}
            </Anchor>
          )}
        </Group>
        {low.isError ? (
          <div style={{ padding: 'var(--mantine-spacing-md)' }}>
            <QueryError error={low.error} onRetry={() => void low.refetch()} />
          </div>
        ) : !low.data ? (
          <div style={{ padding: 'var(--mantine-spacing-md)' }}>
            <TableSkeleton rows={4} />
          </div>
        ) : low.data.rows.length === 0 ? (
          <EmptyPanel icon={<IconCircleCheck size={28} />} title="Nothing is running low" description="Every part is at or above its minimum stock." />
        ) : (
          <PartsTable rows={low.data.rows} caption="Low stock parts" />
        )}
      </Card>
    </>
  );
}
