import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { CallFailure } from './callFailure';
import { ClientContext, createCall, type StockbellClient } from './client';
import { SESSION_KEY } from './sessionCache';
import type { Transport } from './transport';

/** Reads a notifications.changed push can make stale: the person's notifications, subscriptions and mail status. */
const NOTIFICATION_METHOD_PREFIXES = ['notifications.', 'subscriptions.', 'mail.'];

function isNotificationQuery(key: readonly unknown[]): boolean {
  const method = key[0];
  return typeof method === 'string' && NOTIFICATION_METHOD_PREFIXES.some((prefix) => method.startsWith(prefix));
}

function isSubscriptionQuery(key: readonly unknown[]): boolean {
  return typeof key[0] === 'string' && (key[0].startsWith('subscriptions.') || key[0].startsWith('mutes.') || key[0].startsWith('groups.'));
}

/** Calls whose UNAUTHENTICATED answer is part of the conversation (a wrong password), not an expired session. */
function isSessionMethod(key: readonly unknown[] | undefined): boolean {
  return typeof key?.[0] === 'string' && key[0].startsWith('session.');
}

function createQueryClient(): QueryClient {
  // Any other call refused as UNAUTHENTICATED means the session is gone (expired, host restarted):
  // asking for the session again brings the sign-in screen back.
  const onError = (error: unknown, key: readonly unknown[] | undefined) => {
    if (error instanceof CallFailure && error.code === 'UNAUTHENTICATED' && !isSessionMethod(key)) {
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error, _input, _context, mutation) => onError(error, mutation.options.mutationKey) }),
    defaultOptions: {
      queries: {
        // The host pushes events after every change, so cached reads stay fresh without polling.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Domain errors (not found, forbidden...) will not change by asking again; an unreachable host may.
        retry: (failureCount, error) =>
          !(error instanceof CallFailure && error.code !== 'INTERNAL' && error.code !== 'UNAVAILABLE') && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}

/**
 * Refreshes reads after pushes, once per burst: a stock change that notified this person arrives as
 * inventory.changed and notifications.changed together (one chunk from the host). The person's
 * notification reads go first and the rest after, each once: refreshed twice, the second refresh
 * cancelled the bell's count and asked again behind every other read of the page, and the host
 * answers one call at a time.
 */
function burstRefresher(queryClient: QueryClient): (scope: 'all' | 'notifications') => void {
  let pending: 'all' | 'notifications' | null = null;
  const refresh = () => {
    const scope = pending;
    pending = null;
    void queryClient.invalidateQueries({ predicate: (query) => isNotificationQuery(query.queryKey) });
    if (scope === 'all') void queryClient.invalidateQueries({ predicate: (query) => !isNotificationQuery(query.queryKey) });
  };
  return (scope) => {
    if (pending === null) queueMicrotask(refresh);
    if (pending !== 'all') pending = scope;
  };
}

export function ClientProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [client] = useState<StockbellClient>(() => ({ transport, call: createCall(transport) }));

  useEffect(() => {
    // Only pushes about changed data refresh reads; import progress and navigation requests change nothing cached.
    const refresh = burstRefresher(queryClient);
    const refreshAll = () => refresh('all');
    const offInventory = transport.on('inventory.changed', refreshAll);
    const offNotifications = transport.on('notifications.changed', () => refresh('notifications'));
    // Inherited coverage ("Subscribed via ...") moves with any subscription change, on every page.
    const offSubscriptions = transport.on('subscriptions.changed', () => void queryClient.invalidateQueries({ predicate: (query) => isSubscriptionQuery(query.queryKey) }));
    const offTeam = transport.on('team.changed', () => {
      void queryClient.invalidateQueries({ queryKey: ['team.status'] });
      void queryClient.invalidateQueries({ queryKey: ['team.waiting'] });
    });
    // A password reset, a deactivation or a restore may have signed this window out.
    const offSessionEnded = transport.on('session.ended', () => void queryClient.invalidateQueries({ queryKey: SESSION_KEY }));
    // Pushes may have been missed while the stream was down.
    const offReconnect = transport.onReconnect?.(refreshAll);
    return () => {
      offInventory();
      offNotifications();
      offSessionEnded();
      offSubscriptions();
      offTeam();
      offReconnect?.();
    };
  }, [transport, queryClient]);

  return (
    <ClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ClientContext.Provider>
  );
}
