import { describe, expect, it } from 'vitest';
import { bootMain } from './boot';

describe('a second ConfBar started while one runs (Electron double, not the Electron e2e suite)', () => {
  it('quits at once, before ready, without a window, a handler or a shortcut', async () => {
    const { double } = await bootMain({ lock: false });
    expect(double.quitRequested).toBe(1);
    double.ready();
    await new Promise((r) => setTimeout(r, 50));
    expect(double.windows()).toEqual([]);
    expect([...double.electron.ipcMain.handlers.keys()].filter((c) => c.startsWith('confbar:'))).toEqual([]);
    expect(double.shortcuts.size).toBe(0);
    expect(double.trays()).toEqual([]);
  });
});
