import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { CallFailure } from './callFailure';
import { ClientContext, createCall, type StockbellClient } from './client';
import type { Transport } from './transport';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The host pushes `inventory.changed`, so cached reads stay fresh without polling.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Domain errors (not found, forbidden...) will not change by asking again.
        retry: (failureCount, error) => !(error instanceof CallFailure && error.code !== 'INTERNAL') && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}

export function ClientProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [client] = useState<StockbellClient>(() => ({ transport, call: createCall(transport) }));

  useEffect(() => {
    const offChanged = transport.on('inventory.changed', () => void queryClient.invalidateQueries());
    const offReconnect = transport.onReconnect?.(() => void queryClient.invalidateQueries());
    return () => {
      offChanged();
      offReconnect?.();
    };
  }, [transport, queryClient]);

  return (
    <ClientContext.Provider value={client}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ClientContext.Provider>
  );
}
