import type { NotificationView } from '../../../main/contract';
import { useMutate } from '../client/hooks';
import { notifyFailed } from '../components/notify';

/** The per-notification writes, each a POST through the contract; the push event refreshes every view. */
export function useNotificationActions() {
  const markRead = useMutate('notifications.markRead');
  const markUnread = useMutate('notifications.markUnread');
  const remove = useMutate('notifications.delete');
  const markAllRead = useMutate('notifications.markAllRead');

  return {
    markRead: (notification: NotificationView) =>
      markRead.mutate({ ids: [notification.id] }, { onError: (error) => notifyFailed('Could not mark it as read', error) }),
    markUnread: (notification: NotificationView) =>
      markUnread.mutate({ ids: [notification.id] }, { onError: (error) => notifyFailed('Could not mark it as unread', error) }),
    remove: (notification: NotificationView) =>
      remove.mutate({ ids: [notification.id] }, { onError: (error) => notifyFailed('Could not delete the notification', error) }),
    markAllRead: () => markAllRead.mutate({}, { onError: (error) => notifyFailed('Could not mark all as read', error) }),
    markingAllRead: markAllRead.isPending,
    /** Following a notification's link reads it: marked before the route changes, never by the GET of the page. */
    follow: (notification: NotificationView) => {
      if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
    },
  };
}
