import { Badge, Button, Group, SegmentedControl, Text } from '@mantine/core';
import { IconChecks, IconClockPause, IconInbox, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useCall, useMutate } from '../../client/hooks';
import { absoluteTime } from '../../components/relativeTime';
import { notifyFailed } from '../../components/notify';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { KindFilterSelect, type KindFilter } from '../../notifications/KindFilterSelect';
import { NotificationListCard } from '../../notifications/NotificationListCard';
import { NotificationRow } from '../../notifications/NotificationRow';
import { SnoozeMenu } from '../../notifications/SnoozeMenu';
import { WhyPopover } from '../../notifications/WhyPopover';
import { useNotificationActions } from '../../notifications/useNotificationActions';
import { useNotificationPage } from '../../notifications/useNotificationPage';
import { useUnreadCount } from '../../notifications/useUnreadCount';

type View = 'unread' | 'snoozed';

/**
 * Every unread notification, newest first: read them, follow them, snooze them, or clear them all
 * at once; and, as a second view, the snoozed ones with when each comes back.
 */
export function InboxPage() {
  const [kind, setKind] = useState<KindFilter>('all');
  const [search, setSearch] = useSearchParams();
  const view: View = search.get('view') === 'snoozed' ? 'snoozed' : 'unread';
  const paged = useNotificationPage({ state: view, kind: kind === 'all' ? null : kind });
  const actions = useNotificationActions();
  const unsnooze = useMutate('notifications.unsnooze');
  const unreadCount = useUnreadCount() ?? 0;
  const snoozedCount = useCall('notifications.list', { state: 'snoozed', limit: 1 }).data?.total ?? 0;
  const data = paged.query.data;

  return (
    <>
      <PageHeader
        title="Inbox"
        crumbs={[{ label: 'Home', to: '/' }]}
        description={
          view === 'snoozed'
            ? 'Notifications you snoozed, soonest back first. Each returns to your inbox, unread, at its time.'
            : 'Unread notifications about the parts and categories you subscribe to, newest first.'
        }
        actions={
          <Button leftSection={<IconChecks size={16} />} onClick={actions.markAllRead} loading={actions.markingAllRead} disabled={unreadCount === 0}>
            Mark all as read
          </Button>
        }
      />
      <NotificationListCard
        paged={paged}
        label={view === 'snoozed' ? 'Snoozed notifications' : 'Unread notifications'}
        errorTitle="Could not load your inbox"
        toolbar={
          <Group p="md" gap="sm" justify="space-between" align="flex-end" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Group gap="sm" align="flex-end">
              <SegmentedControl
                aria-label="Show"
                value={view}
                onChange={(value) => {
                  setSearch(value === 'snoozed' ? { view: 'snoozed' } : {});
                  paged.setPage(1);
                }}
                data={[
                  { value: 'unread', label: 'Unread' },
                  {
                    value: 'snoozed',
                    label: (
                      <Group gap={6} wrap="nowrap" justify="center">
                        <span>Snoozed</span>
                        {snoozedCount > 0 && (
                          <Badge size="xs" variant="light" color="gray" circle={snoozedCount < 10}>
                            {snoozedCount}
                          </Badge>
                        )}
                      </Group>
                    ),
                  },
                ]}
              />
              <KindFilterSelect
                value={kind}
                onChange={(chosen) => {
                  setKind(chosen);
                  paged.setPage(1);
                }}
              />
            </Group>
            {data && data.total > 0 && (
              <Text size="sm" c="dimmed">
                {view === 'snoozed' ? `${data.total.toLocaleString()} snoozed` : data.total === 1 ? '1 unread' : `${data.total.toLocaleString()} unread`}
              </Text>
            )}
          </Group>
        }
        empty={
          view === 'snoozed' && kind === 'all' ? (
            <EmptyPanel
              icon={<IconClockPause size={28} />}
              title="Nothing snoozed"
              description="Snooze a notification from the inbox or the bell's flyout to have it come back, unread, when you are ready for it."
            />
          ) : kind !== 'all' ? (
            <EmptyPanel
              icon={<IconSearch size={28} />}
              title="Nothing of this kind"
              description={view === 'snoozed' ? 'No snoozed notification matches this filter.' : 'No unread notification matches this filter.'}
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
              view === 'snoozed' ? (
                <>
                  <Text size="xs" c="dimmed" mr={6}>
                    Back {notification.snoozedUntil === null ? 'now' : absoluteTime(notification.snoozedUntil)}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="light"
                    leftSection={<IconInbox size={14} />}
                    onClick={() => unsnooze.mutate({ ids: [notification.id] }, { onError: (error) => notifyFailed('Could not bring it back', error) })}
                  >
                    Back to inbox now
                  </Button>
                </>
              ) : (
                <>
                  <Button size="compact-xs" variant="light" leftSection={<IconChecks size={14} />} onClick={() => actions.markRead(notification)}>
                    Mark as read
                  </Button>
                  <SnoozeMenu notification={notification} />
                  <WhyPopover notification={notification} />
                </>
              )
            }
          />
        )}
      />
    </>
  );
}
