import type { CallResult, EventName, EventPayload, MethodName } from '../../../main/contract';

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/** How the renderer reaches the host: Electron IPC on the desktop, HTTP + SSE when headless. */
export interface Transport {
  invoke<M extends MethodName>(method: M, input: unknown): Promise<CallResult<M>>;
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
  /** Called after the event stream reconnects, when pushes may have been missed. */
  onReconnect?(listener: () => void): () => void;
}
