import { describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, INVOKE_NAMES, eventChannels, invokeChannels } from '../../../shared/contract';
import { createConfbarApi, type IpcTransport } from '../../../electron/preload/confbar-api';

function fakeTransport() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: IpcTransport = {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload));
  return { transport, emit, listeners };
}

describe('createConfbarApi', () => {
  it('exposes exactly invoke and on', () => {
    const api = createConfbarApi(fakeTransport().transport);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it("maps every request name to the contract's channel", async () => {
    const { transport } = fakeTransport();
    const api = createConfbarApi(transport);
    for (const name of INVOKE_NAMES) {
      const result = await api.invoke(name, {} as never);
      expect(result).toEqual({ ok: true, value: { channel: invokeChannels[name].channel, input: {} } });
    }
  });

  it('answers an unknown request with a typed error without touching IPC', async () => {
    const { transport } = fakeTransport();
    const api = createConfbarApi(transport);
    for (const name of ['nope', 'toString', '__proto__', 'constructor']) {
      const result = await api.invoke(name as never, {} as never);
      expect(result).toMatchObject({ ok: false, error: { kind: 'InvalidInput' } });
    }
    expect(transport.invoke).not.toHaveBeenCalled();
  });

  it('turns a rejected IPC call into a typed error', async () => {
    const { transport } = fakeTransport();
    transport.invoke = async () => {
      throw new Error("No handler registered for 'confbar:session:get'");
    };
    const result = await createConfbarApi(transport).invoke('getSnapshot', {});
    expect(result).toMatchObject({ ok: false, error: { kind: 'Internal' } });
  });

  it('delivers payloads of each event on its own channel, and unsubscribes', () => {
    const { transport, emit } = fakeTransport();
    const api = createConfbarApi(transport);
    for (const event of EVENT_NAMES) {
      const seen: unknown[] = [];
      const off = api.on(event, (payload) => seen.push(payload));
      emit(eventChannels[event], { n: 1 });
      off();
      emit(eventChannels[event], { n: 2 });
      expect(seen).toEqual([{ n: 1 }]);
    }
  });

  it('throws on an unknown event or a listener that is not a function', () => {
    const api = createConfbarApi(fakeTransport().transport);
    expect(() => api.on('nope' as never, () => {})).toThrow(TypeError);
    expect(() => api.on('snapshot', 'x' as never)).toThrow(TypeError);
  });
});
