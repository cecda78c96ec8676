import { ActionIcon, Indicator, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useId } from 'react';
import { NotificationDrawer } from './NotificationDrawer';
import { unreadPhrase } from './notificationText';
import { useUnreadCount } from './useUnreadCount';

/**
 * The header bell and its flyout. The count stays live without polling: the host pushes
 * `notifications.changed` to this person's windows and ClientProvider refreshes reads on every push.
 */
export function NotificationBell() {
  const count = useUnreadCount() ?? 0;
  const [opened, { open, close }] = useDisclosure(false);
  const descriptionId = useId();

  return (
    <>
      {/* On the button's corner rather than over the bell, so even a wide "99+" leaves the bell in sight. */}
      <Indicator label={count} maxValue={99} disabled={count === 0} size={17} offset={1} color="red" withBorder fz={10} fw={700} inline>
        <Tooltip label={unreadPhrase(count)} openDelay={400} events={{ hover: true, focus: false, touch: false }}>
          <ActionIcon variant="subtle" color="gray" size="lg" radius="xl" aria-label="Notifications" aria-describedby={descriptionId} aria-expanded={opened} aria-haspopup="dialog" onClick={open}>
            <IconBell size={21} stroke={1.7} />
          </ActionIcon>
        </Tooltip>
      </Indicator>
      <VisuallyHidden id={descriptionId}>{unreadPhrase(count)}</VisuallyHidden>
      <NotificationDrawer opened={opened} onClose={close} />
    </>
  );
}
