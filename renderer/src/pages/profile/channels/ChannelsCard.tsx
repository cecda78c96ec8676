import { Button, Skeleton, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useCall } from '../../../client/hooks';
import { QueryError } from '../../../components/QueryError';
import { SectionCard } from '../../../components/SectionCard';
import { ChannelRow, type KindOption } from './ChannelRow';
import { NewChannelModal } from './NewChannelModal';

interface ChannelListProps {
  kinds: KindOption[];
  /** A group's channels (administrators); the signed-in person's own when left out. */
  groupId?: number;
  empty: string;
}

/** The channels of a person or a group, each with its controls, or what to do when there are none. */
export function ChannelList({ kinds, groupId, empty }: ChannelListProps) {
  const channels = useCall('channels.list', { groupId: groupId ?? null });
  return (
    <>
      {channels.isError ? (
        <QueryError error={channels.error} onRetry={() => void channels.refetch()} title="Could not load your channels" />
      ) : !channels.data ? (
        <Skeleton height={80} />
      ) : channels.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap="sm">
          {channels.data.map((channel) => (
            <ChannelRow key={channel.id} channel={channel} kinds={kinds} />
          ))}
        </Stack>
      )}
    </>
  );
}

/** A button that opens the form to add a channel, for a person or a group. */
export function AddChannelButton({ groupId }: { groupId?: number }) {
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setAdding(true)} style={{ flexShrink: 0 }}>
        Add channel
      </Button>
      <NewChannelModal opened={adding} onClose={() => setAdding(false)} groupId={groupId} />
    </>
  );
}

/** Profile: webhooks, ntfy topics and Slack or Mattermost channels that this person's notifications are also posted to. */
export function ChannelsCard({ kinds }: { kinds: KindOption[] }) {
  return (
    <SectionCard
      title="Other channels"
      description="Also post your notifications to a webhook, an ntfy topic on your phone, or a Slack or Mattermost channel. This computer posts them; while it is offline or the service is down they wait and are tried again, and your quiet hours hold them too."
      actions={<AddChannelButton />}
    >
      <ChannelList kinds={kinds} empty="No other channels yet. Your notifications reach you in Stockbell, as desktop banners and by email, as set above." />
    </SectionCard>
  );
}
