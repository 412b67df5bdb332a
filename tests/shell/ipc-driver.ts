import {
  invokeChannels,
  type InvokeInput,
  type InvokeName,
  type InvokeOutput,
  type Result,
} from '../../shared/contract';
import type { ElectronDouble } from './electron-double';

export interface FakeSender {
  /** The web contents the message comes from; the toolbar window's by default. */
  contents?: unknown;
  url?: string;
  /** A parent frame: the message comes from an <iframe>. */
  subframe?: boolean;
}

/**
 * Sends one request the way the preload's ipcRenderer.invoke reaches main: to the handler bound on the
 * contract channel, with an IpcMainInvokeEvent naming the sending web contents and frame.
 */
export async function invokeOver<K extends InvokeName>(
  double: ElectronDouble,
  name: K,
  input: InvokeInput<K>,
  from: FakeSender = {},
): Promise<Result<InvokeOutput<K>>> {
  const channel = invokeChannels[name].channel;
  const handler = double.electron.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`Nothing handles ${channel}.`);
  const win = double.windows()[0];
  if (!win) throw new Error('There is no toolbar window.');
  const url = from.url ?? win.webContents.getURL();
  const event = {
    sender: from.contents ?? win.webContents,
    senderFrame: { url, parent: from.subframe ? { url } : null },
    processId: 1,
    frameId: 1,
  };
  return (await (handler(event, input) as unknown)) as Result<InvokeOutput<K>>;
}

/** The value of a successful result; a failed one fails the test with its message. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}
