import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventNames, methodNames } from '../../contract';

// Only `invoke` and `on` for names in the contract cross into the page; nothing else of Electron does.
const methods = new Set<string>(methodNames);
const events = new Set<string>(eventNames);

contextBridge.exposeInMainWorld('stockbell', {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (!methods.has(method)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method "${method}".` } });
    }
    return ipcRenderer.invoke('stockbell:invoke', method, input);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!events.has(event)) return () => undefined;
    const channel = `stockbell:event:${event}`;
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => ipcRenderer.removeListener(channel, forward);
  },
});
