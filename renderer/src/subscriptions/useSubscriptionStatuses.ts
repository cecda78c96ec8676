import { useMemo } from 'react';
import type { SubscriptionStatus, SubscriptionTarget } from '../../../main/contract';
import { useCall } from '../client/hooks';

export function targetKey(target: SubscriptionTarget): string {
  return `${target.kind}:${target.id}`;
}

/** One `subscriptions.status` call for every target on screen (a page of rows), looked up by target. */
export function useSubscriptionStatuses(targets: SubscriptionTarget[]) {
  const query = useCall('subscriptions.status', { targets }, { enabled: targets.length > 0, placeholderData: (previous) => previous });
  const byTarget = useMemo(() => {
    const map = new Map<string, SubscriptionStatus>();
    for (const status of query.data ?? []) map.set(targetKey(status.target), status);
    return map;
  }, [query.data]);
  return { byTarget, query };
}
