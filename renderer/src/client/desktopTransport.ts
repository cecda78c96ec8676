import type { CallResult, EventName, EventPayload, MethodName } from '../../../main/contract';
import type { Transport } from './transport';

/** What the Electron preload exposes through contextBridge, and nothing more. */
export interface StockbellBridge {
  invoke(method: string, input: unknown): Promise<CallResult<MethodName>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    stockbell?: StockbellBridge;
  }
}

export function createDesktopTransport(bridge: StockbellBridge): Transport {
  return {
    async invoke<M extends MethodName>(method: M, input: unknown) {
      return (await bridge.invoke(method, input)) as CallResult<M>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      return bridge.on(event, (payload) => listener(payload as EventPayload<E>));
    },
  };
}
