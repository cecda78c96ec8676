import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { eventNames, type EventName } from '../../contract';
import type { Session } from '../../dispatch/session';
import type { Runtime } from '../startCore';
import { isAppUrl } from './security';

export const INVOKE_CHANNEL = 'stockbell:invoke';
export const EVENT_CHANNEL_PREFIX = 'stockbell:event:';

export function eventChannel(event: EventName): string {
  return `${EVENT_CHANNEL_PREFIX}${event}`;
}

/** A call is accepted only from our own top-level page, never from a frame or a foreign origin. */
function fromOurWindow(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  return event.sender === window.webContents && frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** The one place IPC handlers are registered: every call goes through dispatch. */
export function serveContract(runtime: Runtime, window: BrowserWindow, session: Session, afterCall: () => void = () => undefined): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!fromOurWindow(event, window)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from Stockbell itself.' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'No method named.' } };
    const result = await runtime.dispatch(method, input, session);
    afterCall();
    return result;
  });
  const stop = runtime.core.onEvent((name, payload, audience) => {
    const forThisWindow = 'everyone' in audience || audience.userId === session.userId;
    if (forThisWindow && !window.isDestroyed() && eventNames.includes(name)) window.webContents.send(eventChannel(name), payload);
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    stop();
  };
}
