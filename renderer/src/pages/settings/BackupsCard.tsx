import { Badge, Button, Table, Text } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useCall } from '../../client/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { QueryError } from '../../components/QueryError';
import { SectionCard } from '../../components/SectionCard';
import { TableSkeleton } from '../../components/TableSkeleton';
import { TimeText } from '../../components/TimeText';
import { backupKind, fileSize, type BackupFile } from './backupFile';
import { RestoreBackupModal } from './RestoreBackupModal';

const KIND_COLORS: Record<string, string> = { Manual: 'blue', 'Before upgrade': 'grape', 'Before restore': 'orange' };

export function BackupsCard() {
  const backups = useCall('backup.list', {});
  // Kept after closing, so the dialog still names the backup while it fades out.
  const [restoring, setRestoring] = useState<BackupFile | null>(null);
  const [confirming, setConfirming] = useState(false);

  return (
    <SectionCard title="Backups" description="Newest first. Restoring one replaces the inventory with its copy, after backing up the current state.">
      {backups.isError ? (
        <QueryError error={backups.error} onRetry={() => void backups.refetch()} title="Could not list the backups" />
      ) : !backups.data ? (
        <TableSkeleton rows={3} />
      ) : backups.data.length === 0 ? (
        <EmptyPanel icon={<IconDatabaseOff size={28} />} title="No backups yet" description='Use "Back up now" to make the first one.' />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Backups" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th ta="right">Size</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.data.map((backup) => {
                const kind = backupKind(backup.name);
                return (
                  <Table.Tr key={backup.name}>
                    <Table.Td>
                      <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                        {backup.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" size="sm" color={KIND_COLORS[kind] ?? 'gray'}>
                        {kind}
                      </Badge>
                    </Table.Td>
                    <Table.Td fz="sm">
                      <TimeText value={backup.createdAt} />
                    </Table.Td>
                    <Table.Td fz="sm" ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {fileSize(backup.size)}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button size="compact-sm" variant="light" onClick={() => {
                          setRestoring(backup);
                          setConfirming(true);
                        }} aria-label={`Restore ${backup.name}`}>
                        Restore
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RestoreBackupModal backup={restoring} opened={confirming} onClose={() => setConfirming(false)} />
    </SectionCard>
  );
}
