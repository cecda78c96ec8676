import { Avatar, Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconSettings, IconUserCircle, IconUsers, IconUserShare } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../session/CurrentUser';
import { roleLabel } from '../session/roles';
import { useSignOut } from '../session/useSignOut';

/** Who is signed in, their own pages, and the way out. */
export function UserMenu() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const isAdmin = user.role === 'admin';

  return (
    <Menu position="bottom-end" width={248} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={user.displayName} px={6} py={4} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
          <Group gap={8} wrap="nowrap">
            <Avatar name={user.displayName} color="initials" radius="xl" size={30} />
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={500} visibleFrom="md" maw={160} truncate lh={1.2}>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" visibleFrom="md" lh={1.2}>
                {roleLabel[user.role]}
              </Text>
            </div>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="xs" fw={600} c="var(--mantine-color-text)" truncate>
              {user.displayName}
            </Text>
            <Badge size="xs" variant="light" color={isAdmin ? 'indigo' : 'gray'}>
              {roleLabel[user.role]}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" truncate>
            {user.email ?? user.username}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={() => void navigate('/profile')}>
          Profile
        </Menu.Item>
        {isAdmin && (
          <>
            <Menu.Item leftSection={<IconUsers size={16} />} onClick={() => void navigate('/users')}>
              Users
            </Menu.Item>
            <Menu.Item leftSection={<IconSettings size={16} />} onClick={() => void navigate('/settings/notifications')}>
              Settings
            </Menu.Item>
          </>
        )}
        <Menu.Divider />
        <Menu.Item leftSection={<IconUserShare size={16} />} onClick={() => signOut({ switchUser: true })}>
          Switch user
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => signOut()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
