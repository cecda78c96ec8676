import { Button, Skeleton, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useCall } from '../../../client/hooks';
import { QueryError } from '../../../components/QueryError';
import { SectionCard } from '../../../components/SectionCard';
import { ChannelRow, type KindOption } from './ChannelRow';
import { NewChannelModal } from './NewChannelModal';

/** Profile: webhooks, ntfy topics and Slack or Mattermost channels that this person's notifications are also posted to. */
export function ChannelsCard({ kinds }: { kinds: KindOption[] }) {
  const channels = useCall('channels.list', {});
  const [adding, setAdding] = useState(false);

  return (
    <SectionCard
      title="Other channels"
      description="Also post your notifications to a webhook, an ntfy topic on your phone, or a Slack or Mattermost channel. This computer posts them; while it is offline or the service is down they wait and are tried again, and your quiet hours hold them too."
      actions={
        <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setAdding(true)} style={{ flexShrink: 0 }}>
          Add channel
        </Button>
      }
    >
      {channels.isError ? (
        <QueryError error={channels.error} onRetry={() => void channels.refetch()} title="Could not load your channels" />
      ) : !channels.data ? (
        <Skeleton height={80} />
      ) : channels.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No other channels yet. Your notifications reach you in Stockbell, as desktop banners and by email, as set above.
        </Text>
      ) : (
        <Stack gap="sm">
          {channels.data.map((channel) => (
            <ChannelRow key={channel.id} channel={channel} kinds={kinds} />
          ))}
        </Stack>
      )}
      <NewChannelModal opened={adding} onClose={() => setAdding(false)} />
    </SectionCard>
  );
}
