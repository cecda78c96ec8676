/** Rows per page in the inbox and the history. */
export const NOTIFICATIONS_PAGE_SIZE = 25;
