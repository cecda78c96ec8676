import { useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useClient } from '../client/client';

function isNotificationRead(query: Query): boolean {
  const method = query.queryKey[0];
  return typeof method === 'string' && (method.startsWith('notifications.') || method.startsWith('subscriptions.'));
}

/**
 * Keeps the bell, inbox and subscription views live: the host pushes `notifications.changed` to this
 * person's windows whenever their notifications or subscriptions change, so nothing polls.
 */
export function useNotificationEvents(): void {
  const { transport } = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () => transport.on('notifications.changed', () => void queryClient.invalidateQueries({ predicate: isNotificationRead })),
    [transport, queryClient],
  );
}
