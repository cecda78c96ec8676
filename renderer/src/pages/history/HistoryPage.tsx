import { Box, Button, Card, Text } from '@mantine/core';
import { IconArrowBackUp, IconHistory, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCall, useMutate } from '../../client/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { FormBody, FormModal } from '../../components/forms/FormModal';
import { ListFooter } from '../../components/ListFooter';
import { notifyDone } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { NotificationList, NotificationRow } from '../../notifications/NotificationRow';
import { NOTIFICATIONS_PAGE_SIZE } from '../../notifications/pageSize';
import { useNotificationActions } from '../../notifications/useNotificationActions';

/** Notifications already read, most recently read first: put one back in the inbox, or delete for good. */
export function HistoryPage() {
  const [page, setPage] = useState(1);
  const [confirming, setConfirming] = useState(false);
  const read = useCall(
    'notifications.list',
    { state: 'read', offset: (page - 1) * NOTIFICATIONS_PAGE_SIZE, limit: NOTIFICATIONS_PAGE_SIZE },
    { placeholderData: (previous) => previous },
  );
  const actions = useNotificationActions();
  const deleteAll = useMutate('notifications.deleteAllRead');
  const data = read.data;
  const lastPage = Math.max(1, Math.ceil((data?.total ?? 0) / NOTIFICATIONS_PAGE_SIZE));
  if (data && page > lastPage) setPage(lastPage);

  const close = () => {
    setConfirming(false);
    deleteAll.reset();
  };
  const confirmDeleteAll = () =>
    deleteAll.mutate(
      {},
      {
        onSuccess: ({ changed }) => {
          setConfirming(false);
          notifyDone('History cleared', changed === 1 ? '1 notification deleted.' : `${changed.toLocaleString()} notifications deleted.`);
        },
      },
    );

  return (
    <>
      <PageHeader
        title="History"
        crumbs={[{ label: 'Home', to: '/' }]}
        description="Notifications you have read, most recently read first. Read notifications are removed automatically after a while."
        actions={
          <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirming(true)} disabled={!data || data.total === 0}>
            Delete all
          </Button>
        }
      />
      <Card p={0}>
        {read.isError ? (
          <Box p="md">
            <QueryError error={read.error} onRetry={() => void read.refetch()} title="Could not load your history" />
          </Box>
        ) : !data ? (
          <Box p="md">
            <TableSkeleton rows={5} />
          </Box>
        ) : data.rows.length === 0 ? (
          <EmptyPanel
            icon={<IconHistory size={28} />}
            title="No read notifications"
            description="Notifications you read or mark as read are kept here until you delete them."
            action={
              <Button variant="default" component={Link} to="/inbox">
                Open inbox
              </Button>
            }
          />
        ) : (
          <>
            <NotificationList label="Read notifications">
              {data.rows.map((notification) => (
                <NotificationRow
                  key={notification.id}
                  notification={notification}
                  actions={
                    <>
                      <Button size="compact-xs" variant="subtle" leftSection={<IconArrowBackUp size={14} />} onClick={() => actions.markUnread(notification)}>
                        Mark as unread
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => actions.remove(notification)}>
                        Delete
                      </Button>
                    </>
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
      <FormModal opened={confirming} onClose={close} title="Delete all read notifications?" size="sm">
        <FormBody onSubmit={confirmDeleteAll} onCancel={close} submitLabel="Delete all" submitColor="red" pending={deleteAll.isPending} error={deleteAll.error} fieldNames={[]}>
          <Text size="sm">
            {data?.total === 1 ? 'The read notification' : `All ${data?.total.toLocaleString() ?? ''} read notifications`} will be deleted permanently. Unread
            notifications in your inbox are kept.
          </Text>
        </FormBody>
      </FormModal>
    </>
  );
}
