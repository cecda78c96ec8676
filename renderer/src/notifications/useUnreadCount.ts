import { useCall } from '../client/hooks';

/** The signed-in person's unread count; one cached read shared by the bell and the navbar. */
export function useUnreadCount(): number | undefined {
  return useCall('notifications.unreadCount', {}).data?.count;
}
