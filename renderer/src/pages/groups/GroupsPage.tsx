import { Button, Card, Stack } from '@mantine/core';
import { IconUsersGroup, IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useCall } from '../../client/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { GroupCard } from './GroupCard';
import { GroupFormModal } from './GroupForm';

/** Administrators: groups of people that follow parts and categories together. */
export function GroupsPage() {
  const groups = useCall('groups.list', {});
  // The kinds of notification, named as on the profile page, for what each channel carries.
  const profile = useCall('profile.get', {});
  const kinds = (profile.data?.preferences ?? []).map((preference) => ({ value: preference.kind, label: preference.label }));
  const [creating, setCreating] = useState(false);
  const newGroup = (
    <Button leftSection={<IconUsersPlus size={16} />} onClick={() => setCreating(true)}>
      New group
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Groups"
        crumbs={[{ label: 'Home', to: '/' }]}
        description="Subscribe a whole team at once. Every member hears about what their group follows, sees it on their home page, and can leave any of it for themselves."
        actions={newGroup}
      />
      {groups.isError ? (
        <QueryError error={groups.error} onRetry={() => void groups.refetch()} title="Could not load groups" />
      ) : !groups.data ? (
        <Card>
          <TableSkeleton rows={3} />
        </Card>
      ) : groups.data.length === 0 ? (
        <Card>
          <EmptyPanel
            icon={<IconUsersGroup size={28} />}
            title="No groups yet"
            description="Make one for each team that looks after stock together, such as Purchasing or Lab B."
            action={newGroup}
          />
        </Card>
      ) : (
        <Stack gap="md">
          {groups.data.map((group) => (
            <GroupCard key={group.id} group={group} kinds={kinds} />
          ))}
        </Stack>
      )}
      <GroupFormModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
