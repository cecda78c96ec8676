import type { CallError, CallResult, EventName, EventPayload, MethodName } from '../../../main/contract';

export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;

/** A file the host holds for this session until a call names it by `uploadId`. */
export type UploadResult = { ok: true; value: { uploadId: string; bytes: number } } | { ok: false; error: CallError };

/** How the renderer reaches the host: Electron IPC on the desktop, HTTP + SSE when headless. */
export interface Transport {
  invoke<M extends MethodName>(method: M, input: unknown): Promise<CallResult<M>>;
  on<E extends EventName>(event: E, listener: EventListener<E>): () => void;
  /** Called after the event stream reconnects, when pushes may have been missed. */
  onReconnect?(listener: () => void): () => void;
  /**
   * Sends a file ahead of the call that uses it, as a stream, reporting bytes sent. Only where a call
   * cannot carry a large file (HTTP); the desktop passes the file's text in the call.
   */
  upload?(file: Blob, onProgress: (sent: number, total: number) => void): Promise<UploadResult>;
}
