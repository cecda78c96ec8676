import { useState } from 'react';
import type { MethodInput } from '../../../main/contract';
import { useCall } from '../client/hooks';
import { NOTIFICATIONS_PAGE_SIZE } from './pageSize';

type Filter = Omit<MethodInput<'notifications.list'>, 'offset' | 'limit'>;

/** One page of notifications, keeping the previous page on screen while the next loads. */
export function useNotificationPage(filter: Filter) {
  const [page, setPage] = useState(1);
  const query = useCall(
    'notifications.list',
    { ...filter, offset: (page - 1) * NOTIFICATIONS_PAGE_SIZE, limit: NOTIFICATIONS_PAGE_SIZE },
    { placeholderData: (previous) => previous },
  );
  // Reading or deleting the last rows of the last page leaves it empty: step back to one that has rows.
  const lastPage = Math.max(1, Math.ceil((query.data?.total ?? 0) / NOTIFICATIONS_PAGE_SIZE));
  if (query.data && page > lastPage) setPage(lastPage);
  return { query, page, setPage };
}
