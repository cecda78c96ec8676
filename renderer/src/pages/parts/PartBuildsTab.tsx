import { Button, Card, Group, Text } from '@mantine/core';
import { IconHammer, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { PartRow } from '../../../../main/contract';
import { useCall } from '../../client/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { ListFooter } from '../../components/ListFooter';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { BuildFormModal } from '../builds/BuildForm';
import { BuildsTable } from '../builds/BuildsTable';

const PAGE_SIZE = 25;

/** Build orders of this assembly, newest first. */
export function PartBuildsTab({ part }: { part: PartRow }) {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const builds = useCall(
    'builds.list',
    { status: null, overdueOnly: false, assemblyId: part.id, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    { placeholderData: (previous) => previous },
  );
  const rows = builds.data?.rows ?? [];
  const newBuild = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} size={rows.length ? 'xs' : 'sm'}>
      New build order
    </Button>
  );
  return (
    <Card p={0}>
      {builds.isError ? (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <QueryError error={builds.error} onRetry={() => void builds.refetch()} title="Could not load build orders" />
        </div>
      ) : !builds.data ? (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <TableSkeleton rows={4} />
        </div>
      ) : rows.length === 0 ? (
        <EmptyPanel icon={<IconHammer size={28} />} title="No build orders yet" description={`Order a build of ${part.name} to check its materials against stock.`} action={newBuild} />
      ) : (
        <>
          <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Text size="sm" c="dimmed">
              {builds.data.total === 1 ? '1 build order' : `${builds.data.total.toLocaleString()} build orders`}
            </Text>
            {newBuild}
          </Group>
          <BuildsTable rows={rows} caption={`Build orders of ${part.name}`} showAssembly={false} />
          <div style={{ padding: '0 var(--mantine-spacing-md) var(--mantine-spacing-md)' }}>
            <ListFooter page={page} pageSize={PAGE_SIZE} total={builds.data.total} onPage={setPage} noun="build orders" />
          </div>
        </>
      )}
      <BuildFormModal opened={creating} onClose={() => setCreating(false)} assemblyId={part.id} onSaved={(build) => void navigate(`/builds/${build.id}`)} />
    </Card>
  );
}
