import { Button, Text } from '@mantine/core';
import { IconArrowBackUp, IconHistory, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMutate } from '../../client/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { FormBody, FormModal } from '../../components/forms/FormModal';
import { notifyDone } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { NotificationListCard } from '../../notifications/NotificationListCard';
import { WhyPopover } from '../../notifications/WhyPopover';
import { NotificationRow } from '../../notifications/NotificationRow';
import { useNotificationActions } from '../../notifications/useNotificationActions';
import { useNotificationPage } from '../../notifications/useNotificationPage';

/** Notifications already read, most recently read first: put one back in the inbox, or delete for good. */
export function HistoryPage() {
  const [confirming, setConfirming] = useState(false);
  const paged = useNotificationPage({ state: 'read' });
  const actions = useNotificationActions();
  const deleteAll = useMutate('notifications.deleteAllRead');
  const data = paged.query.data;

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
      <NotificationListCard
        paged={paged}
        label="Read notifications"
        errorTitle="Could not load your history"
        empty={
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
        }
        row={(notification) => (
          <NotificationRow
            notification={notification}
            actions={
              <>
                <Button size="compact-xs" variant="subtle" leftSection={<IconArrowBackUp size={14} />} onClick={() => actions.markUnread(notification)}>
                  Mark as unread
                </Button>
                <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => actions.remove(notification)}>
                  Delete
                </Button>
                <WhyPopover notification={notification} />
              </>
            }
          />
        )}
      />
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
