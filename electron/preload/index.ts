import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createConfbarApi } from './confbar-api';

/**
 * The sandboxed preload: exposes exactly `window.confbar = { invoke, on }` (the contract) and nothing of
 * Electron. Bundled into one CommonJS file (electron.vite.config.ts), as a sandboxed preload requires.
 */
const api = createConfbarApi({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe(channel, listener) {
    // The IPC event (and its `sender`) must not reach the page: pass the payload only.
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
});

contextBridge.exposeInMainWorld('confbar', api);
