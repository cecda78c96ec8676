/** "3 unread notifications", for the bell's description and the navbar badge. */
export function unreadPhrase(count: number): string {
  if (count === 0) return 'No unread notifications';
  return count === 1 ? '1 unread notification' : `${count.toLocaleString()} unread notifications`;
}
