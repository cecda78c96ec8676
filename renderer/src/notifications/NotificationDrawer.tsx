import { ActionIcon, Anchor, Box, Button, Center, Drawer, Group, Loader, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconBellCheck, IconCheck, IconChecks } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router-dom';
import { useCall } from '../client/hooks';
import { QueryError } from '../components/QueryError';
import { TooltipOnFirstUse } from '../components/TooltipOnFirstUse';
import { NotificationList, NotificationRow } from './NotificationRow';
import { SnoozeMenu } from './SnoozeMenu';
import { WhyPopover } from './WhyPopover';
import { unreadPhrase } from './notificationText';
import { useNotificationActions } from './useNotificationActions';

const FLYOUT_SIZE = 10;
const FLYOUT_WIDTH = 420;

/** The bell's flyout: the ten newest unread notifications, and the way to the inbox. */
export function NotificationDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const unread = useCall('notifications.list', { state: 'unread', limit: FLYOUT_SIZE }, { enabled: opened });
  const actions = useNotificationActions();
  const total = unread.data?.total ?? 0;
  const body = useRef<HTMLDivElement>(null);
  // The row whose "Mark as read" was pressed leaves the list; focus moves to the row now in its
  // place (or the one above, or the empty state) instead of falling to the page behind the drawer.
  const refocusAt = useRef<{ index: number; id: number } | null>(null);
  useEffect(() => {
    if (!opened) return;
    // Toasts (bottom right) would cover the flyout's "View all"; styles.css moves them aside meanwhile.
    document.body.dataset.flyoutOpen = '';
    document.body.style.setProperty('--stockbell-flyout-width', `${FLYOUT_WIDTH}px`);
    return () => {
      delete document.body.dataset.flyoutOpen;
    };
  }, [opened]);
  const rows = unread.data?.rows;
  useEffect(() => {
    const pending = refocusAt.current;
    if (!pending || !rows || rows.some((row) => row.id === pending.id)) return;
    const buttons = body.current?.querySelectorAll<HTMLButtonElement>('button[aria-label="Mark as read"]') ?? [];
    const next = buttons[Math.min(pending.index, buttons.length - 1)];
    (next ?? body.current?.querySelector<HTMLElement>('[data-empty-flyout]'))?.focus();
    refocusAt.current = null;
  }, [rows]);

  return (
    <Drawer.Root opened={opened} onClose={onClose} position="right" size={FLYOUT_WIDTH}>
      <Drawer.Overlay backgroundOpacity={0.15} />
      <Drawer.Content>
        <Drawer.Header style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <Stack gap={0}>
            <Drawer.Title fw={650} fz={18}>
              Notifications
            </Drawer.Title>
            <Text size="xs" c="dimmed">
              {unread.data ? unreadPhrase(total) : ' '}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <Button variant="subtle" size="xs" leftSection={<IconChecks size={15} />} onClick={actions.markAllRead} loading={actions.markingAllRead} disabled={total === 0}>
              Mark all as read
            </Button>
            <Drawer.CloseButton aria-label="Close notifications" />
          </Group>
        </Drawer.Header>
        <Drawer.Body p={0} style={{ display: 'flex', flexDirection: 'column', height: 'calc(100% - 61px)' }}>
          {/* Sized to its rows, so "View all" sits right under a short list; it scrolls once the rows fill the drawer. */}
          <Box ref={body} style={{ flex: '0 1 auto', minHeight: 0, overflowY: 'auto' }}>
            {unread.isError ? (
              <Box p="md">
                <QueryError error={unread.error} onRetry={() => void unread.refetch()} title="Could not load notifications" />
              </Box>
            ) : !unread.data ? (
              <Center py="xl">
                <Loader size="sm" aria-label="Loading notifications" />
              </Center>
            ) : unread.data.rows.length === 0 ? (
              <Stack align="center" gap="xs" py={56} px="lg" ta="center" tabIndex={-1} data-empty-flyout style={{ outlineOffset: -4 }}>
                <ThemeIcon size={52} radius="xl" variant="light" color="teal" aria-hidden="true">
                  <IconBellCheck size={26} />
                </ThemeIcon>
                <Text fw={600}>You have no unread notifications</Text>
                <Text size="sm" c="dimmed" maw={300}>
                  Subscribe to parts and categories with the bell on their pages to hear when stock runs low.
                </Text>
              </Stack>
            ) : (
              <NotificationList label="Unread notifications">
                {unread.data.rows.map((notification, index) => (
                  <NotificationRow
                    key={notification.id}
                    notification={notification}
                    compact
                    onFollow={() => {
                      actions.follow(notification);
                      onClose();
                    }}
                    actions={
                      <Group gap={2} wrap="nowrap">
                        <WhyPopover notification={notification} compact />
                        <SnoozeMenu notification={notification} compact onSnoozed={() => (refocusAt.current = { index, id: notification.id })} />
                        <TooltipOnFirstUse label="Mark as read" openDelay={300}>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label="Mark as read"
                            onClick={() => {
                              refocusAt.current = { index, id: notification.id };
                              actions.markRead(notification);
                            }}
                          >
                            <IconCheck size={17} />
                          </ActionIcon>
                        </TooltipOnFirstUse>
                      </Group>
                    }
                  />
                ))}
              </NotificationList>
            )}
          </Box>
          <Group justify="space-between" px="md" py="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)', flexShrink: 0 }}>
            <Text size="xs" c="dimmed">
              {total > FLYOUT_SIZE ? `Showing the ${FLYOUT_SIZE} newest of ${total.toLocaleString()}` : ' '}
            </Text>
            <Anchor component={Link} to="/inbox" onClick={onClose} size="sm" fw={500}>
              View all
            </Anchor>
          </Group>
          <Box
            px="lg"
            pt="lg"
            bg="var(--mantine-color-default-hover)"
            style={{ flex: '1 1 0', minHeight: 0, overflow: 'hidden', borderTop: '1px solid var(--mantine-color-default-border)' }}
          >
            <Text size="xs" c="dimmed" ta="center">
              Choose how you hear about low stock in your{' '}
              <Anchor component={Link} to="/profile" onClick={onClose} size="xs">
                notification preferences
              </Anchor>
              .
            </Text>
          </Box>
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
