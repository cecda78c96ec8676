import { Button } from '@mantine/core';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useMutate } from '../../client/hooks';
import { notifyDone, notifyFailed } from '../../components/notify';
import { BackupsCard } from './BackupsCard';
import { SettingsPageHeader } from './SettingsPageHeader';

export function BackupsPage() {
  const create = useMutate('backup.create');

  return (
    <>
      <SettingsPageHeader
        title="Backups"
        description="Each backup is a copy of the whole inventory, notifications and settings, kept in the backups folder beside the data; Stockbell also makes one before every upgrade."
        actions={
          <Button
            leftSection={<IconDatabaseExport size={16} />}
            loading={create.isPending}
            onClick={() =>
              create.mutate(
                {},
                { onSuccess: (made) => notifyDone('Backup made', made.name), onError: (error) => notifyFailed('Could not make a backup', error) },
              )
            }
          >
            Back up now
          </Button>
        }
      />
      <BackupsCard />
    </>
  );
}
