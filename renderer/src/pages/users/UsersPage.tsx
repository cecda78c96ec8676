import { Button, Card, Group, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useCall } from '../../client/hooks';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { NewUserFormModal } from './UserForms';
import { UsersTable } from './UsersTable';

export function UsersPage() {
  const users = useCall('users.list', {});
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Users"
        crumbs={[{ label: 'Home', to: '/' }]}
        description="Everyone who can sign in to this Stockbell. Each person has their own subscriptions, alerts and email settings."
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
            New user
          </Button>
        }
      />
      <Card p={0}>
        {users.isError ? (
          <div style={{ padding: 'var(--mantine-spacing-md)' }}>
            <QueryError error={users.error} onRetry={() => void users.refetch()} title="Could not load users" />
          </div>
        ) : !users.data ? (
          <div style={{ padding: 'var(--mantine-spacing-md)' }}>
            <TableSkeleton rows={3} />
          </div>
        ) : (
          <>
            <Group justify="space-between" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
              <Text size="sm" c="dimmed">
                {users.data.length === 1 ? '1 user' : `${users.data.length} users`}, {users.data.filter((user) => user.active).length} active
              </Text>
            </Group>
            <UsersTable users={users.data} />
          </>
        )}
      </Card>
      <NewUserFormModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
