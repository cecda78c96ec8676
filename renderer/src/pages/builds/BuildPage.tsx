import { Alert, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPencil, IconPlayerPlay, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useCall, useMutate } from '../../client/hooks';
import { ConfirmActionModal } from '../../components/forms/ConfirmActionModal';
import { isNotFound } from '../../components/isNotFound';
import { notifyDone, notifyFailed } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useIdParam } from '../../components/useIdParam';
import { NotFoundPage } from '../NotFoundPage';
import { BuildDetailsCard } from './BuildDetailsCard';
import { BuildFormModal } from './BuildForm';
import { BuildStatusBadge, OverdueBadge } from './BuildStatusBadge';
import { isOpen } from './buildStatus';
import { CompleteBuildModal } from './CompleteBuildForm';
import { RequirementsTable } from './RequirementsTable';

type Dialog = 'edit' | 'complete' | 'cancel';

function shortSentence(count: number): string {
  return count === 1 ? '1 line is short of stock' : `${count.toLocaleString()} lines are short of stock`;
}

export function BuildPage() {
  const id = useIdParam();
  const detail = useCall('builds.get', { id: id ?? 0 }, { enabled: id !== null });
  const start = useMutate('builds.start');
  const cancel = useMutate('builds.cancel');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => {
    setDialog(null);
    cancel.reset();
  };

  if (id === null || isNotFound(detail.error)) return <NotFoundPage what="build order" />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} title="Could not load this build order" />;
  if (!detail.data) {
    return (
      <Stack gap="md" aria-busy="true">
        <Skeleton height={16} width={200} />
        <Skeleton height={32} width={260} />
        <Skeleton height={130} />
        <Skeleton height={280} />
      </Stack>
    );
  }

  const { build, requirements, shortLines } = detail.data;
  const open = isOpen(build.status);

  const startProduction = () =>
    start.mutate(
      { id: build.id },
      {
        onSuccess: () => notifyDone('Production started', build.reference),
        onError: (error) => notifyFailed('Could not start production', error),
      },
    );
  const cancelOrder = () =>
    cancel.mutate(
      { id: build.id },
      {
        onSuccess: () => {
          notifyDone('Build order cancelled', build.reference);
          close();
        },
      },
    );

  return (
    <>
      <PageHeader
        title={build.reference}
        crumbs={[{ label: 'Build orders', to: '/builds' }]}
        badges={
          <Group gap={6}>
            <BuildStatusBadge status={build.status} size="md" />
            {build.overdue && <OverdueBadge size="md" />}
          </Group>
        }
        description={`${build.quantity} x ${build.assembly.name}`}
        actions={
          open && (
            <>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setDialog('edit')}>
                Edit
              </Button>
              <Button variant="default" color="red" leftSection={<IconX size={16} />} onClick={() => setDialog('cancel')}>
                Cancel order
              </Button>
              {build.status === 'pending' && (
                <Button variant="light" leftSection={<IconPlayerPlay size={16} />} onClick={startProduction} loading={start.isPending}>
                  Start production
                </Button>
              )}
              <Button leftSection={<IconCircleCheck size={16} />} onClick={() => setDialog('complete')}>
                Complete
              </Button>
            </>
          )
        }
      />
      <Stack gap="lg">
        {open && shortLines > 0 && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={shortSentence(shortLines)}>
            Parts marked “Short” either lack the stock this order needs once other open orders take theirs, or are already below their
            minimum. Restock them, or build fewer.
          </Alert>
        )}
        <BuildDetailsCard build={build} />
        <Card p={0}>
          <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Title order={2} fz={17}>
              Required materials
            </Title>
            <Text size="sm" c="dimmed">
              {requirements.length === 1 ? '1 line' : `${requirements.length.toLocaleString()} lines`} for {build.quantity} x{' '}
              {build.assembly.name}
            </Text>
          </Group>
          {requirements.length === 0 ? (
            <Text size="sm" c="dimmed" p="md">
              This assembly has no bill of materials yet, so building it uses no stock.
            </Text>
          ) : (
            <RequirementsTable lines={requirements} />
          )}
        </Card>
      </Stack>
      <BuildFormModal opened={dialog === 'edit'} onClose={close} build={build} />
      <CompleteBuildModal opened={dialog === 'complete'} onClose={close} build={build} requirements={requirements} />
      <ConfirmActionModal
        opened={dialog === 'cancel'}
        onClose={close}
        title="Cancel build order?"
        confirmLabel="Cancel order"
        dismissLabel="Keep order"
        color="red"
        pending={cancel.isPending}
        error={cancel.error}
        onConfirm={cancelOrder}
      >
        {build.reference} ({build.quantity} x {build.assembly.name}) stops counting against stock. No stock is moved. This cannot be undone.
      </ConfirmActionModal>
    </>
  );
}
