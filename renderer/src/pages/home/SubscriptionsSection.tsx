import { Badge, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBellOff, IconFolder, IconPackage } from '@tabler/icons-react';
import type { MuteStatus } from '../../../../main/contract';
import { mutedText } from '../../subscriptions/MuteControl';
import { useCall } from '../../client/hooks';
import { QueryError } from '../../components/QueryError';
import { SubscribedLowStockCard } from './SubscribedLowStockCard';
import { SubscriptionListCard, type SubscriptionEntry } from './SubscriptionListCard';

function joinPath(path: { name: string }[]): string {
  return path.length === 0 ? 'Top level' : path.map((entry) => entry.name).join(' / ');
}

function MutedBadge({ muted }: { muted: NonNullable<MuteStatus['muted']> }) {
  return (
    <Badge variant="light" color="gray" radius="sm" tt="none" fw={500} leftSection={<IconBellOff size={12} />} style={{ flexShrink: 0 }}>
      {mutedText(muted)}
    </Badge>
  );
}

function EmptyHint({ what }: { what: 'part' | 'category' }) {
  return (
    <Text size="sm" c="dimmed">
      Use the bell on a part or category page to subscribe.{' '}
      {what === 'part'
        ? 'A part subscription covers the part and all its variants.'
        : 'A category subscription covers every part in it and in its sub-categories.'}
    </Text>
  );
}

/** Home: what this person follows, and which of it needs attention now. */
export function SubscriptionsSection() {
  const list = useCall('subscriptions.list', {});

  const parts: SubscriptionEntry[] | undefined = list.data?.parts.map((part) => ({
    target: { kind: 'part', id: part.id },
    name: part.name,
    to: `/parts/${part.id}`,
    path: joinPath(part.categoryPath),
    detail: (
      <>
        {part.muted && <MutedBadge muted={part.muted} />}
        {part.ipn && (
          <Badge variant="default" radius="sm" ff="monospace" fw={500} tt="none" style={{ flexShrink: 0 }}>
            {part.ipn}
          </Badge>
        )}
      </>
    ),
  }));
  const categories: SubscriptionEntry[] | undefined = list.data?.categories.map((category) => ({
    target: { kind: 'category', id: category.id },
    name: category.name,
    to: `/categories/${category.id}`,
    path: joinPath(category.path.filter((entry) => entry.id !== category.id)),
    detail: category.muted ? <MutedBadge muted={category.muted} /> : undefined,
  }));
  const subscribedToAnything = (parts?.length ?? 0) + (categories?.length ?? 0) > 0;

  return (
    <Stack component="section" aria-labelledby="your-subscriptions" gap="md" mt="xl">
      <div>
        <Title order={2} fz={19} id="your-subscriptions">
          Your subscriptions
        </Title>
        <Text size="sm" c="dimmed">
          You are notified when stock of these runs low.
        </Text>
      </div>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} title="Could not load your subscriptions" />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <SubscriptionListCard title="Subscribed parts" icon={<IconPackage size={16} />} entries={parts} empty={<EmptyHint what="part" />} />
        <SubscriptionListCard title="Subscribed categories" icon={<IconFolder size={16} />} entries={categories} empty={<EmptyHint what="category" />} />
      </SimpleGrid>
      <SubscribedLowStockCard subscribedToAnything={subscribedToAnything} />
    </Stack>
  );
}
