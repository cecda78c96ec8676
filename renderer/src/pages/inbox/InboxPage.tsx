import { Button, Group, Select, Text } from '@mantine/core';
import { IconChecks, IconInbox, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { KIND_FILTERS, type NotificationKind } from '../../notifications/notificationKinds';
import { NotificationListCard } from '../../notifications/NotificationListCard';
import { NotificationRow } from '../../notifications/NotificationRow';
import { useNotificationActions } from '../../notifications/useNotificationActions';
import { useNotificationPage } from '../../notifications/useNotificationPage';
import { useUnreadCount } from '../../notifications/useUnreadCount';

type KindFilter = NotificationKind | 'all';

/** Every unread notification, newest first: read them, follow them, or clear them all at once. */
export function InboxPage() {
  const [kind, setKind] = useState<KindFilter>('all');
  const paged = useNotificationPage({ state: 'unread', kind: kind === 'all' ? null : kind });
  const actions = useNotificationActions();
  const unreadCount = useUnreadCount() ?? 0;
  const data = paged.query.data;

  return (
    <>
      <PageHeader
        title="Inbox"
        crumbs={[{ label: 'Home', to: '/' }]}
        description="Unread notifications about the parts and categories you subscribe to, newest first."
        actions={
          <Button leftSection={<IconChecks size={16} />} onClick={actions.markAllRead} loading={actions.markingAllRead} disabled={unreadCount === 0}>
            Mark all as read
          </Button>
        }
      />
      <NotificationListCard
        paged={paged}
        label="Unread notifications"
        errorTitle="Could not load your inbox"
        toolbar={
          <Group p="md" gap="sm" justify="space-between" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Select
              label="Kind"
              data={KIND_FILTERS}
              value={kind}
              onChange={(value) => {
                setKind((value as KindFilter | null) ?? 'all');
                paged.setPage(1);
              }}
              allowDeselect={false}
              w={260}
              size="sm"
            />
            {data && data.total > 0 && (
              <Text size="sm" c="dimmed">
                {data.total === 1 ? '1 unread' : `${data.total.toLocaleString()} unread`}
              </Text>
            )}
          </Group>
        }
        empty={
          kind !== 'all' ? (
            <EmptyPanel
              icon={<IconSearch size={28} />}
              title="Nothing of this kind"
              description="No unread notification matches this filter."
              action={
                <Button variant="default" onClick={() => setKind('all')}>
                  Show all kinds
                </Button>
              }
            />
          ) : (
            <EmptyPanel
              icon={<IconInbox size={28} />}
              title="You have no unread notifications"
              description="You are all caught up. Subscribe to a part or category with its bell to hear when its stock runs low."
              action={
                <Button variant="default" component={Link} to="/history">
                  Open history
                </Button>
              }
            />
          )
        }
        row={(notification) => (
          <NotificationRow
            notification={notification}
            onFollow={() => actions.follow(notification)}
            actions={
              <Button size="compact-xs" variant="light" leftSection={<IconChecks size={14} />} onClick={() => actions.markRead(notification)}>
                Mark as read
              </Button>
            }
          />
        )}
      />
    </>
  );
}
