import { ActionIcon, Anchor, Box, Card, Group, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { IconBellOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { SubscriptionTarget } from '../../../../main/contract';
import { useMutate } from '../../client/hooks';
import { notifyDone, notifyFailed } from '../../components/notify';

export interface SubscriptionEntry {
  target: SubscriptionTarget;
  name: string;
  to: string;
  /** Where it sits: "Electronics / Passives". */
  path: string;
  /** A short fact on the right: IPN, part count. */
  detail?: ReactNode;
}

interface SubscriptionListCardProps {
  title: string;
  icon: ReactNode;
  entries: SubscriptionEntry[] | undefined;
  empty: ReactNode;
}

/** One list of what this person follows directly, each with a way out. */
export function SubscriptionListCard({ title, icon, entries, empty }: SubscriptionListCardProps) {
  const unsubscribe = useMutate('subscriptions.unsubscribe');

  const remove = (entry: SubscriptionEntry) =>
    unsubscribe.mutate(entry.target, {
      onSuccess: (status) =>
        notifyDone(
          `Unsubscribed from ${entry.name}`,
          status.via ? `You still get notifications through ${status.via.name}.` : 'You will no longer be notified about it.',
        ),
      onError: (error) => notifyFailed(`Could not unsubscribe from ${entry.name}`, error),
    });

  return (
    <Card p={0} component="section" aria-label={title}>
      <Group gap="sm" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <ThemeIcon variant="light" size={28} radius="md" aria-hidden="true">
          {icon}
        </ThemeIcon>
        <Title order={3} fz={15} style={{ flex: 1 }}>
          {title}
        </Title>
        {entries && entries.length > 0 && (
          <Text size="sm" c="dimmed">
            {entries.length.toLocaleString()}
          </Text>
        )}
      </Group>
      {!entries ? (
        <Box p="md">
          <Text size="sm" c="dimmed">
            Loading…
          </Text>
        </Box>
      ) : entries.length === 0 ? (
        <Box px="md" py="lg">
          {empty}
        </Box>
      ) : (
        // Scrolls down a long list; never sideways, so a long name is truncated in its row instead.
        <Box mah={300} style={{ overflowY: 'auto', overflowX: 'hidden' }}>
          <Stack component="ul" gap={0} m={0} p={0}>
            {entries.map((entry) => (
              <Group
                key={`${entry.target.kind}:${entry.target.id}`}
                component="li"
                wrap="nowrap"
                gap="sm"
                px="md"
                py={8}
                style={{ listStyle: 'none', borderBottom: '1px solid var(--mantine-color-gray-1)' }}
              >
                <Box miw={0} style={{ flex: 1 }}>
                  <Anchor component={Link} to={entry.to} fw={500} size="sm" truncate display="block">
                    {entry.name}
                  </Anchor>
                  <Text size="xs" c="dimmed" truncate>
                    {entry.path}
                  </Text>
                </Box>
                {entry.detail}
                <Tooltip label="Unsubscribe" openDelay={300}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Unsubscribe from ${entry.name}`}
                    onClick={() => remove(entry)}
                    loading={unsubscribe.isPending && unsubscribe.variables.id === entry.target.id && unsubscribe.variables.kind === entry.target.kind}
                  >
                    <IconBellOff size={17} stroke={1.7} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ))}
          </Stack>
        </Box>
      )}
    </Card>
  );
}
