import { createContext, useContext } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../main/contract';
import { CallFailure } from './callFailure';
import type { Transport } from './transport';

export type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/** The typed client: a failed call becomes a thrown CallFailure carrying code, message and field errors. */
export function createCall(transport: Transport): Call {
  return async (method, input) => {
    const result = await transport.invoke(method, input);
    if (!result.ok) throw new CallFailure(result.error);
    return result.value;
  };
}

export interface StockbellClient {
  transport: Transport;
  call: Call;
}

export const ClientContext = createContext<StockbellClient | null>(null);

export function useClient(): StockbellClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient must be used inside <ClientProvider>');
  return client;
}
