import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// electron-log/main `require`s electron itself (CommonJS, out of vi.mock's reach): both it and our module
// get the same recording double through Node's require cache, so the test sees what the library registers
// on import and what createElectronLogger leaves behind.
const fake = await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const { createRequire } = await import('node:module');
  const root = mkdtempSync(join(tmpdir(), 'confbar-log-'));
  const listeners = new Map<string, unknown[]>();
  const handlers = new Map<string, unknown>();
  const electron = {
    app: {
      name: 'ConfBar',
      isPackaged: true,
      getName: () => 'ConfBar',
      getVersion: () => '0.0.0-test',
      getPath: (name: string) => join(root, name),
      isReady: () => false,
      on: () => undefined,
      once: () => undefined,
      off: () => undefined,
    },
    ipcMain: {
      on: (channel: string, fn: unknown) => listeners.set(channel, [...(listeners.get(channel) ?? []), fn]),
      handle: (channel: string, fn: unknown) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, fn);
      },
      removeAllListeners: (channel: string) => listeners.delete(channel),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
  };
  const req = createRequire(import.meta.url);
  const id = req.resolve('electron');
  req.cache[id] = { id, filename: id, loaded: true, exports: electron } as never;
  return { electron, listeners, handlers, root };
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

describe('the Electron logger', () => {
  it('removes the IPC channel electron-log registers on import, leaving no listener or handler', async () => {
    await import('electron-log/main');
    // The double works: importing the library did register its channel.
    expect([...fake.listeners.keys()]).toEqual(['__ELECTRON_LOG__']);
    expect([...fake.handlers.keys()]).toEqual(['__ELECTRON_LOG__']);

    const { createElectronLogger } = await import('../../../electron/main/log');
    const log = createElectronLogger({ packaged: true });
    expect(fake.listeners.size).toBe(0);
    expect(fake.handlers.size).toBe(0);

    // The log file and its folder are private, also when an older version left the file wider.
    const logs = path.join(fake.root, 'userData', 'logs');
    fs.mkdirSync(logs, { recursive: true, mode: 0o755 });
    fs.chmodSync(logs, 0o755);
    fs.writeFileSync(path.join(logs, 'main.log'), 'old line\n', { mode: 0o644 });
    fs.chmodSync(path.join(logs, 'main.log'), 0o644);
    log.info('a line', { apiKey: 'SECRET-KEY-1234567890' });
    await vi.waitFor(() => expect(fs.readFileSync(path.join(logs, 'main.log'), 'utf8')).toContain('a line'));
    expect(fs.statSync(logs).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(logs, 'main.log')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(logs, 'main.log'), 'utf8')).not.toContain('SECRET-KEY-1234567890');
    fs.rmSync(fake.root, { recursive: true, force: true });
  });
});
