import { Button, Group, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArchive, IconArrowBackUp, IconHistory, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useMutate } from '../../client/hooks';
import { notifyFailed } from '../../components/notify';
import { KindFilterSelect, type KindFilter } from '../../notifications/KindFilterSelect';
import { EmptyPanel } from '../../components/EmptyPanel';
import { FormBody, FormModal } from '../../components/forms/FormModal';
import { notifyDone } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { NotificationListCard } from '../../notifications/NotificationListCard';
import { WhyPopover } from '../../notifications/WhyPopover';
import { NotificationRow } from '../../notifications/NotificationRow';
import { useNotificationActions } from '../../notifications/useNotificationActions';
import { useNotificationPage } from '../../notifications/useNotificationPage';

/**
 * Notifications already read, most recently read first: put one back in the inbox, archive it to
 * keep it, or delete it for good; and the archived ones, with a search by text and kind over either.
 */
export function HistoryPage() {
  const [confirming, setConfirming] = useState(false);
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'archived' ? 'archived' : 'read';
  const [kind, setKind] = useState<KindFilter>('all');
  const [typed, setTyped] = useState('');
  const [search] = useDebouncedValue(typed.trim(), 250);
  const paged = useNotificationPage({ state: view, kind: kind === 'all' ? null : kind, search });
  const actions = useNotificationActions();
  const archive = useMutate('notifications.archive');
  const unarchive = useMutate('notifications.unarchive');
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
        description={
          view === 'archived'
            ? 'Notifications you archived: kept until you delete them, and found by search.'
            : 'Notifications you have read, most recently read first. Read notifications are removed automatically after a while; archive one to keep it.'
        }
        actions={
          view === 'read' && (
            <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={() => setConfirming(true)} disabled={!data || data.total === 0 || search !== '' || kind !== 'all'}>
              Delete all
            </Button>
          )
        }
      />
      <NotificationListCard
        paged={paged}
        label={view === 'archived' ? 'Archived notifications' : 'Read notifications'}
        errorTitle="Could not load your history"
        toolbar={
          <Group p="md" gap="sm" align="flex-end" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <SegmentedControl
              aria-label="Show"
              value={view}
              onChange={(value) => {
                setParams(value === 'archived' ? { view: 'archived' } : {});
                paged.setPage(1);
              }}
              data={[
                { value: 'read', label: 'History' },
                { value: 'archived', label: 'Archived' },
              ]}
            />
            <TextInput
              label="Search"
              placeholder="Words in the title or message"
              leftSection={<IconSearch size={15} />}
              value={typed}
              onChange={(event) => {
                setTyped(event.currentTarget.value);
                paged.setPage(1);
              }}
              w={280}
              size="sm"
            />
            <KindFilterSelect
              value={kind}
              onChange={(chosen) => {
                setKind(chosen);
                paged.setPage(1);
              }}
            />
          </Group>
        }
        empty={
          search !== '' || kind !== 'all' ? (
            <EmptyPanel icon={<IconSearch size={28} />} title="Nothing matches" description="No notification here matches this search and kind." />
          ) : view === 'archived' ? (
            <EmptyPanel
              icon={<IconArchive size={28} />}
              title="Nothing archived"
              description="Archive a read notification to keep it past the clean-up and out of History; it stays searchable here."
            />
          ) : (
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
          )
        }
        row={(notification) => (
          <NotificationRow
            notification={notification}
            actions={
              <>
                {view === 'archived' ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconArrowBackUp size={14} />}
                    onClick={() => unarchive.mutate({ ids: [notification.id] }, { onError: (error) => notifyFailed('Could not put it back in History', error) })}
                  >
                    Back to History
                  </Button>
                ) : (
                  <>
                    <Button size="compact-xs" variant="subtle" leftSection={<IconArrowBackUp size={14} />} onClick={() => actions.markUnread(notification)}>
                      Mark as unread
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconArchive size={14} />}
                      onClick={() => archive.mutate({ ids: [notification.id] }, { onError: (error) => notifyFailed('Could not archive it', error) })}
                    >
                      Archive
                    </Button>
                  </>
                )}
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
