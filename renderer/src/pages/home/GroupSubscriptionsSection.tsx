import { Anchor, Badge, Box, Button, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFolder, IconPackage, IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { MemberGroupView } from '../../../../main/contract';
import { useCall, useMutate } from '../../client/hooks';
import { notifyDone, notifyFailed } from '../../components/notify';
import { QueryError } from '../../components/QueryError';

type Entry = MemberGroupView['subscriptions'][number];

function GroupSubscriptions({ group }: { group: MemberGroupView }) {
  const leave = useMutate('groups.leaveSubscription');
  const change = (entry: Entry, left: boolean) =>
    leave.mutate(
      { groupId: group.id, target: entry.target, left },
      {
        onSuccess: () =>
          notifyDone(
            left ? `You left ${entry.name}` : `You hear about ${entry.name} again`,
            left ? `${group.name} still follows it; you are no longer told through the group.` : `Through ${group.name}.`,
          ),
        onError: (error) => notifyFailed(`Could not change ${entry.name}`, error),
      },
    );

  return (
    <Card p={0} component="section" aria-label={`Group ${group.name}`}>
      <Group gap="sm" wrap="nowrap" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <ThemeIcon variant="light" color="grape" size={28} radius="md" aria-hidden="true">
          <IconUsersGroup size={16} />
        </ThemeIcon>
        <Box miw={0} style={{ flex: 1 }}>
          <Title order={3} fz={15} style={{ overflowWrap: 'anywhere' }}>
            {group.name}
          </Title>
          {group.description && (
            <Text size="xs" c="dimmed" truncate>
              {group.description}
            </Text>
          )}
        </Box>
      </Group>
      {group.subscriptions.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" py="lg">
          {group.name} does not follow anything yet.
        </Text>
      ) : (
        <Box mah={300} style={{ overflowY: 'auto', overflowX: 'hidden' }}>
          <Stack component="ul" gap={0} m={0} p={0}>
            {group.subscriptions.map((entry) => (
              <Group
                key={`${entry.target.kind}:${entry.target.id}`}
                component="li"
                wrap="nowrap"
                gap="sm"
                px="md"
                py={8}
                style={{ listStyle: 'none', borderBottom: '1px solid var(--mantine-color-gray-1)', opacity: entry.left ? 0.75 : 1 }}
              >
                {entry.target.kind === 'part' ? <IconPackage size={16} color="var(--mantine-color-dimmed)" /> : <IconFolder size={16} color="var(--mantine-color-dimmed)" />}
                <Box miw={0} style={{ flex: 1 }}>
                  <Anchor component={Link} to={entry.target.kind === 'part' ? `/parts/${entry.target.id}` : `/categories/${entry.target.id}`} fw={500} size="sm" truncate display="block">
                    {entry.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" truncate>
                    {entry.path.length === 0 ? 'Top level' : entry.path.map((step) => step.name).join(' / ')}
                  </Text>
                </Box>
                {entry.left && (
                  <Badge variant="light" color="gray" radius="sm" tt="none" fw={500} style={{ flexShrink: 0 }}>
                    You left this
                  </Badge>
                )}
                <Button
                  size="compact-sm"
                  variant={entry.left ? 'light' : 'subtle'}
                  color={entry.left ? 'indigo' : 'gray'}
                  aria-label={entry.left ? `Hear about ${entry.name} again through ${group.name}` : `Leave ${entry.name} for yourself`}
                  loading={leave.isPending && leave.variables.target.id === entry.target.id && leave.variables.target.kind === entry.target.kind}
                  onClick={() => change(entry, !entry.left)}
                >
                  {entry.left ? 'Rejoin' : 'Leave'}
                </Button>
              </Group>
            ))}
          </Stack>
        </Box>
      )}
    </Card>
  );
}

/** Home: what this person hears about through their groups, each of which they may leave for themselves. */
export function GroupSubscriptionsSection() {
  const mine = useCall('groups.mine', {});
  if (mine.isError) return <QueryError error={mine.error} onRetry={() => void mine.refetch()} title="Could not load your groups" />;
  if (!mine.data || mine.data.length === 0) return null;
  return (
    <Stack component="section" aria-labelledby="your-groups" gap="md" mt="xl">
      <div>
        <Title order={2} fz={19} id="your-groups">
          Through your groups
        </Title>
        <Text size="sm" c="dimmed">
          You are also notified about what your groups follow. Leaving one changes it for you only.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {mine.data.map((group) => (
          <GroupSubscriptions key={group.id} group={group} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
