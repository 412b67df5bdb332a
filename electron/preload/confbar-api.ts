import {
  INVOKE_CHANNELS,
  eventChannels,
  isEventName,
  isInvokeName,
  type ConfbarApi,
  type EventName,
  type EventPayloads,
  type InvokeName,
  type Result,
} from '../../shared/channels';
import { AppError } from '../../shared/errors';

/** The two IPC primitives the preload has (ipcRenderer.invoke / on+removeListener), by channel string. */
export interface IpcTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Calls `listener` with each message's payload only (never the IPC event); returns an unsubscribe. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * `window.confbar` over an IPC transport: friendly names from the contract mapped to its channel strings,
 * and nothing else. An unknown request resolves to a typed error (the contract never throws); subscribing
 * to an unknown event throws at once, since that is a programming error in the renderer.
 */
export function createConfbarApi(transport: IpcTransport): ConfbarApi {
  async function invoke(name: InvokeName, input: unknown): Promise<Result<unknown>> {
    if (!isInvokeName(name)) {
      return failure(new AppError('InvalidInput', `Unknown request "${String(name).slice(0, 60)}".`));
    }
    try {
      return (await transport.invoke(INVOKE_CHANNELS[name], input)) as Result<unknown>;
    } catch {
      // Reached only if main has no handler or it threw despite the contract: say so without details.
      return failure(new AppError('Internal', 'ConfBar could not reach its main process for that request.'));
    }
  }

  function on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    if (!isEventName(event)) throw new TypeError(`Unknown event "${String(event).slice(0, 60)}".`);
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    return transport.subscribe(eventChannels[event], (payload) => listener(payload as EventPayloads[E]));
  }

  return Object.freeze({ invoke, on }) as ConfbarApi;
}

function failure(error: AppError): Result<never> {
  return { ok: false, error: error.toJSON() };
}
