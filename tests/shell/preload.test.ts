import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { eventChannels, invokeChannels } from '../../shared/contract';
import { createPreloadDouble } from './preload-double';

// What Electron's sandboxed preload may require (its documented "polyfilled" modules); nothing else.
const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url']);

let preload: ReturnType<typeof createPreloadDouble>;
const required: string[] = [];
let confbar: {
  invoke: (name: string, input: unknown) => Promise<unknown>;
  on: (...a: unknown[]) => () => void;
};

beforeAll(() => {
  preload = createPreloadDouble((channel) => ({ ok: true, value: { echoed: channel } }));
  const source = readFileSync(join(inject('shellBuildDir'), 'out/preload/index.cjs'), 'utf8');
  const module = { exports: {} };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (!SANDBOX_MODULES.has(name)) throw new Error(`module not found: ${name}`);
    if (name === 'electron') return preload.electron;
    throw new Error(`the preload asked for ${name}, which this suite does not provide`);
  };
  const context = createContext({ require: sandboxRequire, module, exports: module.exports, console });
  runInContext(source, context, { filename: 'preload/index.cjs' });
  confbar = preload.exposed.get('confbar') as typeof confbar;
});

describe('the built preload in a sandbox-like vm context (Electron double, not the Electron e2e suite)', () => {
  it('requires only electron and exposes exactly window.confbar = { invoke, on }', () => {
    expect(required).toEqual(['electron']);
    expect([...preload.exposed.keys()]).toEqual(['confbar']);
    expect(Object.keys(confbar).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(confbar)).toBe(true);
  });

  it('maps request names to contract channels and passes the input through', async () => {
    const r = await confbar.invoke('toggleMute', { id: 'p1' });
    expect(r).toEqual({ ok: true, value: { echoed: invokeChannels.toggleMute.channel } });
    expect(preload.invoked.at(-1)).toEqual({
      channel: invokeChannels.toggleMute.channel,
      args: [{ id: 'p1' }],
    });
  });

  it('answers an unknown request with a typed error without sending it', async () => {
    const before = preload.invoked.length;
    const r = (await confbar.invoke('__ELECTRON_LOG__', {})) as { ok: boolean; error: { kind: string } };
    expect(r.ok).toBe(false);
    expect(r.error.kind).toBe('InvalidInput');
    expect(preload.invoked.length).toBe(before);
  });

  it('subscribes to contract events, hands the listener the payload only, and unsubscribes', () => {
    const got: unknown[][] = [];
    const off = confbar.on('toast', (...args: unknown[]) => got.push(args));
    preload.emit(eventChannels.toast, { level: 'info', message: 'hello' });
    expect(got).toEqual([[{ level: 'info', message: 'hello' }]]);
    off();
    expect(preload.listenerCount(eventChannels.toast)).toBe(0);
    expect(() => confbar.on('bogus', () => {})).toThrow(/Unknown event/);
  });
});
