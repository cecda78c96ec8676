import type { NotificationView } from '../../../main/contract';

/** The core ends a message with its reason sentence; shown separately, it would read twice. */
export function messageWithoutReason({ message, reason }: Pick<NotificationView, 'message' | 'reason'>): string {
  const trimmed = message.trim();
  if (reason && trimmed.endsWith(reason.trim())) return trimmed.slice(0, trimmed.length - reason.trim().length).trim();
  return trimmed;
}

/** "3 unread notifications", for the bell's description and the navbar badge. */
export function unreadPhrase(count: number): string {
  if (count === 0) return 'No unread notifications';
  return count === 1 ? '1 unread notification' : `${count.toLocaleString()} unread notifications`;
}
