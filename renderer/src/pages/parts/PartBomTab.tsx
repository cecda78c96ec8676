import { Button, Card, Group, Text } from '@mantine/core';
import { IconHammer, IconListDetails, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { BomLineView, PartRow } from '../../../../main/contract';
import { useCall, useMutate } from '../../client/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { ConfirmActionModal } from '../../components/forms/ConfirmActionModal';
import { notifyDone } from '../../components/notify';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { BuildFormModal } from '../builds/BuildForm';
import { BomLineFormModal } from './BomLineForm';
import { BomTable } from './BomTable';

type Dialog = { kind: 'add' } | { kind: 'edit'; line: BomLineView } | { kind: 'remove'; line: BomLineView } | { kind: 'build' };

/** What one of this assembly is made of, and the way to order a build of it. */
export function PartBomTab({ part }: { part: PartRow }) {
  const navigate = useNavigate();
  const bom = useCall('bom.list', { partId: part.id });
  const remove = useMutate('bom.remove');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => {
    setDialog(null);
    remove.reset();
  };
  const lines = bom.data ?? [];

  const addLine = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'add' })} size={lines.length ? 'xs' : 'sm'}>
      Add BOM line
    </Button>
  );
  const newBuild = (
    <Button variant="default" leftSection={<IconHammer size={16} />} onClick={() => setDialog({ kind: 'build' })} size={lines.length ? 'xs' : 'sm'}>
      New build order
    </Button>
  );

  return (
    <Card p={0}>
      {bom.isError ? (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <QueryError error={bom.error} onRetry={() => void bom.refetch()} title="Could not load the bill of materials" />
        </div>
      ) : !bom.data ? (
        <div style={{ padding: 'var(--mantine-spacing-md)' }}>
          <TableSkeleton rows={4} />
        </div>
      ) : lines.length === 0 ? (
        <EmptyPanel
          icon={<IconListDetails size={28} />}
          title="No bill of materials yet"
          description={`List the parts that go into one ${part.name}; build orders use it to check and take stock.`}
          action={
            <Group gap="sm">
              {addLine}
              {newBuild}
            </Group>
          }
        />
      ) : (
        <>
          <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Text size="sm" c="dimmed">
              {lines.length === 1 ? '1 line' : `${lines.length.toLocaleString()} lines`} for one {part.name}
            </Text>
            <Group gap="xs">
              {newBuild}
              {addLine}
            </Group>
          </Group>
          <BomTable lines={lines} onEdit={(line) => setDialog({ kind: 'edit', line })} onRemove={(line) => setDialog({ kind: 'remove', line })} />
        </>
      )}
      <BomLineFormModal opened={dialog?.kind === 'add'} onClose={close} assemblyId={part.id} />
      <BomLineFormModal
        opened={dialog?.kind === 'edit'}
        onClose={close}
        assemblyId={part.id}
        line={dialog?.kind === 'edit' ? dialog.line : undefined}
      />
      <ConfirmActionModal
        opened={dialog?.kind === 'remove'}
        onClose={close}
        title="Remove BOM line?"
        confirmLabel="Remove"
        color="red"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          if (dialog?.kind !== 'remove') return;
          const { line } = dialog;
          remove.mutate(
            { id: line.id },
            {
              onSuccess: () => {
                notifyDone('BOM line removed', line.subPart.name);
                close();
              },
            },
          );
        }}
      >
        {dialog?.kind === 'remove' ? `${dialog.line.subPart.name} will no longer be part of ${part.name}. Open build orders stop needing it.` : null}
      </ConfirmActionModal>
      <BuildFormModal
        opened={dialog?.kind === 'build'}
        onClose={close}
        assemblyId={part.id}
        onSaved={(build) => void navigate(`/builds/${build.id}`)}
      />
    </Card>
  );
}
