import { Text } from '@mantine/core';
import { useMutate } from '../../client/hooks';
import { ConfirmActionModal } from '../../components/forms/ConfirmActionModal';
import { notifyDone } from '../../components/notify';
import type { BackupFile } from './backupFile';

/** A restore replaces everything; the host keeps the current state as a backup first, so it can be undone. */
export function RestoreBackupModal({ backup, opened, onClose }: { backup: BackupFile | null; opened: boolean; onClose: () => void }) {
  const restore = useMutate('backup.restore');

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
      error={restore.error}
      onConfirm={() => {
        if (!backup) return;
        restore.mutate(
          { name: backup.name },
          {
            onSuccess: ({ backupOfCurrent }) => {
              notifyDone('Backup restored', `The state before the restore was saved as ${backupOfCurrent}.`);
              close();
            },
          },
        );
      }}
    >
      <Text size="sm">
        Everything changed since <strong>{backup?.name}</strong> was made will be replaced by what it holds: parts, stock, users, notifications and settings.
      </Text>
      <Text size="sm" mt="xs" c="dimmed">
        The current state is saved as a backup first, so you can go back to it.
      </Text>
    </ConfirmActionModal>
  );
}
