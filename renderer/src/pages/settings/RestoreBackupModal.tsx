import { Alert, List, Loader, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCall, useMutate } from '../../client/hooks';
import { QueryError } from '../../components/QueryError';
import { ConfirmActionModal } from '../../components/forms/ConfirmActionModal';
import { notifyDone } from '../../components/notify';
import type { BackupFile } from './backupFile';

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

/**
 * A restore replaces everything. The dialog first shows what the backup holds (and who will be able
 * to administer Stockbell afterwards), or why it cannot be restored; the host keeps the current state
 * as a backup first, so a restore can be undone.
 */
export function RestoreBackupModal({ backup, opened, onClose }: { backup: BackupFile | null; opened: boolean; onClose: () => void }) {
  const restore = useMutate('backup.restore');
  const inspection = useCall('backup.inspect', { name: backup?.name ?? '' }, { enabled: opened && backup !== null, staleTime: 0 });
  const verdict = inspection.data;
  const refused = verdict !== undefined && verdict.problems.length > 0;

  const close = () => {
    restore.reset();
    onClose();
  };

  return (
    <ConfirmActionModal
      opened={opened}
      onClose={close}
      title="Restore this backup?"
      confirmLabel="Restore"
      color="orange"
      pending={restore.isPending}
      confirmDisabled={verdict === undefined || refused}
      error={restore.error}
      onConfirm={() => {
        if (!backup) return;
        restore.mutate(
          { name: backup.name },
          {
            onSuccess: ({ backupOfCurrent }) => {
              notifyDone('Backup restored', `The state before the restore was saved as ${backupOfCurrent}. Sign in again to carry on.`);
              close();
            },
          },
        );
      }}
    >
      <Text size="sm">
        Everything changed since <strong>{backup?.name}</strong> was made will be replaced by what it holds: parts, stock, users, notifications and settings.
      </Text>
      {inspection.isPending && (
        <Group gap="xs" mt="sm">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Checking the backup…
          </Text>
        </Group>
      )}
      {inspection.error && <QueryError error={inspection.error} title="Could not check this backup" />}
      {verdict && !refused && (
        <Text size="sm" mt="sm">
          It holds {plural(verdict.summary.parts, 'part', 'parts')}, {plural(verdict.summary.stockItems, 'stock item', 'stock items')} and{' '}
          {plural(verdict.summary.people, 'person', 'people')}. Administrators afterwards: <strong>{verdict.summary.administrators.join(', ')}</strong>.
        </Text>
      )}
      {refused && (
        <Alert color="red" variant="light" mt="sm" icon={<IconAlertTriangle size={18} />} title="This backup cannot be restored">
          <List size="sm" spacing={2}>
            {verdict.problems.map((problem) => (
              <List.Item key={problem}>{problem}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Text size="sm" mt="xs" c="dimmed">
        The current state is saved as a backup first, so you can go back to it. Everyone, you included, is signed out when the restore finishes.
      </Text>
    </ConfirmActionModal>
  );
}
