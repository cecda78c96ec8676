import { Anchor, Box, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { NotificationView } from '../../../main/contract';
import { TimeText } from '../components/TimeText';
import { kindLook } from './notificationKinds';

interface NotificationRowProps {
  notification: NotificationView;
  /** Called as the title link is followed (before the route changes): mark read, close the flyout. */
  onFollow?: () => void;
  actions?: ReactNode;
  /** The flyout's denser layout: actions on the right, age under the message. */
  compact?: boolean;
}

/** One notification: what happened (title, linking to it), the detail, why you got it, and when. */
export function NotificationRow({ notification, onFollow, actions, compact = false }: NotificationRowProps) {
  const look = kindLook(notification.kind);
  const Icon = look.icon;
  const unread = notification.readAt === null;
  const title = (
    <Anchor component={Link} to={notification.link} onClick={onFollow} fw={600} size="sm" c="var(--mantine-color-text)" truncate>
      {notification.title}
    </Anchor>
  );
  const age = (
    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
      <TimeText value={notification.createdAt} />
    </Text>
  );

  return (
    <Box component="li" px={compact ? 'md' : 'lg'} py={compact ? 'sm' : 'md'} style={{ borderBottom: '1px solid var(--mantine-color-default-border)', listStyle: 'none' }}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <ThemeIcon variant="light" color={unread ? look.color : 'gray'} radius="xl" size={compact ? 32 : 36} aria-hidden="true">
          <Icon size={compact ? 17 : 19} stroke={1.8} />
        </ThemeIcon>
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          {compact ? (
            title
          ) : (
            <Group gap="xs" justify="space-between" wrap="nowrap" align="baseline">
              {title}
              {age}
            </Group>
          )}
          <Text size="sm" c={compact ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
            {notification.message}
          </Text>
          {notification.reason && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {notification.reason}
            </Text>
          )}
          {compact && age}
          {actions && !compact && (
            <Group gap={4} mt={6}>
              {actions}
            </Group>
          )}
        </Stack>
        {actions && compact && <Box style={{ flexShrink: 0 }}>{actions}</Box>}
      </Group>
    </Box>
  );
}

/** The list the rows sit in, so assistive technology announces "list, 3 items". */
export function NotificationList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box component="ul" m={0} p={0} aria-label={label} tabIndex={-1} style={{ outline: 'none' }}>
      {children}
    </Box>
  );
}
