import { Anchor, Badge, Group, Popover, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconCloudCheck, IconCloudOff, IconCloudUp, IconLock, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { SyncStateView } from '../../../main/contract';
import { useCall } from '../client/hooks';
import { useCurrentUser } from '../session/CurrentUser';
import { WaitingChangesList } from './WaitingChangesList';
import { syncExplanation, syncText } from './syncText';

const looks: Record<SyncStateView['kind'], { color: string; icon: typeof IconCloudCheck }> = {
  'up-to-date': { color: 'teal', icon: IconCloudCheck },
  waiting: { color: 'yellow', icon: IconCloudUp },
  connecting: { color: 'gray', icon: IconRefresh },
  offline: { color: 'orange', icon: IconCloudOff },
  'catching-up': { color: 'blue', icon: IconRefresh },
  refused: { color: 'red', icon: IconLock },
};

/**
 * In a team, where this desktop stands with it, and on click what it still has to send; nothing at
 * all for a desktop on its own.
 */
export function SyncStatus() {
  const status = useCall('team.status', {});
  const isAdmin = useCurrentUser().role === 'admin';
  const [opened, setOpened] = useState(false);
  const sync = status.data?.sync;
  const membership = status.data?.membership;
  if (!membership || !sync) return null;
  const look = looks[sync.kind];
  const Icon = look.icon;
  return (
    <>
      {/* Said aloud as it changes ("Offline since 10:02"); the button below carries the same words. */}
      <VisuallyHidden aria-live="polite">{`Team ${membership.team}: ${syncText(sync)}`}</VisuallyHidden>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withArrow trapFocus returnFocus>
      <Popover.Target>
        <UnstyledButton
          onClick={() => setOpened((open) => !open)}
          aria-label={`Team ${membership.team}: ${syncText(sync)}`}
          aria-expanded={opened}
          aria-haspopup="dialog"
        >
          <Badge variant="light" color={look.color} size="lg" radius="sm" tt="none" fw={500} leftSection={<Icon size={15} aria-hidden="true" />} style={{ cursor: 'pointer' }}>
            {syncText(sync)}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <div>
            <Text fw={600} size="sm">
              Team {membership.team} · {syncText(sync)}
            </Text>
            <Text size="xs" c="dimmed">
              {syncExplanation(sync)}
            </Text>
          </div>
          <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
            <WaitingChangesList />
          </ScrollArea.Autosize>
          {isAdmin && (
            <Group justify="flex-end">
              <Anchor component={Link} to="/settings/team" size="sm" onClick={() => setOpened(false)}>
                Team settings
              </Anchor>
            </Group>
          )}
        </Stack>
      </Popover.Dropdown>
      </Popover>
    </>
  );
}
