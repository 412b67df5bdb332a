import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';

type Listener = (event: Electron.IpcRendererEvent, ...args: unknown[]) => void;

/**
 * The renderer-side Electron modules a sandboxed preload gets (`contextBridge`, `ipcRenderer`), recording
 * what the preload exposes and sends. Typed against Electron's declarations like the main-process double.
 */
export function createPreloadDouble(answer: (channel: string, args: unknown[]) => unknown) {
  const exposed = new Map<string, unknown>();
  const invoked: { channel: string; args: unknown[] }[] = [];
  const emitter = new EventEmitter();
  const ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
    on(channel: string, listener: Listener): Electron.IpcRenderer;
    removeListener(channel: string, listener: Listener): Electron.IpcRenderer;
  } = {
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      invoked.push({ channel, args });
      return answer(channel, args);
    },
    on(channel: string, listener: Listener): Electron.IpcRenderer {
      emitter.on(channel, listener);
      return ipcRenderer as unknown as Electron.IpcRenderer;
    },
    removeListener(channel: string, listener: Listener): Electron.IpcRenderer {
      emitter.removeListener(channel, listener);
      return ipcRenderer as unknown as Electron.IpcRenderer;
    },
  };
  const contextBridge = {
    exposeInMainWorld(apiKey: string, api: unknown): void {
      if (exposed.has(apiKey))
        throw new Error(`Cannot bind an API on top of an existing property "${apiKey}"`);
      exposed.set(apiKey, api);
    },
  };
  const electron = { contextBridge, ipcRenderer };
  electron satisfies {
    contextBridge: Pick<typeof Electron.contextBridge, 'exposeInMainWorld'>;
    ipcRenderer: Pick<Electron.IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
  };
  return {
    electron,
    exposed,
    invoked,
    /** Main sends an event: what ipcRenderer listeners receive (an event object, then the payload). */
    emit(channel: string, payload: unknown) {
      emitter.emit(channel, { sender: ipcRenderer, senderId: 0 }, payload);
    },
    listenerCount: (channel: string) => emitter.listenerCount(channel),
  };
}
