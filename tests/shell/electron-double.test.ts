import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createElectronDouble } from './electron-double';

// The double is only worth the suite built on it if it refuses what Electron refuses.
describe('the Electron double keeps the rules Electron documents', () => {
  const make = () => createElectronDouble({ userData: mkdtempSync(join(tmpdir(), 'confbar-double-')) });

  it('has no BrowserWindow or Tray before ready, and no privileged schemes or sandbox switch after it', () => {
    const d = make();
    const { BrowserWindow, Tray, app, protocol, nativeImage } = d.electron;
    expect(() => new BrowserWindow({})).toThrow(/before app is ready/);
    expect(() => new Tray(nativeImage.createFromPath('x.png'))).toThrow(/before app is ready/);
    expect(() => protocol.handle('app', () => new Response(''))).toThrow(/before app is ready/);
    protocol.registerSchemesAsPrivileged([{ scheme: 'app' }]);
    expect(() => protocol.registerSchemesAsPrivileged([{ scheme: 'app' }])).toThrow(/only once/);
    d.ready();
    expect(() => app.enableSandbox()).toThrow(/before the app is ready/);
    expect(() => new BrowserWindow({})).not.toThrow();
  });

  it('refuses a second ipcMain.handle for one channel', () => {
    const { ipcMain } = make().electron;
    ipcMain.handle('c', () => 1);
    expect(() => ipcMain.handle('c', () => 2)).toThrow(/second handler/);
    ipcMain.removeHandler('c');
    expect(() => ipcMain.handle('c', () => 3)).not.toThrow();
  });

  it('passes protocol handlers a Request and insists on a Response', async () => {
    const d = make();
    d.ready();
    let got: unknown = null;
    d.electron.protocol.handle('app', (request) => {
      got = request;
      return new Response('hi', { status: 200 });
    });
    expect(await (await d.request('app://confbar/x')).text()).toBe('hi');
    expect(got).toBeInstanceOf(Request);
    d.electron.protocol.unhandle('app');
    d.electron.protocol.handle('app', () => 'not a response' as unknown as Response);
    await expect(d.request('app://confbar/x')).rejects.toThrow(/Response/);
  });

  it('quits in Electron order, and a prevented close cancels the quit', () => {
    const d = make();
    d.ready();
    const w = new d.electron.BrowserWindow({});
    const seen: string[] = [];
    let keep = true;
    w.on('close', (e: { preventDefault(): void }) => (seen.push('close'), keep && e.preventDefault()));
    for (const event of ['before-quit', 'will-quit', 'quit'])
      d.electron.app.on(event, () => seen.push(event));
    d.electron.app.quit();
    expect(seen).toEqual(['before-quit', 'close']);
    expect(d.quitDone).toBe(false);
    keep = false;
    d.electron.app.quit();
    expect(seen).toEqual(['before-quit', 'close', 'before-quit', 'close', 'will-quit', 'quit']);
    expect(d.quitDone).toBe(true);
  });
});
