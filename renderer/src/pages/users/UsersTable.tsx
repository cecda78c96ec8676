import { Badge, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import type { UserListEntry } from '../../../../main/contract';
import { TimeText } from '../../components/TimeText';
import { roleLabel } from '../../session/roles';
import { UserRowActions } from './UserRowActions';

export function UsersTable({ users }: { users: UserListEntry[] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover aria-label="Users">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Username</Table.Th>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last sign-in</Table.Th>
            <Table.Th w={56}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} c={user.active ? undefined : 'dimmed'}>
              <Table.Td ff="monospace" fz="sm">
                {user.username}
              </Table.Td>
              <Table.Td fw={500}>{user.displayName}</Table.Td>
              <Table.Td fz="sm">{user.email ?? <Text span c="dimmed">—</Text>}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={user.role === 'admin' ? 'indigo' : 'gray'} size="sm">
                  {roleLabel[user.role]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Badge variant="dot" color={user.active ? 'teal' : 'gray'} size="sm">
                    {user.active ? 'Active' : 'Deactivated'}
                  </Badge>
                  {!user.hasPassword && (
                    <Badge variant="light" color="yellow" size="sm">
                      No password
                    </Badge>
                  )}
                  {user.signInBlockedUntil !== null && (
                    <Tooltip label="Wrong passwords have paused sign-in from browsers this person has not used before. Their own browsers still get in.">
                      <Badge variant="light" color="orange" size="sm">
                        Sign-in paused until {new Date(user.signInBlockedUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
              <Table.Td fz="sm" c="dimmed">
                {user.lastSignInAt === null ? 'Never' : <TimeText value={user.lastSignInAt} />}
              </Table.Td>
              <Table.Td>
                <UserRowActions user={user} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
