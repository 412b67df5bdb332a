import { describe, expect, it } from 'vitest';
import type { HttpRequest, Transport } from '../../../electron/core/cloudagent/transport';
import { createSettingsTransport } from '../../../electron/shell/settings-transport';

/** A transport double that says which instance answered and records resets and disposal. */
function fakeTransport(name: string, log: string[]): Transport {
  return {
    request: async () => ({ status: 200, body: name, latencyMs: 0, reusedSocket: false }),
    warm: async () => true,
    describe: async () => ({ route: { kind: 'direct', from: 'default' }, trust: { bundled: 1, system: 0 } }),
    reset: () => log.push(`reset ${name}`),
    dispose: () => log.push(`dispose ${name}`),
  };
}

const req: HttpRequest = {
  method: 'GET',
  url: new URL('https://api.example/'),
  timeoutMs: 1000,
  replay: 'once',
};

describe('the app transport over the settings in force', () => {
  function setup() {
    const log: string[] = [];
    const settings = { extraCaFile: '', proxy: 'system' };
    let built = 0;
    const timers: Array<() => void> = [];
    const transport = createSettingsTransport({
      settings: () => settings,
      key: (s) => s.extraCaFile,
      build: (s) => {
        built += 1;
        log.push(`build ${built} (${s.extraCaFile || 'no extra CA'})`);
        return fakeTransport(`#${built}`, log);
      },
      setTimeout: (fn) => (timers.push(fn), {}),
    });
    return { log, settings, transport, timers, built: () => built };
  }

  it('builds again after a failed build instead of keeping the failure', async () => {
    let fail = true;
    const log: string[] = [];
    const transport = createSettingsTransport({
      settings: () => ({}),
      key: () => 'k',
      build: async () => {
        if (fail) throw new Error('trust could not be read');
        return fakeTransport('ok', log);
      },
    });
    await expect(transport.request(req)).rejects.toThrow(/trust could not be read/);
    expect(await transport.warm('https://api.example', 100)).toBe(false);
    fail = false;
    expect((await transport.request(req)).body).toBe('ok');
  });

  it('builds the inner transport on first use, and once for as long as the trust is the same', async () => {
    const s = setup();
    expect(s.built()).toBe(0);
    expect((await s.transport.request(req)).body).toBe('#1');
    s.settings.proxy = 'none'; // routes are read per request: no rebuild
    expect((await s.transport.request(req)).body).toBe('#1');
    expect(s.built()).toBe(1);
  });

  it('builds a new one when the extra CA file changes, and disposes the old one only later', async () => {
    const s = setup();
    await s.transport.request(req);
    s.settings.extraCaFile = '/etc/corp-ca.pem';
    expect((await s.transport.request(req)).body).toBe('#2');
    expect(s.log).not.toContain('dispose #1');
    s.transport.reset();
    await Promise.resolve();
    expect(s.log).toEqual(expect.arrayContaining(['reset #1', 'reset #2']));
    s.timers.forEach((t) => t());
    await Promise.resolve();
    expect(s.log).toContain('dispose #1');
    s.transport.dispose();
    await Promise.resolve();
    expect(s.log).toContain('dispose #2');
  });
});
