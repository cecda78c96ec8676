import { Alert, Badge, Button, Group, SimpleGrid, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconDoorExit } from '@tabler/icons-react';
import { useState } from 'react';
import type { TeamStatusView } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { ConfirmActionModal } from '../../components/forms/ConfirmActionModal';
import { DetailField } from '../../components/DetailsCard';
import { notifyDone } from '../../components/notify';
import { SectionCard } from '../../components/SectionCard';
import { TimeText } from '../../components/TimeText';
import { syncExplanation, syncText } from '../../team/syncText';

type Membership = NonNullable<TeamStatusView['membership']>;

/** The team this desktop is in: where it stands, the team's desktops, and the way out. */
export function TeamMembershipCard({ membership, status }: { membership: Membership; status: TeamStatusView }) {
  const leave = useMutate('team.leave');
  const [confirming, setConfirming] = useState(false);
  const waiting = status.sync && 'changes' in status.sync ? status.sync.changes : 0;

  return (
    <SectionCard
      title={`Team ${membership.team}`}
      description={status.sync ? syncExplanation(status.sync) : undefined}
      actions={
        <Button variant="default" color="red" leftSection={<IconDoorExit size={16} />} onClick={() => setConfirming(true)}>
          Leave the team
        </Button>
      }
    >
      {status.skippedEvents > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} mb="lg" role="alert">
          {status.skippedEvents === 1 ? 'One change' : `${status.skippedEvents.toLocaleString()} changes`} from the team could not be applied on this desktop since
          it started, so its copy may differ from the others. The app's log names each one. Leaving the team and joining it again takes the team's inventory
          afresh.
        </Alert>
      )}
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" m={0} mb="lg">
        <DetailField label="Status">{status.sync ? syncText(status.sync) : '—'}</DetailField>
        <DetailField label="Server">{membership.servers}</DetailField>
        <DetailField label="This desktop">{membership.desktop}</DetailField>
        <DetailField label="Desktop number">{membership.replica}</DetailField>
      </SimpleGrid>
      <Table aria-label="The team's desktops" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Desktop</Table.Th>
            <Table.Th>Number</Table.Th>
            <Table.Th>Last seen</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {status.desktops.map((desktop) => (
            <Table.Tr key={desktop.replica}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" fw={500}>
                    {desktop.desktop}
                  </Text>
                  {desktop.replica === membership.replica && (
                    <Badge size="xs" variant="light">
                      This desktop
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{desktop.replica}</Table.Td>
              <Table.Td c="dimmed" fz="sm">
                {desktop.lastSeenAt === null ? 'Not yet' : <TimeText value={desktop.lastSeenAt} />}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ConfirmActionModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Leave the team?"
        confirmLabel="Leave"
        color="red"
        pending={leave.isPending}
        error={leave.error}
        onConfirm={() =>
          leave.mutate(
            {},
            {
              onSuccess: () => {
                setConfirming(false);
                notifyDone('Left the team', 'This desktop goes on alone with the inventory as it has it.');
              },
            },
          )
        }
      >
        This desktop keeps the inventory as it has it now and stops sharing changes.
        {waiting > 0 ? ` ${waiting.toLocaleString()} change${waiting === 1 ? '' : 's'} made here and not yet with the team will not reach it.` : ''}
      </ConfirmActionModal>
    </SectionCard>
  );
}
