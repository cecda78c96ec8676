import { Box, Button, Card, Group, Select, Text } from '@mantine/core';
import { IconChecks, IconInbox, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCall } from '../../client/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { ListFooter } from '../../components/ListFooter';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { KIND_FILTERS, type NotificationKind } from '../../notifications/notificationKinds';
import { NotificationList, NotificationRow } from '../../notifications/NotificationRow';
import { NOTIFICATIONS_PAGE_SIZE } from '../../notifications/pageSize';
import { useNotificationActions } from '../../notifications/useNotificationActions';
import { useUnreadCount } from '../../notifications/useUnreadCount';

type KindFilter = NotificationKind | 'all';

/** Every unread notification, newest first: read them, follow them, or clear them all at once. */
export function InboxPage() {
  const [kind, setKind] = useState<KindFilter>('all');
  const [page, setPage] = useState(1);
  const unread = useCall(
    'notifications.list',
    {
      state: 'unread',
      kind: kind === 'all' ? null : kind,
      offset: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
      limit: NOTIFICATIONS_PAGE_SIZE,
    },
    { placeholderData: (previous) => previous },
  );
  const actions = useNotificationActions();
  const unreadCount = useUnreadCount() ?? 0;
  const data = unread.data;
  // Reading the last rows of the last page leaves it empty: step back to one that has rows.
  const lastPage = Math.max(1, Math.ceil((data?.total ?? 0) / NOTIFICATIONS_PAGE_SIZE));
  if (data && page > lastPage) setPage(lastPage);

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
      <Card p={0}>
        <Group p="md" gap="sm" justify="space-between" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          <Select
            label="Kind"
            data={KIND_FILTERS}
            value={kind}
            onChange={(value) => {
              setKind((value as KindFilter | null) ?? 'all');
              setPage(1);
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
        {unread.isError ? (
          <Box p="md">
            <QueryError error={unread.error} onRetry={() => void unread.refetch()} title="Could not load your inbox" />
          </Box>
        ) : !data ? (
          <Box p="md">
            <TableSkeleton rows={5} />
          </Box>
        ) : data.rows.length === 0 ? (
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
        ) : (
          <>
            <NotificationList label="Unread notifications">
              {data.rows.map((notification) => (
                <NotificationRow
                  key={notification.id}
                  notification={notification}
                  onFollow={() => actions.follow(notification)}
                  actions={
                    <Button size="compact-xs" variant="light" leftSection={<IconChecks size={14} />} onClick={() => actions.markRead(notification)}>
                      Mark as read
                    </Button>
                  }
                />
              ))}
            </NotificationList>
            <Box px="md" pb="md">
              <ListFooter page={page} pageSize={NOTIFICATIONS_PAGE_SIZE} total={data.total} onPage={setPage} noun="notifications" />
            </Box>
          </>
        )}
      </Card>
    </>
  );
}
