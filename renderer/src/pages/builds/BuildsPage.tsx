import { Button, Card, Group, SegmentedControl, Switch } from '@mantine/core';
import { IconHammer, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { BuildStatus } from '../../../../main/contract';
import { useCall } from '../../client/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { ListFooter } from '../../components/ListFooter';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { BuildFormModal } from './BuildForm';
import { BuildsTable } from './BuildsTable';
import { buildStatusLabel } from './buildStatus';

const PAGE_SIZE = 25;
type StatusFilter = BuildStatus | 'all';

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  ...(['pending', 'in_production', 'complete', 'cancelled'] as const).map((value) => ({ value, label: buildStatusLabel[value] })),
];

export function BuildsPage() {
  const navigate = useNavigate();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const builds = useCall(
    'builds.list',
    { status: status === 'all' ? null : status, overdueOnly, assemblyId: null, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
    { placeholderData: (previous) => previous },
  );
  const filtered = status !== 'all' || overdueOnly;

  const newBuild = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      New build order
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Build orders"
        crumbs={[{ label: 'Home', to: '/' }]}
        description="Assemblies to build, what they need, and whether the stock is there."
        actions={newBuild}
      />
      <Card p={0}>
        <Group justify="space-between" px="md" py="sm" gap="md" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <SegmentedControl
            aria-label="Status"
            size="sm"
            data={STATUS_OPTIONS}
            value={status}
            onChange={(value) => {
              setStatus(value as StatusFilter);
              setPage(1);
            }}
          />
          <Switch
            label="Overdue only"
            checked={overdueOnly}
            onChange={(event) => {
              setOverdueOnly(event.currentTarget.checked);
              setPage(1);
            }}
          />
        </Group>
        {builds.isError ? (
          <div style={{ padding: 'var(--mantine-spacing-md)' }}>
            <QueryError error={builds.error} onRetry={() => void builds.refetch()} title="Could not load build orders" />
          </div>
        ) : !builds.data ? (
          <div style={{ padding: 'var(--mantine-spacing-md)' }}>
            <TableSkeleton />
          </div>
        ) : builds.data.rows.length === 0 ? (
          <EmptyPanel
            icon={<IconHammer size={28} />}
            title={filtered ? 'No build orders match' : 'No build orders yet'}
            description={
              filtered
                ? 'Try another status, or switch off “Overdue only”.'
                : 'A build order says how many of an assembly to make; Stockbell checks its bill of materials against your stock.'
            }
            action={filtered ? undefined : newBuild}
          />
        ) : (
          <>
            <BuildsTable rows={builds.data.rows} caption="Build orders" />
            <div style={{ padding: '0 var(--mantine-spacing-md) var(--mantine-spacing-md)' }}>
              <ListFooter page={page} pageSize={PAGE_SIZE} total={builds.data.total} onPage={setPage} noun="build orders" />
            </div>
          </>
        )}
      </Card>
      <BuildFormModal opened={creating} onClose={() => setCreating(false)} onSaved={(build) => void navigate(`/builds/${build.id}`)} />
    </>
  );
}
