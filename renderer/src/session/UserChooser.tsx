import { Avatar, Button, Group, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { UserView } from '../../../main/contract';
import { useCall, useMutate } from '../client/hooks';
import { QueryError } from '../components/QueryError';
import { notifyFailed } from '../components/notify';
import { CenteredCard } from './CenteredCard';
import { NewProfileModal } from './NewProfileModal';

/** "Who is using Stockbell?": one button per person, plus a way to add someone. */
export function UserChooser({ onCancel }: { onCancel?: () => void }) {
  const users = useCall('users.list', {});
  const switchUser = useMutate('session.switchUser');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);

  const choose = (user: UserView) =>
    switchUser.mutate(
      { userId: user.id },
      {
        onSuccess: () => void navigate('/'),
        onError: (error) => notifyFailed(`Could not switch to ${user.displayName}`, error),
      },
    );

  return (
    <CenteredCard title="Who is using Stockbell?" subtitle="Choose your profile. Alerts and history are kept per person.">
      <Stack gap="xs">
        {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} title="Could not load profiles" />}
        {users.isLoading && [0, 1, 2].map((index) => <Skeleton key={index} height={56} radius="md" />)}
        {users.data
          ?.filter((user) => user.active)
          .map((user) => (
            <UnstyledButton
              key={user.id}
              aria-label={user.displayName}
              onClick={() => choose(user)}
              disabled={switchUser.isPending}
              p="sm"
              style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}
              className="stockbell-chooser-row"
            >
              <Group wrap="nowrap">
                <Avatar color="initials" name={user.displayName} radius="xl" />
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Text fw={500} truncate>
                    {user.displayName}
                  </Text>
                  {user.email && (
                    <Text size="xs" c="dimmed" truncate>
                      {user.email}
                    </Text>
                  )}
                </div>
                <IconChevronRight size={16} color="var(--mantine-color-dimmed)" />
              </Group>
            </UnstyledButton>
          ))}
        <Group grow mt="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
            New profile
          </Button>
        </Group>
      </Stack>
      <NewProfileModal opened={creating} onClose={() => setCreating(false)} />
    </CenteredCard>
  );
}
