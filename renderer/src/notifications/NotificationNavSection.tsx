import { Badge, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconHistory, IconInbox } from '@tabler/icons-react';
import { useId } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useUnreadCount } from './useUnreadCount';

/** "Notifications" in the navbar: the inbox with its unread count, and the history of read ones. */
export function NotificationNavSection({ onNavigate }: { onNavigate: () => void }) {
  const { pathname } = useLocation();
  const count = useUnreadCount() ?? 0;
  const labelId = useId();
  const links = [
    { to: '/inbox', label: 'Inbox', icon: IconInbox, count },
    { to: '/history', label: 'History', icon: IconHistory, count: 0 },
  ];
  return (
    <>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="lg" pb={4} id={labelId}>
        Notifications
      </Text>
      <Stack gap={2} role="group" aria-labelledby={labelId}>
        {links.map(({ to, label, icon: Icon, count: badge }) => {
          const active = pathname === to;
          return (
            <NavLink
              key={to}
              component={Link}
              to={to}
              label={label}
              leftSection={<Icon size={18} stroke={1.7} />}
              rightSection={
                badge > 0 ? (
                  <Badge size="sm" variant="filled" color="red" circle={badge < 10}>
                    {badge > 99 ? '99+' : badge}
                    <VisuallyHidden> unread</VisuallyHidden>
                  </Badge>
                ) : null
              }
              active={active}
              onClick={onNavigate}
              aria-current={active ? 'page' : undefined}
              variant="light"
              fw={500}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          );
        })}
      </Stack>
    </>
  );
}
