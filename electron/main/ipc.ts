import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import {
  EVENT_NAMES,
  INVOKE_NAMES,
  eventChannels,
  invokeChannels,
  type EventName,
  type EventPayloads,
} from '../../shared/contract';
import type { Logger } from '../core/log';
import type { Services } from '../core/services';
import { guardInvoke, type IpcSender } from '../shell/ipc-guard';

/**
 * Binds every invoke channel of the contract to `services.invoke` (which validates input and never
 * throws), after checking the message came from the app's page in the toolbar window; and forwards every
 * services event to that window. Returns a function that undoes both.
 */
export function bindIpc(opts: {
  services: Services;
  window: () => BrowserWindow | null;
  appPage: string;
  log: Logger;
}): () => void {
  const guarded = guardInvoke(opts.services.invoke, () => opts.appPage, opts.log);
  for (const name of INVOKE_NAMES) {
    ipcMain.handle(invokeChannels[name].channel, (event, input: unknown) =>
      guarded(name, senderOf(event, opts.window()), input),
    );
  }
  const offs = EVENT_NAMES.map((event) =>
    opts.services.on(event, (payload) => sendToWindow(opts.window(), event, payload)),
  );
  return () => {
    for (const name of INVOKE_NAMES) ipcMain.removeHandler(invokeChannels[name].channel);
    for (const off of offs) off();
  };
}

function senderOf(event: IpcMainInvokeEvent, win: BrowserWindow | null): IpcSender {
  const frame = event.senderFrame;
  const ownWindow =
    win !== null &&
    !win.isDestroyed() &&
    event.sender === win.webContents &&
    frame !== null &&
    frame.parent === null;
  return { url: frame?.url ?? null, ownWindow };
}

/** Sends one contract event to the toolbar window, if it is still there. */
export function sendToWindow<E extends EventName>(
  win: BrowserWindow | null,
  event: E,
  payload: EventPayloads[E],
): void {
  if (win && !win.isDestroyed()) win.webContents.send(eventChannels[event], payload);
}
