import { Box, Card } from '@mantine/core';
import { Fragment, useRef, type ReactNode } from 'react';
import type { NotificationView } from '../../../main/contract';
import { ListFooter } from '../components/ListFooter';
import { QueryError } from '../components/QueryError';
import { TableSkeleton } from '../components/TableSkeleton';
import { NotificationList } from './NotificationRow';
import { NOTIFICATIONS_PAGE_SIZE } from './pageSize';
import type { useNotificationPage } from './useNotificationPage';

interface NotificationListCardProps {
  paged: ReturnType<typeof useNotificationPage>;
  /** The list's accessible name, e.g. "Unread notifications". */
  label: string;
  errorTitle: string;
  /** Filters above the list. */
  toolbar?: ReactNode;
  /** Shown instead of the list when this page has no rows. */
  empty: ReactNode;
  row: (notification: NotificationView) => ReactNode;
}

/** The Inbox and History lists: a card with loading, failure, empty state, rows and pages. */
export function NotificationListCard({ paged, label, errorTitle, toolbar, empty, row }: NotificationListCardProps) {
  const { query, page, setPage } = paged;
  const data = query.data;
  const card = useRef<HTMLDivElement>(null);
  // A new page starts at its first row: scroll the list's top into view and put focus there, rather
  // than leaving the reader at the bottom where the page control was.
  const turnTo = (next: number) => {
    setPage(next);
    card.current?.scrollIntoView({ block: 'start' });
    card.current?.querySelector<HTMLElement>('ul')?.focus({ preventScroll: true });
  };
  return (
    <Card p={0} ref={card} className="stockbell-paged-list">
      {toolbar}
      {query.isError ? (
        <Box p="md">
          <QueryError error={query.error} onRetry={() => void query.refetch()} title={errorTitle} />
        </Box>
      ) : !data ? (
        <Box p="md">
          <TableSkeleton rows={5} />
        </Box>
      ) : data.rows.length === 0 ? (
        empty
      ) : (
        <>
          <NotificationList label={label}>
            {data.rows.map((notification) => (
              <Fragment key={notification.id}>{row(notification)}</Fragment>
            ))}
          </NotificationList>
          <Box px="md" pb="md">
            <ListFooter page={page} pageSize={NOTIFICATIONS_PAGE_SIZE} total={data.total} onPage={turnTo} noun="notifications" />
          </Box>
        </>
      )}
    </Card>
  );
}
