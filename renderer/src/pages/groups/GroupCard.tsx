import { ActionIcon, Anchor, Avatar, Badge, Box, Card, Group, Menu, Select, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconDots, IconFolder, IconPackage, IconPencil, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { GroupView, SubscriptionTarget } from '../../../../main/contract';
import { useCall, useMutate } from '../../client/hooks';
import { hierarchyOptions } from '../../components/hierarchy';
import { ConfirmDeleteModal } from '../../components/forms/ConfirmDeleteModal';
import { PartSelect } from '../../components/forms/PartSelect';
import { notifyDone, notifyFailed } from '../../components/notify';
import { GroupFormModal } from './GroupForm';
import { AddChannelButton, ChannelList } from '../profile/channels/ChannelsCard';
import type { KindOption } from '../profile/channels/ChannelRow';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

function targetLink(target: SubscriptionTarget): string {
  return target.kind === 'part' ? `/parts/${target.id}` : `/categories/${target.id}`;
}

function ColumnTitle({ children, count }: { children: string; count: number }) {
  return (
    <Group justify="space-between" mb={6}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.4 }}>
        {children}
      </Text>
      <Text size="xs" c="dimmed">
        {count.toLocaleString()}
      </Text>
    </Group>
  );
}

function Members({ group }: { group: GroupView }) {
  const users = useCall('users.list', {});
  const setMember = useMutate('groups.setMember');
  const memberIds = new Set(group.members.map((member) => member.id));
  const candidates = (users.data ?? []).filter((user) => user.active && !memberIds.has(user.id)).map((user) => ({ value: String(user.id), label: `${user.displayName} (${user.username})` }));

  const change = (userId: number, member: boolean, name: string) =>
    setMember.mutate(
      { groupId: group.id, userId, member },
      {
        onSuccess: () => notifyDone(member ? `${name} added to ${group.name}` : `${name} taken out of ${group.name}`),
        onError: (error) => notifyFailed(`Could not change ${group.name}`, error),
      },
    );

  return (
    <Box component="section" aria-label={`Members of ${group.name}`}>
      <ColumnTitle count={group.members.length}>Members</ColumnTitle>
      <Stack gap={4} component="ul" m={0} p={0}>
        {group.members.map((member) => (
          <Group key={member.id} component="li" gap="sm" wrap="nowrap" py={4} style={{ listStyle: 'none' }}>
            <Avatar size={26} radius="xl" color="indigo" variant="light">
              {initials(member.displayName)}
            </Avatar>
            <Box miw={0} style={{ flex: 1 }}>
              <Text size="sm" fw={500} truncate>
                {member.displayName}
              </Text>
            </Box>
            {!member.active && (
              <Badge size="xs" variant="light" color="gray">
                Inactive
              </Badge>
            )}
            <Tooltip label={`Take ${member.displayName} out of ${group.name}`}>
              <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${member.displayName}`} onClick={() => change(member.id, false, member.displayName)}>
                <IconX size={15} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
      </Stack>
      {group.members.length === 0 && (
        <Text size="sm" c="dimmed" mb="xs">
          Nobody yet: add the people who should hear about what this group follows.
        </Text>
      )}
      <Select
        key={`member-${group.members.length}`}
        mt="xs"
        aria-label={`Add a person to ${group.name}`}
        placeholder={candidates.length === 0 ? 'Everyone active is a member' : 'Add a person…'}
        data={candidates}
        value={null}
        searchable
        disabled={candidates.length === 0}
        nothingFoundMessage="Nobody matches"
        onChange={(value) => {
          const user = users.data?.find((entry) => String(entry.id) === value);
          if (user) change(user.id, true, user.displayName);
        }}
      />
    </Box>
  );
}

function Subscriptions({ group }: { group: GroupView }) {
  const categories = useCall('categories.list', {});
  const subscribe = useMutate('groups.subscribe');
  const unsubscribe = useMutate('groups.unsubscribe');
  const followed = new Set(group.subscriptions.filter((entry) => entry.target.kind === 'category').map((entry) => entry.target.id));
  const categoryOptions = hierarchyOptions(categories.data ?? []).filter((option) => !followed.has(Number(option.value)));

  const add = (target: SubscriptionTarget) =>
    subscribe.mutate(
      { groupId: group.id, target },
      {
        onSuccess: (saved) => {
          const added = saved.subscriptions.find((entry) => entry.target.kind === target.kind && entry.target.id === target.id);
          notifyDone(`${group.name} now follows ${added?.name ?? `this ${target.kind}`}`, 'Its members hear about it from now on.');
        },
        onError: (error) => notifyFailed(`Could not subscribe ${group.name}`, error),
      },
    );
  const remove = (target: SubscriptionTarget, name: string) =>
    unsubscribe.mutate(
      { groupId: group.id, target },
      { onSuccess: () => notifyDone(`${group.name} no longer follows ${name}`), onError: (error) => notifyFailed(`Could not unsubscribe ${group.name}`, error) },
    );

  return (
    <Box component="section" aria-label={`What ${group.name} follows`}>
      <ColumnTitle count={group.subscriptions.length}>Subscriptions</ColumnTitle>
      <Stack gap={4} component="ul" m={0} p={0}>
        {group.subscriptions.map((entry) => (
          <Group key={`${entry.target.kind}:${entry.target.id}`} component="li" gap="sm" wrap="nowrap" py={4} style={{ listStyle: 'none' }}>
            {entry.target.kind === 'part' ? <IconPackage size={16} color="var(--mantine-color-dimmed)" /> : <IconFolder size={16} color="var(--mantine-color-dimmed)" />}
            <Box miw={0} style={{ flex: 1 }}>
              <Anchor component={Link} to={targetLink(entry.target)} size="sm" fw={500} truncate display="block">
                {entry.name}
              </Anchor>
              {entry.path.length > 0 && (
                <Text size="xs" c="dimmed" truncate>
                  {entry.path.map((step) => step.name).join(' / ')}
                </Text>
              )}
            </Box>
            <Tooltip label={`Stop ${group.name} following ${entry.name}`}>
              <ActionIcon variant="subtle" color="gray" aria-label={`Unsubscribe ${group.name} from ${entry.name}`} onClick={() => remove(entry.target, entry.name)}>
                <IconX size={15} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
      </Stack>
      {group.subscriptions.length === 0 && (
        <Text size="sm" c="dimmed" mb="xs">
          Not following anything yet. Members hear about a category’s parts (sub-categories included) or a part and its variants.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
        {/* Keyed by the count, so each picker starts empty again once its choice is added. */}
        <Select
          key={`category-${group.subscriptions.length}`}
          aria-label={`Subscribe ${group.name} to a category`}
          placeholder="Add a category…"
          data={categoryOptions}
          value={null}
          searchable
          nothingFoundMessage="No category matches"
          onChange={(value) => {
            const option = categoryOptions.find((entry) => entry.value === value);
            if (option) add({ kind: 'category', id: Number(option.value) });
          }}
        />
        <PartSelect
          key={`part-${group.subscriptions.length}`}
          label=""
          ariaLabel={`Subscribe ${group.name} to a part`}
          placeholder="Add a part…"
          value={null}
          onChange={(partId) => {
            if (partId !== null) add({ kind: 'part', id: partId });
          }}
        />
      </SimpleGrid>
    </Box>
  );
}

function GroupChannels({ group, kinds }: { group: GroupView; kinds: KindOption[] }) {
  return (
    <Box component="section" aria-label={`Channels of ${group.name}`} p="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" mb={6}>
        <div>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.4 }}>
            Channels
          </Text>
          <Text size="xs" c="dimmed">
            A Slack or Mattermost channel, ntfy topic or webhook that gets each notice about what {group.name} follows, once.
          </Text>
        </div>
        <AddChannelButton groupId={group.id} />
      </Group>
      {/* A teammate's overwrite is told to one person, never to a group. */}
      <ChannelList kinds={kinds.filter((kind) => kind.value !== 'team.overwritten')} groupId={group.id} empty="None yet." />
    </Box>
  );
}

/** One group: who is in it, what it follows and where its notices are posted, each changeable in place. */
export function GroupCard({ group, kinds }: { group: GroupView; kinds: KindOption[] }) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const remove = useMutate('groups.delete');

  return (
    <Card p={0} component="article" aria-label={group.name}>
      <Group justify="space-between" wrap="nowrap" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Box miw={0}>
          <Title order={2} fz={17} style={{ overflowWrap: 'anywhere' }}>
            {group.name}
          </Title>
          {group.description && (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {group.description}
            </Text>
          )}
        </Box>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${group.name}`}>
              <IconDots size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={15} />} onClick={() => setEditing(true)}>
              Edit name and description
            </Menu.Item>
            <Menu.Item color="red" leftSection={<IconTrash size={15} />} onClick={() => setDeleting(true)}>
              Delete group
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" p="md">
        <Members group={group} />
        <Subscriptions group={group} />
      </SimpleGrid>
      <GroupChannels group={group} kinds={kinds} />
      <GroupFormModal opened={editing} onClose={() => setEditing(false)} group={group} />
      <ConfirmDeleteModal
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={`Delete ${group.name}?`}
        message={`Its ${group.members.length === 1 ? 'member' : `${group.members.length} members`} will no longer hear about what it follows, unless they follow it themselves. Nobody's own subscriptions change.`}
        mutation={remove}
        onConfirm={() =>
          remove.mutate({ id: group.id }, { onSuccess: () => { notifyDone(`${group.name} deleted`); setDeleting(false); } })
        }
      />
    </Card>
  );
}
