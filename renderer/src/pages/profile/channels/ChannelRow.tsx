import { ActionIcon, Alert, Badge, Box, Button, Chip, Group, Paper, Stack, Switch, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconBrandSlack, IconDeviceMobile, IconTrash, IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChannelView, MethodOutput } from '../../../../../main/contract';
import { useMutate } from '../../../client/hooks';
import { ConfirmDeleteModal } from '../../../components/forms/ConfirmDeleteModal';
import { notifyDone, notifyFailed } from '../../../components/notify';
import { ChannelDeliveries } from './ChannelDeliveries';
import { channelKindInfo } from './channelKinds';

export interface KindOption {
  value: ChannelView['kinds'][number];
  label: string;
}

const icons = { webhook: IconWebhook, ntfy: IconDeviceMobile, slack: IconBrandSlack };

function Health({ channel }: { channel: ChannelView }) {
  if (channel.failed > 0) {
    return (
      <Badge color="red" variant="light" radius="sm" tt="none">
        {channel.failed === 1 ? '1 failed' : `${channel.failed} failed`}
      </Badge>
    );
  }
  if (channel.waiting > 0) {
    return (
      <Badge color="yellow" variant="light" radius="sm" tt="none">
        {channel.waiting} waiting
      </Badge>
    );
  }
  if (channel.last?.status === 'sent') {
    return (
      <Badge color="teal" variant="light" radius="sm" tt="none">
        Working
      </Badge>
    );
  }
  return null;
}

/** One channel: what it carries, whether it is on, and what became of its posts. */
export function ChannelRow({ channel, kinds }: { channel: ChannelView; kinds: KindOption[] }) {
  const update = useMutate('channels.update');
  const test = useMutate('channels.test');
  const retry = useMutate('channels.retryFailed');
  const remove = useMutate('channels.delete');
  const [showDeliveries, setShowDeliveries] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [tested, setTested] = useState<MethodOutput<'channels.test'> | null>(null);
  const Icon = icons[channel.kind];

  const save = (patch: Partial<Pick<ChannelView, 'enabled' | 'kinds'>>) =>
    update.mutate(
      { id: channel.id, name: channel.name, enabled: patch.enabled ?? channel.enabled, kinds: patch.kinds ?? channel.kinds },
      { onError: (error) => notifyFailed(`Could not change ${channel.name}`, error) },
    );

  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={channel.name}>
      <Stack gap="sm">
        <Group wrap="nowrap" gap="sm" align="flex-start">
          <ThemeIcon variant="light" size={34} radius="md" color={channel.enabled ? 'indigo' : 'gray'} aria-hidden="true">
            <Icon size={18} />
          </ThemeIcon>
          <Box miw={0} style={{ flex: 1 }}>
            <Group gap={8} wrap="wrap">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {channel.name}
              </Text>
              <Badge variant="default" radius="sm" tt="none" fw={500}>
                {channelKindInfo[channel.kind].label}
              </Badge>
              <Health channel={channel} />
            </Group>
            <Text size="sm" c="dimmed" ff="monospace" truncate>
              {channel.url}
            </Text>
          </Box>
          <Switch
            aria-label={`Post notifications to ${channel.name}`}
            checked={channel.enabled}
            onChange={(event) => save({ enabled: event.currentTarget.checked })}
            label={channel.enabled ? 'On' : 'Off'}
          />
          <Tooltip label={`Remove ${channel.name}`}>
            <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${channel.name}`} onClick={() => setRemoving(true)}>
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Chip.Group multiple value={channel.kinds} onChange={(value) => save({ kinds: value as ChannelView['kinds'] })}>
          <Group gap={6} role="group" aria-label={`What ${channel.name} carries`}>
            {kinds.map((kind) => (
              <Chip key={kind.value} value={kind.value} size="xs" variant="light" disabled={!channel.enabled}>
                {kind.label}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        {tested && (
          <Alert color={tested.ok ? 'teal' : 'red'} variant="light" withCloseButton onClose={() => setTested(null)} role="status" title={tested.ok ? 'Test message delivered' : 'Test message not delivered'}>
            {tested.message}
          </Alert>
        )}
        <Group gap="xs">
          <Button size="xs" variant="light" loading={test.isPending} onClick={() => test.mutate({ id: channel.id }, { onSuccess: setTested, onError: (error) => notifyFailed('Could not send the test', error) })}>
            Send test
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={() => setShowDeliveries((shown) => !shown)} aria-expanded={showDeliveries}>
            {showDeliveries ? 'Hide deliveries' : 'Deliveries'}
          </Button>
          {channel.failed > 0 && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              loading={retry.isPending}
              onClick={() => retry.mutate({ id: channel.id }, { onSuccess: ({ changed }) => notifyDone(`Trying ${changed === 1 ? '1 post' : `${changed} posts`} again`) })}
            >
              Retry failed
            </Button>
          )}
        </Group>
        {showDeliveries && <ChannelDeliveries channelId={channel.id} name={channel.name} />}
      </Stack>
      <ConfirmDeleteModal
        opened={removing}
        onClose={() => setRemoving(false)}
        title={`Remove ${channel.name}?`}
        message="Nothing more is posted to it, and what was waiting for it is dropped. Your notifications in Stockbell and by email are not affected."
        mutation={remove}
        onConfirm={() => remove.mutate({ id: channel.id }, { onSuccess: () => { notifyDone(`${channel.name} removed`); setRemoving(false); } })}
      />
    </Paper>
  );
}
