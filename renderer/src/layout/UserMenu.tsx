import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { UserView } from '../../../main/contract';
import { useCall, useMutate } from '../client/hooks';
import { notifyDone, notifyFailed } from '../components/notify';
import { useCurrentUser } from '../session/CurrentUser';
import { NewProfileModal } from '../session/NewProfileModal';

/** Who is using Stockbell now, and a quick way to become someone else. */
export function UserMenu() {
  const user = useCurrentUser();
  const users = useCall('users.list', {});
  const switchUser = useMutate('session.switchUser');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const others = (users.data ?? []).filter((other) => other.id !== user.id && other.active);

  const switchTo = (other: UserView) =>
    switchUser.mutate(
      { userId: other.id },
      {
        onSuccess: (now) => notifyDone('Switched user', `You are now using Stockbell as ${now.displayName}.`),
        onError: (error) => notifyFailed(`Could not switch to ${other.displayName}`, error),
      },
    );

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={user.displayName} px={6} py={4} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
            <Group gap={8} wrap="nowrap">
              <Avatar name={user.displayName} color="initials" radius="xl" size={30} />
              <Text size="sm" fw={500} visibleFrom="md" maw={160} truncate>
                {user.displayName}
              </Text>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            Signed in as {user.displayName}
            {user.email ? (
              <Text size="xs" c="dimmed" truncate>
                {user.email}
              </Text>
            ) : null}
          </Menu.Label>
          {others.length > 0 && (
            <>
              <Menu.Divider />
              <Menu.Label>Switch to</Menu.Label>
              {others.map((other) => (
                <Menu.Item key={other.id} leftSection={<Avatar name={other.displayName} color="initials" radius="xl" size={22} />} onClick={() => switchTo(other)}>
                  {other.displayName}
                </Menu.Item>
              ))}
            </>
          )}
          <Menu.Divider />
          <Menu.Item leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
            New profile…
          </Menu.Item>
          <Menu.Item leftSection={<IconUsers size={16} />} onClick={() => void navigate('/switch-user')}>
            Switch user
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <NewProfileModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
